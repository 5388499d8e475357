import { parseArgs } from "node:util";
import { startDemoServer } from "../../demo/server.ts";
import { demoConfig, ingestDemo } from "../../pipeline/demo.ts";
import { startServer } from "../../serve/index.ts";
import { openStore } from "../../store/index.ts";
import { configFrom, progress } from "../shared.ts";

/**
 * `storyline demo`: starts the bundled fictional outlets on 127.0.0.1, ingests them through the
 * real fetch → parse → extract → cluster → write path, then serves the result.
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string", default: "storyline-demo.db" },
      port: { type: "string", default: "8080" },
      "no-serve": { type: "boolean", default: false },
    },
  });
  const outlets = await startDemoServer();
  const config = demoConfig(configFrom(values.db), outlets);
  const store = await openStore(config.db);
  const started = Date.now();
  const report = await ingestDemo(outlets, store, config, progress("polling sources"));
  const failed = report.polled.filter((p) => p.error !== null);
  const stories = await store.listStories({ limit: 10_000 });
  const articles = await store.countArticles();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `demo: ${articles} articles from ${report.polled.length} sources → ${stories.length} stories, ` +
      `${report.briefs} briefs written in ${seconds} s` +
      (failed.length > 0 ? ` (${failed.length} sources failed; see \`storyline sources\`)` : "") +
      "\n",
  );
  if (values["no-serve"]) {
    await outlets.close();
    await store.close();
    return failed.length === report.polled.length ? 1 : 0;
  }
  const server = await startServer({
    store,
    adminToken: config.adminToken,
    port: Number(values.port),
    host: "127.0.0.1",
  });
  process.stdout.write(`\nStoryline is serving the demo at ${server.url}/  (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  await outlets.close();
  await store.close();
  return 0;
}

import { parseArgs } from "node:util";
import { startDemoServer } from "../../demo/server.ts";
import { parseOpml } from "../../ingest/opml.ts";
import { closePipeline, createPipeline, runRound } from "../../pipeline/index.ts";
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
  const base = configFrom(values.db);
  const config = {
    ...base,
    // The demo's outlets live on loopback, which the fetcher refuses unless allowed by name.
    fetch: {
      ...base.fetch,
      allowPrivateHosts: ["127.0.0.1"],
      perHostDelayMs: 0,
      perHostConcurrency: 8,
    },
    threadApis: {
      hackernewsSearch: `${outlets.url}/hn/api/v1`,
      hackernewsItems: `${outlets.url}/hn/v0`,
      reddit: outlets.url,
    },
  };
  const store = await openStore(config.db);
  const ctx = await createPipeline(config, store);
  try {
    for (const feed of parseOpml(outlets.opml)) {
      if ((await store.getSourceByUrl(feed.url)) === null) {
        await store.addSource({ kind: "feed", url: feed.url, title: feed.title });
      }
    }
    for (const url of outlets.threadUrls) {
      if ((await store.getSourceByUrl(url)) === null)
        await store.addSource({ kind: "thread", url });
    }
    const started = Date.now();
    const report = await runRound(ctx, { all: true, onProgress: progress("polling sources") });
    const failed = report.polled.filter((p) => p.error !== null);
    const stories = await store.listStories({ limit: 1000 });
    const articles = await store.countArticles();
    process.stdout.write(
      `demo: ${articles} articles from ${report.polled.length} sources → ${stories.length} stories, ` +
        `${report.briefs} briefs written in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (failed.length > 0 ? ` (${failed.length} sources failed)` : "") +
        "\n",
    );
    if (values["no-serve"]) return failed.length === report.polled.length ? 1 : 0;
  } finally {
    await closePipeline(ctx);
  }
  const server = await startServer({
    store,
    adminToken: config.adminToken,
    port: Number(values.port),
    host: "127.0.0.1",
  });
  process.stdout.write(`Storyline is serving the demo at ${server.url}/  (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  await outlets.close();
  await store.close();
  return 0;
}

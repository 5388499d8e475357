import { parseArgs } from "node:util";
import { publicUrlOf } from "../../config.ts";
import { startDemoServer } from "../../demo/server.ts";
import { demoConfig, ingestDemo } from "../../pipeline/demo.ts";
import { closePipeline, createPipeline, runForever } from "../../pipeline/index.ts";
import { startServer } from "../../serve/index.ts";
import { configFrom, feedsOpml, progress, sourceAdder, withStore } from "../shared.ts";

/** Where the fictional outlets listen when the port is free. */
const DEMO_OUTLETS_PORT = 8079;

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
      "public-url": { type: "string" },
    },
  });
  // Checked before the long ingest, so a typo is reported at once.
  const publicUrl = values["public-url"];
  let publicBaseUrl: string | undefined;
  try {
    publicBaseUrl = publicUrl === undefined ? undefined : publicUrlOf(publicUrl, "--public-url");
  } catch (err) {
    process.stderr.write(`demo: ${(err as Error).message}\n`);
    return 2;
  }
  // A fixed port keeps the outlets' URLs (and so the article ids) the same from run to run, so
  // running the demo again on the same database adds nothing twice.
  const outlets = await startDemoServer({ port: DEMO_OUTLETS_PORT }).catch(() => startDemoServer());
  // Closed on every path: a listening server left open keeps the process alive after an error.
  try {
    const config = demoConfig(configFrom(values.db), outlets);
    return await withStore(config.db, async (store) => {
      const started = Date.now();
      const report = await ingestDemo(outlets, store, config, progress("polling sources"));
      const failed = report.polled.filter((p) => p.error !== null);
      const stories = await store.listStories({ limit: 10_000 });
      const articles = await store.countArticles();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `demo: ${articles} articles from ${report.polled.length} sources → ${stories.length} stories, ` +
          `${report.briefs} briefs written in ${seconds} s` +
          (failed.length > 0
            ? ` (${failed.length} sources failed; see \`storyline sources\`)`
            : "") +
          "\n",
      );
      if (values["no-serve"]) return failed.length === report.polled.length ? 1 : 0;
      const serveOptions = {
        store,
        adminToken: config.adminToken,
        host: "127.0.0.1",
        publicBaseUrl: publicBaseUrl ?? config.publicUrl ?? undefined,
        onAddSource: sourceAdder(store, config.fetch.allowPrivateHosts),
        feedsOpml: () => feedsOpml(store),
      };
      const server = await startServer({ ...serveOptions, port: Number(values.port) }).catch(() => {
        process.stdout.write(`port ${values.port} is taken; using a free one\n`);
        return startServer({ ...serveOptions, port: 0 });
      });
      try {
        process.stdout.write(
          `\nStoryline is serving the demo at ${server.url}/  (Ctrl-C to stop)\n`,
        );
        // Keep polling, so that sources added in the web UI are fetched while the demo runs.
        const stop = new AbortController();
        process.once("SIGINT", () => stop.abort());
        process.once("SIGTERM", () => stop.abort());
        const ctx = await createPipeline(config, store);
        try {
          await runForever(ctx, stop.signal, true);
        } finally {
          await closePipeline(ctx);
        }
      } finally {
        await server.close();
      }
      return 0;
    });
  } finally {
    await outlets.close();
  }
}

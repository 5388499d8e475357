import type { Config } from "../config.ts";
import type { DemoServer } from "../demo/server.ts";
import { parseOpml } from "../ingest/opml.ts";
import { parseOutlets } from "../ingest/outlets.ts";
import type { Store } from "../store/store.ts";
import { closePipeline, createPipeline, type RoundReport, runRound } from "./index.ts";

/** The configuration that points Storyline at the demo outlets on loopback. */
export function demoConfig(base: Config, outlets: DemoServer): Config {
  return {
    ...base,
    // The demo's outlets live on loopback, which the fetcher refuses unless allowed by name; it is
    // our own server, so no politeness delay either.
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
}

/** Adds the demo outlets' feeds and threads as sources, describes the outlets, and runs one full
 * round over them. */
export async function ingestDemo(
  outlets: DemoServer,
  store: Store,
  config: Config,
  onProgress?: (done: number, total: number) => void,
): Promise<RoundReport> {
  for (const feed of parseOpml(outlets.opml))
    await store.addSource({
      kind: "feed",
      url: feed.url,
      title: feed.title,
      section: feed.section,
    });
  for (const url of outlets.threadUrls) await store.addSource({ kind: "thread", url });
  // Described by name: the demo's outlets share one host.
  await store.putOutlets(parseOutlets(outlets.outletList));
  const ctx = await createPipeline(config, store);
  try {
    return await runRound(ctx, { all: true, onProgress });
  } finally {
    await closePipeline(ctx);
  }
}

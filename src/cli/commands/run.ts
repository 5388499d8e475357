import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseOpml } from "../../ingest/opml.ts";
import { closePipeline, createPipeline, runForever } from "../../pipeline/index.ts";
import { followSource } from "../../store/source-actions.ts";
import { configFrom, followableOrSay, withStore } from "../shared.ts";

/** `storyline run --opml FILE | --feed URL…`: adds the sources, then polls until stopped. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      opml: { type: "string" },
      feed: { type: "string", multiple: true, default: [] },
    },
  });
  const config = configFrom(values.db);
  // withStore closes it on every path, errors included: nothing left open keeps the process alive.
  return withStore(config.db, async (store) => {
    const feeds = values.feed.map((url) => ({
      url,
      title: null as string | null,
      section: null as string | null,
    }));
    if (values.opml !== undefined) feeds.push(...parseOpml(await readFile(values.opml, "utf8")));
    for (const feed of feeds) {
      const url = followableOrSay("run", feed.url, config);
      if (url === null) return 2;
      await followSource(store, { kind: "feed", url, title: feed.title, section: feed.section });
    }
    if ((await store.listSources()).length === 0) {
      process.stderr.write(
        "run: no sources: give --opml FILE or --feed URL, or `storyline add URL`\n",
      );
      return 2;
    }
    const ctx = await createPipeline(config, store);
    try {
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      process.once("SIGTERM", () => stop.abort());
      process.stdout.write(
        `run: polling ${(await store.listSources()).length} sources into ${config.db}; Ctrl-C to stop\n`,
      );
      await runForever(ctx, stop.signal);
    } finally {
      await closePipeline(ctx);
    }
    return 0;
  });
}

import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Config } from "../../config.ts";
import { discoverFeeds } from "../../ingest/discover.ts";
import { createFetcher } from "../../ingest/fetch/index.ts";
import { parseOpml } from "../../ingest/opml.ts";
import type { SourceKind } from "../../types.ts";
import { configFrom, followableOrSay, withStore } from "../shared.ts";

const THREAD_URL = /\/item\?id=\d+|\/r\/[^/]+\/comments\/|\/post\/\d+/;

/** Guesses what a URL is from its shape; `--kind` overrides. Feeds are the default. */
export function guessKind(url: string): SourceKind {
  if (THREAD_URL.test(url)) return "thread";
  if (/(rss|atom|feed|\.xml|\.json)(\/|$|\?)/i.test(url)) return "feed";
  return "page";
}

/** `storyline add URL|FILE.opml [--kind feed|page|thread]` */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: "string" }, kind: { type: "string" }, discover: { type: "boolean" } },
  });
  if (positionals.length === 0) {
    process.stderr.write(
      "usage: storyline add URL|FILE.opml [--kind feed|page|thread] [--db FILE]\n",
    );
    return 2;
  }
  const config = configFrom(values.db);
  if (values.discover) return addDiscovered(positionals, config);
  return withStore(config.db, async (store) => {
    for (const target of positionals) {
      const entries = target.endsWith(".opml")
        ? parseOpml(await readFile(target, "utf8")).map((f) => ({
            url: f.url,
            kind: "feed" as SourceKind,
            title: f.title,
          }))
        : [{ url: target, kind: values.kind as SourceKind | undefined, title: null }];
      for (const entry of entries) {
        const url = followableOrSay("add", entry.url, config);
        if (url === null) return 2;
        // Guessed from the URL as stored: a fragment ("feed.xml#top") hides what it ends in.
        const kind = entry.kind ?? guessKind(url);
        const existing = await store.getSourceByUrl(url);
        const source = existing ?? (await store.addSource({ ...entry, kind, url }));
        process.stdout.write(
          `${existing ? "already there" : "added"}: ${source.kind} ${source.url}\n`,
        );
      }
    }
    return 0;
  });
}

/** `storyline add --discover https://site/`: finds the site's feeds and adds each. */
async function addDiscovered(pages: string[], config: Config): Promise<number> {
  const fetcher = createFetcher(config.fetch);
  try {
    return await withStore(config.db, async (store) => {
      for (const page of pages) {
        const feeds = await discoverFeeds(page, fetcher);
        if (feeds.length === 0) {
          process.stderr.write(`add: no feed found at ${page}\n`);
          return 1;
        }
        for (const found of feeds) {
          // A page may advertise any URL as its feed, a private address included.
          const url = followableOrSay("add", found, config, "skipped a feed the page lists: ");
          if (url === null) continue;
          const existing = await store.getSourceByUrl(url);
          if (existing === null) await store.addSource({ kind: "feed", url });
          process.stdout.write(`${existing ? "already there" : "added"}: feed ${url}\n`);
        }
      }
      return 0;
    });
  } finally {
    await fetcher.close();
  }
}

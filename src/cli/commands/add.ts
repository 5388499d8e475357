import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Config } from "../../config.ts";
import { discoverFeeds } from "../../ingest/discover.ts";
import { createFetcher } from "../../ingest/fetch/index.ts";
import { parseOpml } from "../../ingest/opml.ts";
import { followSource } from "../../store/source-actions.ts";
import { type SourceKind, sectionName } from "../../types.ts";
import { configFrom, followableOrSay, withStore } from "../shared.ts";

const KINDS: readonly SourceKind[] = ["feed", "page", "thread"];

const THREAD_URL = /\/item\?id=\d+|\/r\/[^/]+\/comments\/|\/post\/\d+/;

/** Guesses what a URL is from its shape; `--kind` overrides. Feeds are the default. */
export function guessKind(url: string): SourceKind {
  if (THREAD_URL.test(url)) return "thread";
  if (/(rss|atom|feed|\.xml|\.json)(\/|$|\?)/i.test(url)) return "feed";
  return "page";
}

/** `storyline add URL|FILE.opml [--kind feed|page|thread] [--section NAME]`: an OPML file's feeds
 * come with the folders they sit in as sections, unless --section says otherwise. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      kind: { type: "string" },
      section: { type: "string" },
      discover: { type: "boolean" },
    },
  });
  if (positionals.length === 0) {
    process.stderr.write(
      "usage: storyline add URL|FILE.opml [--kind feed|page|thread] [--section NAME] [--db FILE]\n",
    );
    return 2;
  }
  // Checked here: an unknown kind would be stored as given and then fail on every poll.
  const kind = values.kind as SourceKind | undefined;
  if (kind !== undefined && !KINDS.includes(kind)) {
    process.stderr.write(`add: --kind must be feed, page or thread, not "${values.kind}"\n`);
    return 2;
  }
  const config = configFrom(values.db);
  const section = sectionName(values.section);
  if (values.section !== undefined && section === null) {
    process.stderr.write("add: --section needs a name\n");
    return 2;
  }
  if (values.discover) return addDiscovered(positionals, config, section);
  return withStore(config.db, async (store) => {
    for (const target of positionals) {
      const entries = target.endsWith(".opml")
        ? parseOpml(await readFile(target, "utf8")).map((f) => ({
            url: f.url,
            kind: "feed" as SourceKind,
            title: f.title,
            section: section ?? f.section,
          }))
        : [{ url: target, kind, title: null, section }];
      for (const entry of entries) {
        const url = followableOrSay("add", entry.url, config);
        if (url === null) return 2;
        // Guessed from the URL as stored: a fragment ("feed.xml#top") hides what it ends in.
        const kind = entry.kind ?? guessKind(url);
        const { source, outcome } = await followSource(store, { ...entry, kind, url });
        process.stdout.write(`${outcome}: ${source.kind} ${source.url}${inSection(source)}\n`);
      }
    }
    return 0;
  });
}

function inSection(source: { section: string | null }): string {
  return source.section === null ? "" : ` (section ${source.section})`;
}

/** `storyline add --discover https://site/`: finds the site's feeds and adds each. */
async function addDiscovered(
  pages: string[],
  config: Config,
  section: string | null,
): Promise<number> {
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
          const { source, outcome } = await followSource(store, { kind: "feed", url, section });
          process.stdout.write(`${outcome}: feed ${url}${inSection(source)}\n`);
        }
      }
      return 0;
    });
  } finally {
    await fetcher.close();
  }
}

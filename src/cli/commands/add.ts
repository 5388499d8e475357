import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseOpml } from "../../ingest/opml.ts";
import type { SourceKind } from "../../types.ts";
import { configFrom, withStore } from "../shared.ts";

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
    options: { db: { type: "string" }, kind: { type: "string" } },
  });
  if (positionals.length === 0) {
    process.stderr.write(
      "usage: storyline add URL|FILE.opml [--kind feed|page|thread] [--db FILE]\n",
    );
    return 2;
  }
  const config = configFrom(values.db);
  return withStore(config.db, async (store) => {
    for (const target of positionals) {
      const entries = target.endsWith(".opml")
        ? parseOpml(await readFile(target, "utf8")).map((f) => ({
            url: f.url,
            kind: "feed" as SourceKind,
            title: f.title,
          }))
        : [
            {
              url: target,
              kind: (values.kind as SourceKind | undefined) ?? guessKind(target),
              title: null,
            },
          ];
      for (const entry of entries) {
        try {
          new URL(entry.url);
        } catch {
          process.stderr.write(`add: not a URL: ${entry.url}\n`);
          return 2;
        }
        const existing = await store.getSourceByUrl(entry.url);
        const source = existing ?? (await store.addSource(entry));
        process.stdout.write(
          `${existing ? "already there" : "added"}: ${source.kind} ${source.url}\n`,
        );
      }
    }
    return 0;
  });
}

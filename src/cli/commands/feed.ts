// `storyline feed parse FILE [--json] [--url URL] [--content-type TYPE]`: parse a feed file and
// print a summary (or the ParsedFeed as JSON). Exits 2 with one "feed: …" line when it is no feed.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { FeedError, parseFeed } from "../../ingest/feeds/index.ts";
import type { ParsedFeed } from "../../types.ts";

const USAGE = "usage: storyline feed parse FILE [--json] [--url FEED_URL] [--content-type TYPE]\n";

function summary(feed: ParsedFeed): string {
  const lines = [
    `format:  ${feed.format}`,
    `title:   ${feed.title ?? "(none)"}`,
    `site:    ${feed.siteUrl ?? "(none)"}`,
    `entries: ${feed.entries.length}`,
  ];
  for (const e of feed.entries) {
    lines.push("", `- ${e.title ?? "(untitled)"}`, `  ${e.url ?? e.guid ?? "(no link)"}`);
    const meta = [e.publishedAt, e.author].filter(Boolean).join(" · ");
    if (meta) lines.push(`  ${meta}`);
  }
  return `${lines.join("\n")}\n`;
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      url: { type: "string" },
      "content-type": { type: "string" },
    },
  });
}

/** Where the command writes; replaceable so tests need not touch the real streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_IO: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function run(args: string[], io: Io = PROCESS_IO): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (err) {
    io.err(`feed: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [sub, file] = positionals;
  if (sub !== "parse" || file === undefined) {
    io.err(USAGE);
    return 2;
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (err) {
    io.err(`feed: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}\n`);
    return 2;
  }
  const feedUrl = values.url ?? pathToFileURL(resolve(file)).href;
  try {
    const feed = await parseFeed(body, feedUrl, values["content-type"] ?? null);
    io.out(values.json ? `${JSON.stringify(feed, null, 2)}\n` : summary(feed));
    return 0;
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    io.err(`${err.message}\n`);
    return 2;
  }
}

// Adds a hand-picked document to the feed corpus: copies it to testdata/corpus/<slug>/input.<ext>
// and writes expected.json from what the parser says NOW, for you to check by eye (and correct)
// before committing. Every parser fix should come with a case.
//   node --import tsx src/ingest/feeds/testdata/add-case.ts <slug> <file> [--url FEED_URL] [--content-type TYPE]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { parseArgs } from "node:util";
import { parseFeed } from "../index.ts";

const DEFAULT_FEED_URL = "https://feeds.example.com/news/feed.xml";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: "string" }, "content-type": { type: "string" } },
});
const [slug, file] = positionals;
if (!slug || !file || !/^[a-z0-9-]+$/.test(slug)) {
  process.stderr.write("usage: add-case.ts <slug: a-z0-9-> <file> [--url URL] [--content-type TYPE]\n");
  process.exit(2);
}
const dir = join(import.meta.dirname, "corpus", slug);
if (existsSync(dir)) {
  process.stderr.write(`add-case: ${dir} exists\n`);
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const ext = (extname(file).slice(1) || "txt").toLowerCase();
const body = readFileSync(file); // read once: the file may be a pipe
writeFileSync(join(dir, `input.${ext}`), body);

const expected: Record<string, unknown> = {};
if (values.url) expected.feedUrl = values.url;
if (values["content-type"]) expected.contentType = values["content-type"];
try {
  const feed = await parseFeed(body, values.url ?? DEFAULT_FEED_URL, values["content-type"]);
  const first = feed.entries[0];
  Object.assign(expected, {
    format: feed.format,
    title: feed.title,
    siteUrl: feed.siteUrl,
    entries: feed.entries.length,
    ...(first ? { first: { title: first.title, url: first.url, guid: first.guid, author: first.author, publishedAt: first.publishedAt } } : {}),
  });
} catch (err) {
  expected.error = (err as Error).message;
}
const text = `${JSON.stringify(expected, null, 2)}\n`;
writeFileSync(join(dir, "expected.json"), text);
process.stdout.write(`${join(dir, "expected.json")} (check it by eye):\n${text}`);

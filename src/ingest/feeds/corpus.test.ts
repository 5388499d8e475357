// The feed corpus: every testdata/corpus/<case>/ holds one input.* file and an expected.json
// summary (format, title, entry count, fields of the first entry, or the error). Found automatically.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FeedError, parseFeed } from "./index.ts";

const CORPUS = join(import.meta.dirname, "testdata", "corpus");
const DEFAULT_FEED_URL = "https://feeds.example.com/news/feed.xml";
/** A corpus this small means the folder went missing, not that the parser is good. */
const MIN_CASES = 100;

interface Expected {
  format?: string;
  title?: string | null;
  siteUrl?: string | null;
  entries?: number;
  first?: Record<string, string | null>;
  error?: string;
  feedUrl?: string;
  contentType?: string;
}

const cases = readdirSync(CORPUS).sort();

test("the corpus is all there", () => {
  assert.ok(cases.length >= MIN_CASES, `only ${cases.length} cases`);
});

for (const name of cases) {
  test(`corpus: ${name}`, async () => {
    const dir = join(CORPUS, name);
    const input = readdirSync(dir).find((f) => f.startsWith("input."));
    assert.ok(input, "no input.* file");
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
    const body = readFileSync(join(dir, input));
    const run = parseFeed(body, expected.feedUrl ?? DEFAULT_FEED_URL, expected.contentType);
    if (expected.error !== undefined) {
      await assert.rejects(run, (err: unknown) => {
        assert.ok(err instanceof FeedError);
        assert.equal(err.message, expected.error);
        return true;
      });
      return;
    }
    const feed = await run;
    if (expected.format !== undefined) assert.equal(feed.format, expected.format);
    if (expected.title !== undefined) assert.equal(feed.title, expected.title);
    if (expected.siteUrl !== undefined) assert.equal(feed.siteUrl, expected.siteUrl);
    if (expected.entries !== undefined) assert.equal(feed.entries.length, expected.entries);
    const first = feed.entries[0] as unknown as Record<string, unknown> | undefined;
    for (const [key, want] of Object.entries(expected.first ?? {})) {
      assert.equal(first?.[key], want, `first entry ${key}`);
    }
  });
}

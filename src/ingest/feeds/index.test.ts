// parseFeed beyond the corpus: string vs Buffer input, and hostile or huge documents, which are
// generated here and never committed.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { FeedError, parseFeed } from "./index.ts";

const URL = "https://feeds.example.com/feed.xml";
const rss = (items: string, head = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>${head}<rss version="2.0"><channel><title>H</title>${items}</channel></rss>`;

test("a string and its UTF-8 bytes parse the same; a BOM in a string is ignored", async () => {
  const doc = rss("<item><title>Café “quotes”</title><link>/a</link></item>");
  const fromString = await parseFeed(`\ufeff${doc}`, URL);
  assert.deepEqual(await parseFeed(Buffer.from(doc), URL), fromString);
  assert.equal(fromString.entries[0]?.title, "Café “quotes”");
  assert.equal(fromString.entries[0]?.url, "https://feeds.example.com/a");
});

test("a huge feed (5,000 items) parses completely", async () => {
  const items = Array.from(
    { length: 5000 },
    (_, i) => `<item><title>Item ${i}</title><link>https://x.example/${i}</link></item>`,
  );
  const feed = await parseFeed(rss(items.join("")), URL);
  assert.equal(feed.entries.length, 5000);
  assert.equal(feed.entries[4999]?.url, "https://x.example/4999");
});

test("deeply nested markup inside an item does not break the parser", async () => {
  const depth = 20_000;
  const nested = `${"<x:d>".repeat(depth)}deep${"</x:d>".repeat(depth)}`;
  const feed = await parseFeed(
    rss(
      `<item xmlns:x="urn:x"><title>Deep</title><link>https://x.example/d</link>${nested}</item>`,
    ),
    URL,
  );
  assert.equal(feed.entries[0]?.title, "Deep");
});

test("internal DTD entities are not expanded (no billion laughs)", async () => {
  const dtd = `<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
  const feed = await parseFeed(
    rss("<item><title>&c;&c;&c;</title><link>https://x.example/l</link></item>", dtd),
    URL,
  );
  assert.ok((feed.entries[0]?.title ?? "").length < 100, "entity was expanded");
});

test("a megabyte-long title and summary are kept bounded or whole, not fatal", async () => {
  const long = "word ".repeat(200_000);
  const feed = await parseFeed(
    rss(`<item><title>${long}</title><description>${long}</description></item>`),
    URL,
  );
  assert.equal(feed.entries.length, 1);
  assert.ok((feed.entries[0]?.summary ?? "").length <= 1001);
});

test("random bytes, deep JSON and a NUL-filled body are FeedErrors with one line", async () => {
  const deepJson = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
  for (const body of [
    randomBytes(4096),
    Buffer.from(deepJson),
    Buffer.alloc(1024),
    Buffer.from("<<<<>>>>"),
  ]) {
    await assert.rejects(parseFeed(body, URL), (err: unknown) => {
      assert.ok(err instanceof FeedError, String(err));
      assert.match(err.message, /^feed: [^\n]+$/);
      return true;
    });
  }
});

// parseFeed beyond the corpus: string vs Buffer input, and hostile or huge documents, which are
// generated here and never committed.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import FeedParser from "feedparser";
import { FeedError, parseFeed } from "./index.ts";
import { MAX_XML_DEPTH } from "./xml/parse.ts";

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

test("feedparser is shown no element nested deeper than MAX_XML_DEPTH; the entry survives", async () => {
  // feedparser shifts an array of its open elements at every tag, so its time grows with the
  // square of the depth: 66,000 levels took 4 s, and a 10 MB body holds 3 million.
  let opened = 0;
  // feedparser's handler of each opening tag (not in its typings).
  const proto = FeedParser.prototype as unknown as { handleOpenTag(node: unknown): void };
  const handleOpenTag = proto.handleOpenTag;
  proto.handleOpenTag = function (this: unknown, node: unknown) {
    opened++;
    return handleOpenTag.call(this, node);
  };
  const depth = 20_000;
  try {
    const feed = await parseFeed(
      rss(
        `<item><title>Deep</title><link>https://x.example/d</link>${"<x>".repeat(depth)}deep${"</x>".repeat(depth)}</item>`,
      ),
      URL,
    );
    assert.equal(feed.entries[0]?.title, "Deep");
    // The elements down to that depth, and the titles and link beside them.
    assert.ok(opened <= MAX_XML_DEPTH + 3, `${opened} elements opened`);
    // A document that stops inside the hidden elements is still truncated.
    const whole = rss(`<item><title>Deep</title>${"<x>".repeat(depth)}`);
    await assert.rejects(parseFeed(whole.slice(0, whole.indexOf("</channel>")), URL), /truncated/);
  } finally {
    proto.handleOpenTag = handleOpenTag;
  }
});

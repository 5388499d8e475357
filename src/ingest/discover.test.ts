import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { COMMON_FEED_PATHS, discoverFeeds, findFeedLinks } from "./discover.ts";
import { type Loopback, loopbackFetcher, startLoopback } from "./threads/testdata/loopback.ts";

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</title><link>https://x.example/a</link></item></channel></rss>`;
const ATOM = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id></feed>`;
const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "J",
  items: [],
});

test("findFeedLinks: alternate links of feed types, resolved, entity-decoded, in order, once each", () => {
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="/style.css">
    <LINK REL="alternate" TYPE="application/rss+xml" title="Main" href="/feed/">
    <link rel='alternate' type='application/atom+xml' href='atom.xml?a=1&amp;b=2'>
    <link rel="alternate home" type="application/feed+json; charset=utf-8" href="https://cdn.example.net/feed.json" />
    <link rel=alternate type=application/json href=/api/feed>
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/rss+xml" href="/feed/">
    <!-- <link rel="alternate" type="application/rss+xml" href="/commented-out.xml"> -->
    <link rel="alternate" type="application/rss+xml">
  </head><body></body></html>`;
  assert.deepEqual(findFeedLinks(html, "https://news.example.com/section/page.html"), [
    "https://news.example.com/feed/",
    "https://news.example.com/section/atom.xml?a=1&b=2",
    "https://cdn.example.net/feed.json",
    "https://news.example.com/api/feed",
  ]);
});

test("findFeedLinks honours <base href> and finds nothing on a page without feeds", () => {
  const html = `<head><base href="https://static.example.org/blog/"><link rel="alternate" type="application/atom+xml" href="atom.xml"></head>`;
  assert.deepEqual(findFeedLinks(html, "https://example.org/x"), [
    "https://static.example.org/blog/atom.xml",
  ]);
  assert.deepEqual(
    findFeedLinks("<html><head><title>x</title></head></html>", "https://example.org/"),
    [],
  );
});

let server: Loopback;
before(async () => {
  server = await startLoopback({
    "/with-links": {
      type: "text/html",
      body: `<html><head><link rel="alternate" type="application/rss+xml" href="/feeds/main.xml"><link rel="alternate" type="application/atom+xml" href="/feeds/broken.xml"><link rel="alternate" type="application/feed+json" href="/feeds/j.json"></head></html>`,
    },
    "/feeds/main.xml": { type: "application/rss+xml", body: RSS },
    "/feeds/broken.xml": { type: "text/html", body: "<html><body>error</body></html>" },
    "/feeds/j.json": { type: "application/feed+json", body: JSON_FEED },
    "/blog/no-links": { type: "text/html", body: "<html><head><title>Blog</title></head></html>" },
    "/rss": { location: "/rss.xml" },
    "/rss.xml": { type: "application/xml", body: RSS },
    "/atom.xml": { type: "application/atom+xml", body: ATOM },
    "/index.xml": { type: "application/xml", body: "<?xml version='1.0'?><urlset/>" },
    "/already-a-feed": { type: "application/rss+xml", body: RSS },
  });
});
after(() => server.close());

test("discoverFeeds keeps the linked URLs that parse as feeds and skips the common paths", async () => {
  const fetcher = loopbackFetcher();
  const found = await discoverFeeds(`${server.base}/with-links`, fetcher);
  assert.deepEqual(found, [`${server.base}/feeds/main.xml`, `${server.base}/feeds/j.json`]);
  assert.ok(!fetcher.requests.some((r) => r.url.endsWith("/rss.xml")), "common paths not tried");
  assert.match(fetcher.requests[1]?.accept ?? "", /application\/rss\+xml/);
});

test("discoverFeeds falls back to common paths, following redirects, dropping non-feeds", async () => {
  const found = await discoverFeeds(`${server.base}/blog/no-links`, loopbackFetcher());
  assert.deepEqual(found, [`${server.base}/rss.xml`, `${server.base}/atom.xml`]);
  assert.equal(COMMON_FEED_PATHS.length, 7);
});

test("discoverFeeds returns the page itself when it is a feed, and [] when nothing is found", async () => {
  assert.deepEqual(await discoverFeeds(`${server.base}/already-a-feed`, loopbackFetcher()), [
    `${server.base}/already-a-feed`,
  ]);
  const empty = await startLoopback({ "/": { type: "text/html", body: "<html></html>" } });
  try {
    assert.deepEqual(await discoverFeeds(`${empty.base}/`, loopbackFetcher()), []);
    assert.equal(empty.hits.length, 1 + COMMON_FEED_PATHS.length);
  } finally {
    await empty.close();
  }
});

test("discoverFeeds finds nothing, and fetches nothing, for input that is not an http(s) URL", async () => {
  const fetcher = loopbackFetcher();
  for (const input of ["example.com", "", "ftp://example.com/", "not a url"]) {
    assert.deepEqual(await discoverFeeds(input, fetcher), [], input);
  }
  assert.deepEqual(fetcher.requests, []);
});

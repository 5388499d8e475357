import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { discoverThreadUrls, sameArticleKey } from "./discover.ts";
import { fixture, type Loopback, loopbackFetcher, startLoopback } from "./testdata/loopback.ts";

const ARTICLE = "https://news.example.org/2026/11/25/reef-treaty";
const Q = encodeURIComponent(ARTICLE);
let server: Loopback;

before(async () => {
  server = await startLoopback({
    [`/api/v1/search?query=${Q}&restrictSearchableAttributes=url`]: {
      type: "application/json",
      body: fixture("algolia-search.json"),
    },
    [`/api/info.json?url=${Q}`]: { type: "application/json", body: fixture("reddit-info.json") },
    [`/odd/search?query=${Q}&restrictSearchableAttributes=url`]: {
      type: "application/json",
      body: fixture("algolia-search-one-bad-hit.json"),
    },
    [`/broken/search?query=${Q}&restrictSearchableAttributes=url`]: {
      type: "application/json",
      body: '{"hits": "nope"}',
    },
  });
});
after(() => server.close());

test("discoverThreadUrls: HN and Reddit threads about the article with at least one comment", async () => {
  const fetcher = loopbackFetcher();
  const urls = await discoverThreadUrls(ARTICLE, fetcher, {
    hackernewsSearch: `${server.base}/api/v1`,
    reddit: server.base,
  });
  assert.deepEqual(urls, [
    `${server.base}/item?id=4242`,
    `${server.base}/item?id=4100`, // same article behind http://www. and a tracking parameter
    `${server.base}/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty/`,
  ]);
  assert.ok(fetcher.requests.every((r) => r.accept === "application/json"));
});

test("one platform failing does not hide the other", async () => {
  const urls = await discoverThreadUrls(ARTICLE, loopbackFetcher(), {
    hackernewsSearch: `${server.base}/broken`,
    reddit: server.base,
  });
  assert.deepEqual(urls, [
    `${server.base}/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty/`,
  ]);
  const none = await discoverThreadUrls(ARTICLE, loopbackFetcher(), {
    hackernewsSearch: `${server.base}/missing`,
    reddit: `${server.base}/missing`,
  });
  assert.deepEqual(none, []);
});

test("a malformed search hit is skipped, not the platform's other threads", async () => {
  const urls = await discoverThreadUrls(ARTICLE, loopbackFetcher(), {
    hackernewsSearch: `${server.base}/odd`,
    reddit: `${server.base}/missing`,
  });
  // No objectID, or null: skipped. A comment count that is not a number reads as none.
  assert.deepEqual(urls, [`${server.base}/odd/item?id=4600`]);
});

test("sameArticleKey ignores scheme, www, trailing slash, fragments and tracking parameters only", () => {
  assert.equal(
    sameArticleKey("http://www.Example.org/a/?utm_source=x#top"),
    sameArticleKey("https://example.org/a"),
  );
  assert.notEqual(
    sameArticleKey("https://example.org/a?id=1"),
    sameArticleKey("https://example.org/a?id=2"),
  );
  // The kept parameters are not re-encoded when a tracking one goes ("%20" stays "%20").
  assert.equal(
    sameArticleKey("https://example.org/a?q=a%20b&utm_source=x"),
    sameArticleKey("https://example.org/a?q=a%20b"),
  );
  assert.equal(sameArticleKey("nonsense"), null);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { openStore } from "../store/index.ts";
import { sampleArticle } from "../store/sample.ts";
import { articleId, articleIdByUrl, normalizeUrl } from "./article.ts";

test("normalizeUrl drops tracking parameters but keeps the ones that identify an article", () => {
  // A feed's link and a thread's link to one page without canonical/og:url: one article id.
  assert.equal(
    articleId("https://news.example/a?utm_source=rss"),
    articleId("https://news.example/a"),
  );
  assert.equal(
    normalizeUrl("https://news.example/a/?utm_source=rss#top"),
    "https://news.example/a",
  );
  assert.equal(
    normalizeUrl("https://news.example/a?id=7&utm_medium=feed&q=a%20b&fbclid=x"),
    "https://news.example/a?id=7&q=a%20b",
  );
  assert.equal(normalizeUrl("https://blog.example/?p=123"), "https://blog.example/?p=123");
  assert.notEqual(
    articleId("https://blog.example/?p=123"),
    articleId("https://blog.example/?p=124"),
  );
});

test("a URL stored with its tracking parameters, as before they were dropped, is still found", async () => {
  const store = await openStore(":memory:");
  try {
    const a = sampleArticle(1);
    await store.putArticle(a);
    // The old normalizeUrl dropped only the fragment and a trailing slash.
    await store.addArticleUrls(a.id, ["https://news.example/a?utm_source=rss"]);
    assert.equal(await articleIdByUrl(store, "https://news.example/a?utm_source=rss#top"), a.id);
    assert.equal(await articleIdByUrl(store, "https://news.example/a?utm_source=mail"), null);
  } finally {
    await store.close();
  }
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { extractArticle } from "./index.ts";
import { isOpinionPage, type OpinionSignals } from "./opinion.ts";

const page = (name: string, url: string) =>
  extractArticle(readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8"), url)!;

test("a page that declares itself opinion is opinion: schema.org type, or section", () => {
  assert.equal(page("opinion-jsonld.html", "https://herald.example/2024/03/bridge").opinion, true);
  assert.equal(page("opinion-section.html", "https://post.example/2024/03/letters").opinion, true);
  const report = page("report-with-section.html", "https://post.example/news/bridge-reopens");
  assert.equal(report.opinion, false);
  // The same report filed under an opinion path is taken at the URL's word.
  const filed = page("report-with-section.html", "https://post.example/opinion/bridge-reopens");
  assert.equal(filed.opinion, true);
  assert.equal(page("news-article.html", "https://herald.example/news/bridge").opinion, false);
});

const none: OpinionSignals = {
  ldType: "NewsArticle",
  ldGenre: null,
  ldSection: null,
  metaSection: null,
  metaOpinion: null,
  url: "https://news.example/2026/11/25/harbour-bridge",
  headline: "Harbour bridge reopens",
};

test("opinion signals: URL segments, headline labels, article:opinion; near misses are reports", () => {
  const opinion = (s: Partial<OpinionSignals>) => isOpinionPage({ ...none, ...s });
  assert.equal(opinion({}), false);
  for (const url of [
    "https://www.theguardian.example/commentisfree/2026/nov/25/bridge",
    "https://paper.example/opinion/columnists/bridge",
    "https://paper.example/news/op-ed/bridge",
    "https://paper.example/editorials/2026/bridge",
  ])
    assert.equal(opinion({ url }), true, url);
  for (const url of [
    "https://paper.example/news/2026/comment-period-opens",
    "https://paper.example/opinion-poll-shows-lead",
    "https://paper.example/comment/123",
    "not a url",
  ])
    assert.equal(opinion({ url }), false, url);
  assert.equal(opinion({ headline: "Opinion: The bridge should never have closed" }), true);
  assert.equal(opinion({ headline: "OPINION | Two years of detours" }), true);
  assert.equal(opinion({ headline: "Opinion poll puts mayor ahead" }), false);
  assert.equal(opinion({ metaOpinion: "true" }), true);
  assert.equal(opinion({ metaOpinion: "false" }), false);
  assert.equal(opinion({ ldGenre: "Commentary" }), true);
  assert.equal(opinion({ metaSection: "Comment is free" }), true);
  assert.equal(opinion({ metaSection: "World news" }), false);
});

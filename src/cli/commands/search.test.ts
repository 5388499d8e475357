import assert from "node:assert/strict";
import { test } from "node:test";
import type { SearchHit } from "../../types.ts";
import { searchText } from "./search.ts";

const hit = (snippet: string): SearchHit => ({
  articleId: "a1",
  storyId: "s-a1",
  headline: "Strike shuts Saltmere port",
  outlet: "The Harbor Ledger",
  url: "https://ledger.example/strike",
  publishedAt: "2026-11-22T08:00:00.000Z",
  snippet,
});

test("a match in the text is starred in the snippet under the headline", () => {
  const text = searchText("dockers", [hit("…the \u0001dockers\u0002 walked out at dawn…")]);
  assert.match(text, /s-a1 {2}Strike shuts Saltmere port\n/);
  assert.match(text, /The Harbor Ledger, 2026-11-22: …the \*dockers\* walked out at dawn…\n/);
});

test("a match in the title is starred in the title, and the title is not printed twice", () => {
  const text = searchText("port", [hit("Strike shuts Saltmere \u0001port\u0002")]);
  assert.match(text, /s-a1 {2}Strike shuts Saltmere \*port\*\n {4}The Harbor Ledger, 2026-11-22\n/);
  assert.equal(text.split("Saltmere").length - 1, 1, text);
});

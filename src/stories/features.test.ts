import assert from "node:assert/strict";
import { test } from "node:test";
import { articleFeatures, passagesOf } from "./features.ts";
import { DEFAULT_PARAMS } from "./params.ts";

test("passagesOf cuts a text into runs of words, at most `max`", () => {
  const words = Array.from({ length: 7 }, (_, i) => `w${i}`);
  assert.deepEqual(passagesOf(words.join(" "), 3, 10), ["w0 w1 w2", "w3 w4 w5", "w6"]);
  assert.deepEqual(passagesOf(words.join(" "), 3, 2), ["w0 w1 w2", "w3 w4 w5"]);
  // Leading, trailing and repeated whitespace counts as one break, and no passage is empty.
  assert.deepEqual(passagesOf("\n  w0 w1\n\nw2 w3  ", 2, 10), ["w0 w1", "w2 w3"]);
  assert.deepEqual(passagesOf("   ", 2, 10), []);
});

test("text written without spaces is cut by its length: about two characters a word", () => {
  const text = "港湾局は新しい防波堤の工事を始めた。".repeat(30); // 540 characters, no space
  const passages = passagesOf(text, 100, 10);
  assert.deepEqual(
    passages.map((p) => p.length),
    [200, 200, 140],
  );
  assert.equal(passages.join(""), text);
  assert.deepEqual(passagesOf(text, 100, 2).length, 2);
  // The lead is the first maxBodyWords "words"; the rest is left to the passages.
  const long = "川端市の図書館で火災が起きた。".repeat(100); // 1,500 characters
  const f = articleFeatures(
    { title: "図書館で火災", text: long },
    { ...DEFAULT_PARAMS, maxBodyWords: 400 },
  );
  assert.equal(f.rest.length, long.length - 800);
});

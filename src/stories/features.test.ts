import assert from "node:assert/strict";
import { test } from "node:test";
import { passagesOf } from "./features.ts";

test("passagesOf cuts a text into runs of words, at most `max`", () => {
  const words = Array.from({ length: 7 }, (_, i) => `w${i}`);
  assert.deepEqual(passagesOf(words.join(" "), 3, 10), ["w0 w1 w2", "w3 w4 w5", "w6"]);
  assert.deepEqual(passagesOf(words.join(" "), 3, 2), ["w0 w1 w2", "w3 w4 w5"]);
  // Leading, trailing and repeated whitespace counts as one break, and no passage is empty.
  assert.deepEqual(passagesOf("\n  w0 w1\n\nw2 w3  ", 2, 10), ["w0 w1", "w2 w3"]);
  assert.deepEqual(passagesOf("   ", 2, 10), []);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { Vocabulary } from "./vocabulary.ts";

test("each word keeps one id through many growths of the table, and its name", () => {
  const vocab = new Vocabulary();
  const words = Array.from({ length: 100_000 }, (_, i) => `w${i.toString(36)}`);
  const ids = words.map((w) => vocab.wordId(w));
  assert.equal(new Set(ids).size, words.length);
  for (let i = 0; i < words.length; i += 11) {
    assert.equal(vocab.wordId(words[i]!), ids[i]);
    assert.equal(vocab.name(ids[i]!), words[i]);
  }
  assert.equal(vocab.isEntity(vocab.wordId("@grindavik")), true);
  assert.equal(vocab.isEntity(ids[0]!), false);
});

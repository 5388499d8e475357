import assert from "node:assert/strict";
import { test } from "node:test";
import { lcsLength, rouge, rougeN, tokens } from "./rouge.ts";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test("tokens are lower-cased \\w+ runs", () => {
  assert.deepEqual(tokens("The cat's 2 HATS!"), ["the", "cat", "s", "2", "hats"]);
});

test("ROUGE-1 by hand: clipped unigram counts", () => {
  // candidate: the the cat (3), reference: the cat sat (3); overlap the×1 + cat = 2 → P=R=2/3.
  close(rougeN(tokens("the the cat"), tokens("the cat sat"), 1), 2 / 3);
});

test("ROUGE-2 by hand", () => {
  // candidate bigrams: "the cat", "cat sat", "sat down" (3); reference: "the cat", "cat sat" (2).
  // overlap 2 → P = 2/3, R = 1 → F = 0.8.
  close(rougeN(tokens("the cat sat down"), tokens("the cat sat"), 2), 0.8);
});

test("ROUGE-L by hand: longest common subsequence", () => {
  // LCS of "a b c d e" and "a x c y e" is "a c e" (3) → P = R = 3/5.
  assert.equal(lcsLength(tokens("a b c d e"), tokens("a x c y e")), 3);
  close(rouge("a b c d e", "a x c y e").rougeL, 0.6);
});

test("identical texts score 1, disjoint texts 0, empty texts 0", () => {
  assert.deepEqual(rouge("Police said five", "police said five"), {
    rouge1: 1,
    rouge2: 1,
    rougeL: 1,
  });
  assert.deepEqual(rouge("alpha beta", "gamma delta"), { rouge1: 0, rouge2: 0, rougeL: 0 });
  assert.deepEqual(rouge("", "gamma"), { rouge1: 0, rouge2: 0, rougeL: 0 });
});

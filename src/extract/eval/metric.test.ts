import assert from "node:assert/strict";
import { test } from "node:test";
import { pageCounts, scoreBodies, scorePages, shingles, tokenize } from "./metric.ts";

test("tokenize splits on non-word characters in any script, keeping _ and digits", () => {
  assert.deepEqual(tokenize("Hello, wörld! 42_x — Привет 東京"), [
    "Hello",
    "wörld",
    "42_x",
    "Привет",
    "東京",
  ]);
});

test("shingles are 4-word windows with counts; a short text is one shingle", () => {
  const s = shingles("a b c d a b c d");
  assert.equal(s.get(["a", "b", "c", "d"].join("\u0000")), 2);
  assert.equal(s.size, 4);
  assert.deepEqual([...shingles("only two").keys()], ["only\u0000two"]);
  assert.equal(shingles("").size, 0);
});

test("page counts are normalised to sum to one", () => {
  const c = pageCounts("one two three four five", "one two three four six");
  // truth shingles: [1234, 2345]; predicted: [1234, 2346] -> tp 1, fp 1, fn 1
  assert.deepEqual(c, { tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
});

test("precision skips pages with an empty prediction, recall counts them as zero", () => {
  const s = scoreBodies(
    { a: "one two three four five", b: "six seven eight nine ten" },
    { a: "one two three four five" },
  );
  assert.equal(s.precision, 1);
  assert.equal(s.recall, 0.5);
  assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-12);
});

test("F1 is the harmonic mean of the mean precision and mean recall", () => {
  const s = scorePages([
    { tp: 0.5, fp: 0.5, fn: 0 },
    { tp: 0.5, fp: 0, fn: 0.5 },
  ]);
  assert.equal(s.precision, 0.75);
  assert.equal(s.recall, 0.75);
  assert.equal(s.f1, 0.75);
});

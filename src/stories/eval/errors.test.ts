import assert from "node:assert/strict";
import { test } from "node:test";
import { fusions, splits } from "./errors.ts";

test("a found story holding two gold stories is a fusion; a stray item is not", () => {
  const found = ["a", "a", "a", "a", "a", "b", "b", "c"];
  const gold = ["1", "1", "1", "2", "2", "3", "3", "3"];
  assert.deepEqual(fusions(found, gold), [
    {
      found: "a",
      size: 5,
      golds: [
        ["1", 3],
        ["2", 2],
      ],
    },
  ]);
  assert.deepEqual(fusions(["a", "a", "a"], ["1", "1", "2"]), []);
});

test("a gold story over several found stories is a split, the most scattered first", () => {
  const found = ["a", "a", "b", "c", "c", "c", "d", "e"];
  const gold = ["1", "1", "1", "2", "2", "2", "2", "2"];
  assert.deepEqual(splits(found, gold), [
    { gold: "2", size: 5, parts: [3, 1, 1] },
    { gold: "1", size: 3, parts: [2, 1] },
  ]);
});

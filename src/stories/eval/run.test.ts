import assert from "node:assert/strict";
import { test } from "node:test";
import type { EvalItem } from "./data.ts";
import { evaluateOrders, shuffled } from "./run.ts";

test("a shuffle is a permutation, the same for the same seed and another for another", () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  const once = shuffled(items, 7);
  assert.deepEqual(
    [...once].sort((a, b) => a - b),
    items,
  );
  assert.deepEqual(shuffled(items, 7), once);
  assert.notDeepEqual(shuffled(items, 8), once);
  assert.notDeepEqual(once, items);
});

test("scores over orders: the first run is the given order, the mean lies within the range", () => {
  const item = (id: string, title: string, gold: string): EvalItem => ({
    id,
    title,
    snippet: "",
    gold,
    at: Number.NaN,
  });
  const items = [
    item("1", "harbour bridge reopens after repairs", "a"),
    item("2", "national cup final won in extra time", "b"),
    item("3", "harbour bridge reopens to traffic after repairs", "a"),
    item("4", "cup final won by the mariners in extra time", "b"),
  ];
  const { storyline, naive } = evaluateOrders(items, "title", {}, 0.1, 4);
  assert.equal(storyline.runs.length, 4);
  assert.equal(naive.runs.length, 4);
  for (const s of [storyline, naive]) {
    for (const k of ["nmi", "acc", "bcubedF1"] as const) {
      assert.ok(s.min[k] <= s.mean[k] + 1e-12 && s.mean[k] <= s.max[k] + 1e-12, k);
    }
  }
});

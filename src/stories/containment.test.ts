import assert from "node:assert/strict";
import { test } from "node:test";
import { ContainmentIndex } from "./containment.ts";

const index = () =>
  new ContainmentIndex({ minContainment: 0.8, minAnchors: 5, maxGrowth: 2, bucketCap: 64 });

test("a text holding exactly the minimum share of an earlier one's anchors is its copy", () => {
  const c = index();
  c.add(0, [11, 12, 13, 14, 15]);
  // Four of five: 80%, the share that must reappear.
  assert.equal(c.find([11, 12, 13, 14, 99]), 0);
  assert.equal(c.find([11, 12, 13, 98, 99]), -1);
});

test("of two earlier texts contained equally, the copy is of the older", () => {
  const c = index();
  c.add(0, [1, 2, 3, 4, 5]);
  c.add(1, [1, 2, 3, 4, 5]);
  assert.equal(c.find([1, 2, 3, 4, 5, 6]), 0);
});

test("an original with too few anchors, or a text that grew past maxGrowth, is not matched", () => {
  const c = index();
  c.add(0, [1, 2, 3, 4]);
  c.add(1, [21, 22, 23, 24, 25]);
  assert.equal(c.find([1, 2, 3, 4]), -1);
  const grown = [21, 22, 23, 24, 25, ...Array.from({ length: 6 }, (_, i) => 100 + i)];
  assert.equal(c.find(grown), -1);
});

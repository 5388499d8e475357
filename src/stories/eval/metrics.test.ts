import assert from "node:assert/strict";
import { test } from "node:test";
import { maxAssignment } from "./hungarian.ts";
import { accuracy, bcubed, nmi, scoreClustering } from "./metrics.ts";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test("a perfect clustering scores 1 everywhere, whatever the label names", () => {
  const s = scoreClustering(["a", "a", "b", "b"], [7, 7, 9, 9]);
  close(s.nmi, 1);
  close(s.acc, 1);
  close(s.bcubedF1, 1);
  assert.equal(s.foundCount, 2);
});

test("one big cluster: ACC 0.5, B-cubed P 0.5 R 1, NMI 0", () => {
  const found = ["x", "x", "x", "x"];
  const gold = [1, 1, 2, 2];
  close(accuracy(found, gold), 0.5);
  const b = bcubed(found, gold);
  close(b.precision, 0.5);
  close(b.recall, 1);
  close(b.f1, 2 / 3);
  close(nmi(found, gold), 0);
});

test("hand-computed mixed case", () => {
  const found = [1, 1, 2, 2, 2];
  const gold = [1, 1, 1, 2, 2];
  close(accuracy(found, gold), 0.8);
  const b = bcubed(found, gold);
  close(b.precision, 11 / 15);
  close(b.recall, 11 / 15);
  // I = 2/5 ln(5/3) + 1/5 ln(5/9) + 2/5 ln(5/3); H(found) = H(gold) = -(2/5 ln 2/5 + 3/5 ln 3/5).
  const i = 0.8 * Math.log(5 / 3) + 0.2 * Math.log(5 / 9);
  const h = -(0.4 * Math.log(0.4) + 0.6 * Math.log(0.6));
  close(nmi(found, gold), i / h);
});

test("ACC maps one-to-one: extra found stories count as errors", () => {
  close(accuracy([1, 2, 3, 4], [1, 1, 1, 1]), 0.25);
});

test("Hungarian finds the maximum assignment, not the greedy one", () => {
  // Greedy takes 9 (row 0 -> col 0) then 1; the best is 8 + 8.
  assert.deepEqual(
    maxAssignment([
      [9, 8],
      [8, 1],
    ]),
    [1, 0],
  );
  assert.deepEqual(maxAssignment([[1, 5, 3]]), [1]);
  assert.throws(() => maxAssignment([[1], [2]]), /stories:/);
});

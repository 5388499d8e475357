import assert from "node:assert/strict";
import { test } from "node:test";
import { StoryScores } from "./scores.ts";

function entries(scores: StoryScores): [number, number][] {
  return Array.from({ length: scores.size }, (_, k) => [scores.story(k), scores.score(k)]);
}

test("sums each story's weights, listing stories in order of first sight", () => {
  const scores = new StoryScores();
  scores.reserve(4);
  scores.add(7, 0.5);
  scores.add(3, 1);
  scores.add(7, 0.25);
  scores.add(0, 2);
  assert.deepEqual(entries(scores), [
    [7, 0.75],
    [3, 1],
    [0, 2],
  ]);
});

test("keeps its sums while it grows, and starts empty again after clear()", () => {
  const scores = new StoryScores();
  for (let round = 0; round < 2; round++) {
    for (let s = 0; s < 5000; s++) {
      scores.reserve(1);
      scores.add(s * 1024, 1);
      scores.add(s * 1024, s);
    }
    assert.equal(scores.size, 5000);
    assert.deepEqual(entries(scores)[4999], [4999 * 1024, 5000]);
    scores.clear();
    assert.equal(scores.size, 0);
  }
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { givesNewShare, sharesOf } from "./figures.ts";

test("shares are read in each way news writes them", () => {
  assert.deepEqual(
    [...sharesOf("40 per cent contained, 12.5% of the land, 7 percent more, 3 percentage")],
    [40, 12.5, 7],
  );
  assert.deepEqual([...sharesOf("2,100 people and 141 kilometres an hour")], []);
});

test("a newer share overtakes an older one; the same share or none does not", () => {
  const older = "The wildfire was 40 per cent contained on Tuesday.";
  assert.equal(givesNewShare(older, "Crews had the fire 70 per cent under control."), true);
  assert.equal(givesNewShare(older, "The fire, 40% contained, is still burning."), false);
  assert.equal(givesNewShare(older, "Residents were allowed home."), false);
  assert.equal(givesNewShare("Residents were allowed home.", "It is 70% contained."), false);
});

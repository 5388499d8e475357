import assert from "node:assert/strict";
import { test } from "node:test";
import { IdIndex } from "./ids.ts";

test("every id numbered is found again, through many growths of the table", () => {
  const ids: string[] = [];
  const index = new IdIndex(ids, true);
  for (let n = 0; n < 50_000; n++) {
    ids.push(`https://news${n % 7}.example/2026/11/story-${n}`);
    index.add(ids[n]!, n);
  }
  for (let n = 0; n < ids.length; n += 7) assert.equal(index.get(ids[n]!), n);
  assert.equal(index.get("https://news0.example/2026/11/story-50000"), -1);
  assert.equal(index.get(""), -1);
});

test("a hash match is confirmed against the id itself", () => {
  const ids = ["a1"];
  const index = new IdIndex(ids, true);
  index.add("a1", 0);
  assert.equal(index.get("a1"), 0);
  // The same hashes, but the number now stands for another id: not a match.
  ids[0] = "b1";
  assert.equal(index.get("a1"), -1);
});

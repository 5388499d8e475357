import assert from "node:assert/strict";
import { test } from "node:test";
import type { Thread } from "../../types.ts";
import { threadRepollAt } from "./repoll.ts";

const FIRST = new Date("2026-11-25T10:00:00.000Z");
const at = (minutes: number) => new Date(FIRST.getTime() + minutes * 60_000);
const thread = (commentTimes: Date[]): Thread => ({
  id: "hackernews:1",
  platform: "hackernews",
  url: "https://news.ycombinator.com/item?id=1",
  title: "t",
  articleUrl: null,
  fetchedAt: FIRST.toISOString(),
  comments: commentTimes.map((d, i) => ({
    id: String(i),
    parentId: null,
    author: "a",
    text: "x",
    score: null,
    postedAt: d.toISOString(),
    url: null,
  })),
});
const gapMinutes = (from: Date, to: Date | null) =>
  to === null ? null : (to.getTime() - from.getTime()) / 60_000;

test("a thread that just changed is polled again in 10 minutes", () => {
  assert.equal(gapMinutes(at(300), threadRepollAt(thread([]), FIRST, at(300), true)), 10);
});

test("quiet threads back off by doubling, up to 6 hours", () => {
  const t = thread([]);
  assert.equal(gapMinutes(at(5), threadRepollAt(t, FIRST, at(5), false)), 10);
  assert.equal(gapMinutes(at(20), threadRepollAt(t, FIRST, at(20), false)), 20);
  assert.equal(gapMinutes(at(45), threadRepollAt(t, FIRST, at(45), false)), 40);
  assert.equal(gapMinutes(at(170), threadRepollAt(t, FIRST, at(170), false)), 160);
  assert.equal(gapMinutes(at(1000), threadRepollAt(t, FIRST, at(1000), false)), 360);
});

test("quiet time counts from the latest comment", () => {
  const t = thread([at(590), at(100)]);
  assert.equal(gapMinutes(at(600), threadRepollAt(t, FIRST, at(600), false)), 10);
});

test("never past 48 hours, null from then on", () => {
  const t = thread([]);
  assert.deepEqual(threadRepollAt(t, FIRST, at(48 * 60 - 30), false), at(48 * 60));
  assert.equal(threadRepollAt(t, FIRST, at(48 * 60), true), null);
  assert.equal(threadRepollAt(t, FIRST, at(72 * 60), false), null);
});

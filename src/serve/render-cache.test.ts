import assert from "node:assert/strict";
import { test } from "node:test";
import { openStore } from "../store/index.ts";
import { FIXTURE_NOW, fillStore, loadFixtures } from "./fixtures.ts";
import { createApp } from "./index.ts";
import { MAX_VARIANTS, newerCount, RenderCache, sortedTimes } from "./render-cache.ts";

test("newerCount counts times strictly after since, none on a first visit", () => {
  const times = sortedTimes([
    "2026-01-01T00:00:03Z",
    null,
    "not a date",
    "2026-01-01T00:00:01Z",
    "2026-01-01T00:00:02Z",
    "2026-01-01T00:00:02Z",
  ]);
  const t = (s: number) => Date.parse(`2026-01-01T00:00:0${s}Z`);
  assert.deepEqual(times, [t(1), t(2), t(2), t(3)]);
  assert.equal(newerCount(times, null), 0);
  assert.equal(newerCount(times, t(0)), 4);
  assert.equal(newerCount(times, t(1)), 3);
  assert.equal(newerCount(times, t(2)), 1, "equal times are not newer");
  assert.equal(newerCount(times, t(2) - 1), 3);
  assert.equal(newerCount(times, t(3)), 0);
  assert.equal(newerCount([], t(1)), 0);
});

test("RenderCache renders once per owner and count of newer times, and forgets replaced owners", () => {
  const cache = new RenderCache();
  const owner = { times: ["2026-01-01T00:00:01Z", "2026-01-01T00:00:05Z"] };
  let renders = 0;
  const page = (o: typeof owner, since: number | null) =>
    cache.page(
      o,
      () => o.times,
      since,
      () => `render ${++renders} since ${since}`,
    );
  const early = Date.parse("2026-01-01T00:00:00Z");
  const mid = Date.parse("2026-01-01T00:00:03Z");
  assert.equal(page(owner, null), "render 1 since null");
  assert.equal(
    page(owner, mid + 3000),
    "render 1 since null",
    "nothing new: same as a first visit",
  );
  assert.equal(page(owner, mid), `render 2 since ${mid}`);
  assert.equal(page(owner, mid - 1000), `render 2 since ${mid}`, "same marks, same page");
  assert.equal(page(owner, early), `render 3 since ${early}`);
  const fresh = { times: owner.times };
  assert.equal(page(fresh, null), "render 4 since null", "a new model is rendered anew");
});

test("RenderCache keeps at most MAX_VARIANTS pages per owner", () => {
  const cache = new RenderCache();
  const base = Date.parse("2026-01-01T00:00:00Z");
  const times = Array.from({ length: MAX_VARIANTS + 10 }, (_, i) =>
    new Date(base + (i + 1) * 1000).toISOString(),
  );
  const owner = {};
  let renders = 0;
  for (let round = 0; round < 2; round++)
    for (let i = 0; i <= times.length; i++)
      cache.page(
        owner,
        () => times,
        base + i * 1000,
        () => String(++renders),
      );
  // The first round fills and evicts, so the second round's early counts must render again.
  assert.ok(renders > times.length + 1, String(renders));
});

test("with page caching on, new-since-last-visit marks still follow each reader's cookie", async () => {
  const store = await openStore(":memory:");
  try {
    await fillStore(store, loadFixtures());
    const app = createApp({
      store,
      adminToken: null,
      cacheTtlMs: 60_000,
      now: () => FIXTURE_NOW,
    });
    const since = Date.parse("2026-11-25T10:00:00Z");
    const returning = { headers: { cookie: `sl_visit=${since}.${since}` } };
    const newMark = /class="new-mark"/;
    for (let round = 0; round < 2; round++) {
      const first = await (await app.request("/")).text();
      assert.doesNotMatch(first, newMark, "a first visit has no marks");
      const back = await (await app.request("/", returning)).text();
      assert.match(back, /repairs<\/a> <span class="new-mark">new/);
      const story = await (await app.request("/stories/s-bridge", returning)).text();
      assert.match(story, /is-new[^"]*"><span class="new-mark">new<\/span> Traffic counts/);
      const storyFirst = await (await app.request("/stories/s-bridge")).text();
      assert.doesNotMatch(storyFirst, newMark);
      const longAgo = { headers: { cookie: "sl_visit=1000.1000" } };
      const all = await (await app.request("/stories/s-bridge", longAgo)).text();
      assert.ok(
        (all.match(/class="new-mark"/g) ?? []).length > (story.match(newMark) ?? []).length,
      );
    }
  } finally {
    await store.close();
  }
});

// The JSON API's `?since=`: routes in-process against a SQLite store filled with the fixtures.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/store.ts";
import { FIXTURE_NOW, fillStore, loadFixtures } from "./fixtures.ts";
import { createApp } from "./index.ts";

let store: Store;
let app: Hono;

before(async () => {
  store = await openStore(":memory:");
  await fillStore(store, loadFixtures());
  app = createApp({ store, adminToken: null, cacheTtlMs: 0, now: () => FIXTURE_NOW });
});
after(() => store.close());

test("JSON API: since takes back seenUntil, needs a zone, and survives an unencoded +", async () => {
  type One = {
    story: { lastUpdated: string; seenUntil: string };
    new?: { since: string; articleIds: string[] };
  };
  const get = async (q: string) => app.request(`/api/stories/s-bridge${q}`);
  const one = (await (await get("")).json()) as One;
  // a5 was published at 12:00 and fetched at 12:30: seenUntil is the fetch, lastUpdated is not.
  assert.equal(one.story.seenUntil, "2026-11-25T12:30:00.000Z");
  const list = (await (await app.request("/api/stories")).json()) as { stories: One["story"][] };
  assert.ok(list.stories.every((s) => typeof s.seenUntil === "string"));
  const again = (await (await get(`?since=${one.story.seenUntil}`)).json()) as One;
  assert.deepEqual(again.new?.articleIds, [], "nothing already seen comes back as new");
  // "+01:00" sent unencoded arrives as " 01:00".
  const plus = (await (await get("?since=2026-11-25T13:00:00+01:00")).json()) as One;
  assert.equal(plus.new?.since, "2026-11-25T12:00:00.000Z");
  assert.deepEqual(plus.new?.articleIds, ["a5"]);
  const encoded = (await (await get("?since=2026-11-25T13:00:00%2B01:00")).json()) as One;
  assert.deepEqual(encoded.new, plus.new);
  for (const bad of ["2026-11-25T12:00:00", "2026-11-25", "2026-11-25T12:00:00 1:00"]) {
    const res = await get(`?since=${encodeURIComponent(bad)}`);
    assert.equal(res.status, 400, bad);
    assert.match(((await res.json()) as { error: string }).error, /with a zone/);
  }
});

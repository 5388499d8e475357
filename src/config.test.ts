import assert from "node:assert/strict";
import { test } from "node:test";
import { keepCutoff, loadConfig } from "./config.ts";

test("STORYLINE_KEEP_DAYS: unset or 0 keeps everything; a typo is refused, not read as 0 days", () => {
  assert.equal(loadConfig({}).keepDays, null);
  assert.equal(loadConfig({ STORYLINE_KEEP_DAYS: "0" }).keepDays, null);
  assert.equal(loadConfig({ STORYLINE_KEEP_DAYS: "90" }).keepDays, 90);
  for (const bad of ["ninety", "-5", "0.5"])
    assert.throws(() => loadConfig({ STORYLINE_KEEP_DAYS: bad }), /STORYLINE_KEEP_DAYS/, bad);
  const now = Date.parse("2026-11-27T00:00:00Z");
  assert.equal(keepCutoff({ keepDays: 90 }, now), "2026-08-29T00:00:00.000Z");
  assert.equal(keepCutoff({ keepDays: null }, now), null);
});

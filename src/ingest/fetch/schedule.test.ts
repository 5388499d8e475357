import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  DEFAULT_POLL_INTERVAL_MS,
  MAX_CONSECUTIVE_FAILURES,
  MAX_TTL_MS,
  nextAttempt,
} from "./schedule.ts";

const now = new Date("2026-11-26T12:00:00.000Z");
const after = (iso: string) => Date.parse(iso) - now.getTime();

test("success resets failures and waits the default interval, or a longer ttl", () => {
  const r = nextAttempt({ failureCount: 4 }, { ok: true }, now);
  assert.deepEqual(r, {
    nextFetchAt: "2026-11-26T12:15:00.000Z",
    failureCount: 0,
    disabled: false,
  });
  assert.equal(
    after(nextAttempt({ failureCount: 0 }, { ok: true, ttlMs: 60_000 }, now).nextFetchAt),
    DEFAULT_POLL_INTERVAL_MS,
  );
  assert.equal(
    after(nextAttempt({ failureCount: 0 }, { ok: true, ttlMs: 3_600_000 }, now).nextFetchAt),
    3_600_000,
  );
  assert.equal(
    after(nextAttempt({ failureCount: 0 }, { ok: true, ttlMs: 1e12 }, now).nextFetchAt),
    MAX_TTL_MS,
  );
});

test("failures back off exponentially with full jitter, capped at a day", () => {
  const top = () => 0.999999;
  const ceilings = [1, 2, 3, 4, 12, 20].map((n) =>
    after(nextAttempt({ failureCount: n - 1 }, { ok: false }, now, top).nextFetchAt),
  );
  assert.deepEqual(
    ceilings.map((ms) => Math.round(ms / BACKOFF_BASE_MS)),
    [1, 2, 4, 8, 1440, 1440],
  );
  assert.ok(ceilings.every((ms) => ms <= BACKOFF_CAP_MS));
  assert.equal(after(nextAttempt({ failureCount: 3 }, { ok: false }, now, () => 0).nextFetchAt), 0);
  assert.equal(
    after(nextAttempt({ failureCount: 3 }, { ok: false }, now, () => 0.5).nextFetchAt),
    4 * BACKOFF_BASE_MS,
  );
});

test("Retry-After is honoured as a floor on failure, within the cap", () => {
  const r = nextAttempt({ failureCount: 0 }, { ok: false, retryAfterMs: 600_000 }, now, () => 0);
  assert.equal(after(r.nextFetchAt), 600_000);
  assert.equal(r.failureCount, 1);
  const huge = nextAttempt({ failureCount: 0 }, { ok: false, retryAfterMs: 1e12 }, now, () => 0);
  assert.equal(after(huge.nextFetchAt), BACKOFF_CAP_MS);
});

test("the tenth consecutive failure disables the source", () => {
  const ninth = nextAttempt({ failureCount: MAX_CONSECUTIVE_FAILURES - 2 }, { ok: false }, now);
  assert.equal(ninth.disabled, false);
  const tenth = nextAttempt({ failureCount: MAX_CONSECUTIVE_FAILURES - 1 }, { ok: false }, now);
  assert.deepEqual([tenth.failureCount, tenth.disabled], [10, true]);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { adminSession, failureThrottle, isAdminSession } from "./security.ts";

test("an admin session holds until it expires, and only for the token that made it", () => {
  const now = Date.parse("2026-11-27T12:00:00Z");
  const session = adminSession("token-one", now + 60_000);
  assert.equal(isAdminSession("token-one", session, now), true);
  assert.equal(isAdminSession("token-one", session, now + 60_000), false, "expired");
  assert.equal(isAdminSession("token-two", session, now), false, "the token changed");
  assert.equal(isAdminSession(null, session, now), false, "no token configured");
  const [, mac] = session.split(".");
  assert.equal(isAdminSession("token-one", `${now + 10 * 60_000}.${mac}`, now), false, "extended");
  for (const junk of ["", ".", "abc.def", `${now + 1}`, `${session}.x`, `1e20.${mac}`])
    assert.equal(isAdminSession("token-one", junk, now), false, junk);
});

test("wrong tokens are refused one at a time, and past the queue's length at once", async () => {
  const throttle = failureThrottle(20, 3);
  const finished: number[] = [];
  const waits = [0, 1, 2, 3, 4].map((i) =>
    throttle.wait().then((queued) => {
      finished.push(i);
      return queued;
    }),
  );
  // The two beyond the queue are answered before any queued one has had its turn.
  assert.deepEqual(await Promise.all(waits), [true, true, true, false, false]);
  assert.deepEqual(finished, [3, 4, 0, 1, 2]);
  // Once the queue has drained, a new refusal queues again.
  assert.equal(await throttle.wait(), true);
});

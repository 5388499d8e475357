import assert from "node:assert/strict";
import { test } from "node:test";
import { adminSession, isAdminSession } from "./security.ts";

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

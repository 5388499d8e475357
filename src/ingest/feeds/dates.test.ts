import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFeedDate } from "./dates.ts";

test("RFC 822 with numeric, named, military and unknown zones", () => {
  assert.equal(parseFeedDate("Tue, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00.000Z");
  assert.equal(parseFeedDate("Tue, 10 Jun 2003 04:00:00 -0700"), "2003-06-10T11:00:00.000Z");
  assert.equal(parseFeedDate("Tue, 10 Jun 2003 04:00:00 +0545"), "2003-06-09T22:15:00.000Z");
  assert.equal(parseFeedDate("Tue, 10 Jun 2003 04:00:00 AEST"), "2003-06-09T18:00:00.000Z");
  assert.equal(parseFeedDate("Tue, 10 Jun 2003 04:00:00 A"), "2003-06-10T04:00:00.000Z");
  assert.equal(parseFeedDate("Tue, 10 Jun 2003 04:00:00 GMT+2"), "2003-06-10T02:00:00.000Z");
  assert.equal(parseFeedDate("10-Jun-2003 04:00"), "2003-06-10T04:00:00.000Z");
  assert.equal(parseFeedDate("Tue,10 June 2003 4:00:00 PST"), "2003-06-10T12:00:00.000Z");
});

test("ISO 8601 shapes; zone-less times are UTC", () => {
  assert.equal(parseFeedDate("2026-11-21T09:00:00.5Z"), "2026-11-21T09:00:00.500Z");
  assert.equal(parseFeedDate("2026-11-21T09:00Z"), "2026-11-21T09:00:00.000Z");
  assert.equal(parseFeedDate("2026-11-21T09:00:00-03"), "2026-11-21T12:00:00.000Z");
  assert.equal(parseFeedDate(" 2026-11-21T09:00:00.123456789+00:00 "), "2026-11-21T09:00:00.123Z");
  assert.equal(parseFeedDate("2026-11-21T09:00:00 UTC"), "2026-11-21T09:00:00.000Z");
});

test("missing, impossible or out-of-range dates are null", () => {
  for (const raw of [
    null,
    undefined,
    "",
    "   ",
    "soon",
    "2026-13-01",
    "2026-11-21T25:00:00Z",
    "31 Apr 2026 10:00 GMT",
    "1 Jan 1900 00:00 GMT",
    "9999-01-01",
    "Tue, 10 Foo 2003 04:00:00 GMT",
    "Tue, 10 Jun 2003 04:00:00 +9900",
  ]) {
    assert.equal(parseFeedDate(raw), null, String(raw));
  }
});

test("RFC 822 times with AM/PM markers are on the 12-hour clock", () => {
  assert.equal(parseFeedDate("Tue, 14 Jan 2025 3:45 PM EST"), "2025-01-14T20:45:00.000Z");
  assert.equal(parseFeedDate("Tue, 14 Jan 2025 12:10 AM GMT"), "2025-01-14T00:10:00.000Z");
  assert.equal(parseFeedDate("Tue, 14 Jan 2025 12:10 pm +0100"), "2025-01-14T11:10:00.000Z");
  assert.equal(parseFeedDate("14 Jan 2025 9:05:30 a.m."), "2025-01-14T09:05:30.000Z");
  assert.equal(parseFeedDate("Tue, 14 Jan 2025 15:45 PM EST"), null);
});

// Under another server zone: src/text/dates.test.ts, for the parser this uses.
test("loose zone-less times are UTC; named zones still apply", () => {
  assert.equal(parseFeedDate("January 5, 2026 10:00"), "2026-01-05T10:00:00.000Z");
  assert.equal(parseFeedDate("Monday, January 5, 2026"), "2026-01-05T00:00:00.000Z");
  assert.equal(parseFeedDate("January 5, 2026 10:00 AM PST"), "2026-01-05T18:00:00.000Z");
  assert.equal(parseFeedDate("January 5, 2026 10:00 -0200"), "2026-01-05T12:00:00.000Z");
});

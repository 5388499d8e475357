import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

test("a loose date without a zone is UTC on a server in another zone; a named zone applies", () => {
  // The engine reads "March 1, 2026" in local time: run where local time is not UTC.
  const dates = new URL("./dates.ts", import.meta.url).href;
  const inputs = [
    "March 1, 2026",
    "2026/03/01 10:00",
    "Sun, 01 Mar 2026 10:00:00",
    "January 5, 2026 10:00 AM PST",
    "Mon, 05 Jan 2026 10:00:00 GMT+2",
    "January 5, 2026 10:00 -0200",
    "2026-03-01T10:00:00.000+01:00",
    "Sun Mar 01 2026 10:00:00 GMT+0100 (Central European Time)",
  ];
  const script = `
    const { parseLooseDateUtc } = await import(${JSON.stringify(dates)});
    const inputs = ${JSON.stringify(inputs)};
    console.log(JSON.stringify(inputs.map((s) => new Date(parseLooseDateUtc(s)).toISOString())));`;
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      env: { ...process.env, TZ: "America/New_York" },
      encoding: "utf8",
    },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [
    "2026-03-01T00:00:00.000Z",
    "2026-03-01T10:00:00.000Z",
    "2026-03-01T10:00:00.000Z",
    "2026-01-05T18:00:00.000Z",
    "2026-01-05T08:00:00.000Z",
    "2026-01-05T12:00:00.000Z",
    "2026-03-01T09:00:00.000Z",
    "2026-03-01T09:00:00.000Z",
  ]);
});

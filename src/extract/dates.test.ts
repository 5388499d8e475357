import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

test("a date without a zone is UTC whatever the server's zone (TZ=Europe/Berlin)", () => {
  // V8 reads "March 1, 2026" in local time; run where local time is not UTC.
  const dates = new URL("./dates.ts", import.meta.url).href;
  const index = new URL("./index.ts", import.meta.url).href;
  const fixture = new URL("./testdata/date-without-zone.html", import.meta.url);
  const script = `
    const { toIsoUtc } = await import(${JSON.stringify(dates)});
    const { extractArticle } = await import(${JSON.stringify(index)});
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL(${JSON.stringify(fixture.href)}), "utf8");
    const inputs = ["March 1, 2026", "2026/03/01 10:00", "Sun, 01 Mar 2026 10:00:00", "2026-03-01 10:00"];
    const page = extractArticle(text, "https://gazette.example/news/harbour-wall");
    console.log(JSON.stringify([...inputs.map(toIsoUtc), page.publishedAt]));`;
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    { env: { ...process.env, TZ: "Europe/Berlin" }, encoding: "utf8" },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [
    "2026-03-01T00:00:00.000Z",
    "2026-03-01T10:00:00.000Z",
    "2026-03-01T10:00:00.000Z",
    "2026-03-01T10:00:00.000Z",
    "2026-03-01T10:00:00.000Z",
  ]);
});

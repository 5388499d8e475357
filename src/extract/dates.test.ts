import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { toIsoUtc } from "./dates.ts";
import { extractArticle } from "./index.ts";

// Under another server zone: src/text/dates.test.ts, for the parser this uses.
test("a page date without a zone is UTC", () => {
  const inputs = [
    "March 1, 2026",
    "2026/03/01 10:00",
    "Sun, 01 Mar 2026 10:00:00",
    "2026-03-01 10:00",
  ];
  const text = readFileSync(new URL("./testdata/date-without-zone.html", import.meta.url), "utf8");
  const page = extractArticle(text, "https://gazette.example/news/harbour-wall")!;
  assert.deepEqual(
    [...inputs.map(toIsoUtc), page.publishedAt],
    [
      "2026-03-01T00:00:00.000Z",
      "2026-03-01T10:00:00.000Z",
      "2026-03-01T10:00:00.000Z",
      "2026-03-01T10:00:00.000Z",
      "2026-03-01T10:00:00.000Z",
    ],
  );
});

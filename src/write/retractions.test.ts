import assert from "node:assert/strict";
import { test } from "node:test";
import { buildEvidence } from "./evidence.ts";
import { articleFrom, firstReportedArticles, resignedArticles } from "./fixtures.ts";
import { RETRACTIONS } from "./retractions.ts";

const retracted = (articles: ReturnType<typeof firstReportedArticles>) =>
  buildEvidence(articles)
    .candidates.filter((c) => c.retracted)
    .map((c) => c.text);

test("another outlet having first reported a claim withdraws nothing", () => {
  assert.deepEqual(retracted(firstReportedArticles()), []);
});

test("a claim someone was said to have made before resigning is not withdrawn", () => {
  assert.deepEqual(retracted(resignedArticles()), []);
});

test("a year after saying something withdraws it, as a day after saying does", () => {
  const claim =
    "The port will close on Monday for repairs to its main quay, the harbour board said.";
  for (const span of ["a year", "two years"]) {
    const articles: ReturnType<typeof firstReportedArticles> = [
      articleFrom({
        id: "y1",
        outlet: "Coastal Herald",
        url: "https://coastal.example/port-to-close",
        headline: "Port of Tarrow to close",
        publishedAt: "2025-03-03T08:00:00.000Z",
        text: claim,
      }),
      articleFrom({
        id: "y2",
        outlet: "Valley Post",
        url: "https://valley.example/port-stays-open",
        headline: "Port of Tarrow stays open",
        publishedAt: "2026-03-04T09:00:00.000Z",
        text: `The harbour board kept the port open on Tuesday, ${span} after saying the port would close.`,
      }),
    ];
    assert.deepEqual(retracted(articles), [claim], span);
  }
});

test("the count before a span of time is read at most 64 characters back", () => {
  // Unbounded, it was tried from every hyphen of a long hyphenated word to the word's end: time
  // with the square of the word's length. The claim, all that is used, is the same either way.
  const [pattern] = RETRACTIONS;
  const find = (text: string) => [...text.matchAll(pattern!)].map((m) => [m[0], m[1]]);
  assert.deepEqual(find("The firm, 36 hours after saying no data was lost, apologised."), [
    ["36 hours after saying no data was lost", "no data was lost"],
  ]);
  const word = "a-".repeat(5_000);
  const [match, ...more] = find(
    `The firm, ${word}3 hours after saying no data was lost, apologised.`,
  );
  assert.equal(more.length, 0);
  assert.equal(match![1], "no data was lost");
  assert.ok(match![0]!.endsWith("-3 hours after saying no data was lost"));
  assert.ok(match![0]!.length <= 64 + " hours after saying no data was lost".length);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { buildEvidence } from "./evidence.ts";
import { firstReportedArticles, resignedArticles } from "./fixtures.ts";

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

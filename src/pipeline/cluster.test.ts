import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadConfig } from "../config.ts";
import { createFetcher } from "../ingest/fetch/index.ts";
import { openStore } from "../store/index.ts";
import { sampleArticle } from "../store/sample.ts";
import type { Store } from "../store/store.ts";
import { clusterDoc, clusterPending, restoreClusterer } from "./cluster.ts";
import { newContext, type PipelineContext } from "./context.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-cluster-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function contextFor(store: Store): PipelineContext {
  const config = loadConfig({});
  return newContext(config, store, createFetcher(config.fetch));
}

const TOPICS = ["harbour bridge repairs", "council budget vote", "wildfire near Corran"];

function article(k: number) {
  const topic = TOPICS[k % TOPICS.length]!;
  return sampleArticle(k, {
    headline: `${topic} update ${k % 50}`,
    text: `Reporting on the ${topic}, item ${k}. Officials spoke about the ${topic} again.`,
  });
}

test("a restart rebuilds the same stories from the store, page by page", async () => {
  const store = await openStore(join(dir, "restore.db"));
  try {
    // More articles than one restore page, stored in an order unlike their publication order,
    // clustered in two batches: the second brings the earliest published (late arrivals).
    const n = 2345;
    const late = 845;
    const first = contextFor(store);
    for (let i = 0; i < n; i++) {
      if (i === n - late) assert.equal(await clusterPending(first), n - late);
      const k = (i * 7919) % (n - late);
      await store.putArticle(article(i < n - late ? late + k : i - (n - late)));
    }
    assert.equal(await clusterPending(first), late);
    const stored = await store.listArticles();
    assert.ok(stored.every((a) => a.storyId !== null));

    const restarted = contextFor(store);
    await restoreClusterer(restarted);
    assert.equal(restarted.clusterer.size(), n);
    for (const a of stored) assert.equal(restarted.clusterer.storyOf(a.id), a.storyId, a.id);
    // And it goes on as the process that never stopped would.
    for (let i = n; i < n + 300; i++) {
      const doc = clusterDoc(article(i));
      assert.equal(restarted.clusterer.add(doc).storyId, first.clusterer.add(doc).storyId);
    }
  } finally {
    await store.close();
  }
});

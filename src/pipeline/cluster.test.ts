import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadConfig } from "../config.ts";
import { createFetcher } from "../ingest/fetch/index.ts";
import { openStore } from "../store/index.ts";
import { failingOn, sampleArticle } from "../store/sample.ts";
import type { Store } from "../store/store.ts";
import { FUSING, fusedParody } from "../stories/fixtures.ts";
import { createClusterer } from "../stories/index.ts";
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

test("a story split by the clusterer is split in the store, and both are saved", async () => {
  const store = await openStore(join(dir, "split.db"));
  try {
    const headlines = fusedParody();
    const count = (prefix: string) => headlines.filter((h) => h.id.startsWith(prefix)).length;
    for (const [n, h] of headlines.entries()) {
      await store.putArticle(sampleArticle(n, { id: h.id, headline: h.title, text: "" }));
    }
    const ctx = contextFor(store);
    ctx.clusterer = createClusterer(FUSING);
    await clusterPending(ctx);
    for (const a of await store.listArticles()) {
      assert.equal(a.storyId, a.id.startsWith("p") ? "s-p0" : "s-v0", a.id);
    }
    assert.equal((await store.getStory("s-p0"))?.articleIds.length, count("p"));
    assert.equal((await store.getStory("s-v0"))?.articleIds.length, count("v"));
    // Recorded, for a restart to keep the two apart.
    assert.deepEqual(await store.listSplits(), [{ from: "s-v0", into: "s-p0" }]);
    await store.deleteStory("s-p0");
    assert.deepEqual(await store.listSplits(), []);
  } finally {
    await store.close();
  }
});

/** Two reports of one event, too far apart to join as articles, that the batch's pass merges. */
function grindavikPair() {
  return [
    sampleArticle(1, {
      headline: "Grindavik lava flow reaches harbour wall",
      text: "Lava from the Grindavik fissure reached the harbour wall overnight.",
    }),
    sampleArticle(2, {
      headline: "Harbour wall at Grindavik hit by lava flow",
      text: "The lava flow from the fissure hit the Grindavik harbour wall.",
    }),
  ] as const;
}

async function storeConvergingPair(store: Store): Promise<void> {
  for (const article of grindavikPair()) await store.putArticle(article);
}

/** Too high a bar to join as articles, and no pass due by count or clock within the batch. */
const MERGED_AT_SETTLE = {
  joinThreshold: 0.99,
  mergeThreshold: 0.2,
  mergeEvery: 1000,
  mergeEveryMs: Number.POSITIVE_INFINITY,
};

test("a batch ends with a merge pass: stories that converged are merged before the next article", async () => {
  const store = await openStore(join(dir, "settle.db"));
  try {
    await storeConvergingPair(store);
    const ctx = contextFor(store);
    ctx.clusterer = createClusterer(MERGED_AT_SETTLE);
    assert.equal(await clusterPending(ctx), 2);
    const stories = await store.listStories({ limit: 10 });
    assert.equal(stories.length, 1);
    assert.equal(stories[0]!.articleIds.length, 2);
    // The story merged away leads to the one that absorbed it.
    assert.equal(await store.mergedInto("s-a2"), "s-a1");
  } finally {
    await store.close();
  }
});

test("a batch the store rolls back is rolled back in the clusterer too, and clustered again whole", async () => {
  const store = await openStore(join(dir, "rollback.db"));
  try {
    await storeConvergingPair(store);
    const ctx = newContext(
      loadConfig({}),
      store,
      createFetcher(loadConfig({}).fetch),
      MERGED_AT_SETTLE,
    );
    // The disk fills on the batch's second write.
    ctx.store = failingOn(store, "assignArticle", 2, "disk full");
    await assert.rejects(clusterPending(ctx), /disk full/);
    assert.ok((await store.listArticles()).every((a) => a.storyId === null));
    assert.equal(ctx.clusterer.storyOf("a1"), null);
    ctx.store = store;
    assert.equal(await clusterPending(ctx), 2);
    const stories = await store.listStories({ limit: 10 });
    assert.deepEqual(
      stories.map((s) => s.articleIds.length),
      [2],
    );
  } finally {
    await store.close();
  }
});

test("a story that absorbs a split-off part takes over its recorded split, for a restart to keep", async () => {
  const store = await openStore(join(dir, "split-merge.db"));
  try {
    const headlines = fusedParody();
    const parody = headlines.filter((h) => h.id.startsWith("p"));
    // An older story of the parody, the singer's story, and the parody's reports split off it.
    const stored = [
      ...parody.slice(0, 5).map((h) => ({ ...h, id: `old-${h.id}`, story: "s-old" })),
      ...headlines.map((h) => ({ ...h, story: h.id.startsWith("p") ? "s-p0" : "s-v0" })),
    ];
    for (const [n, h] of stored.entries()) {
      await store.putArticle(sampleArticle(n, { id: h.id, headline: h.title, text: "" }));
      await store.assignArticle(h.id, h.story, null);
    }
    await store.recordSplit("s-v0", "s-p0");
    const ctx = newContext(loadConfig({}), store, createFetcher(loadConfig({}).fetch), FUSING);
    await restoreClusterer(ctx);
    // New reports of the parody: its split-off part merges into the older story.
    for (let i = 0; i < 5; i++) {
      const headline = `${parody[i]!.title} ${parody[i + 10]!.title}`;
      await store.putArticle(
        sampleArticle(stored.length + i, { id: `lp${i}`, headline, text: "" }),
      );
    }
    await clusterPending(ctx);
    assert.equal((await store.getArticle("lp4"))?.storyId, "s-old");
    assert.equal(await store.getStory("s-p0"), null);
    assert.deepEqual(await store.listSplits(), [{ from: "s-v0", into: "s-old" }]);
  } finally {
    await store.close();
  }
});

test("when the rebuild after a failed batch fails too, the next batch rebuilds first", async () => {
  const store = await openStore(join(dir, "rebuild-fails.db"));
  try {
    const [first, second] = grindavikPair();
    await store.putArticle(first);
    const ctx = contextFor(store);
    await clusterPending(ctx);
    await store.putArticle(second);
    // The batch's write fails, and so does the restore that follows.
    ctx.store = failingOn(
      failingOn(store, "assignArticle", 1, "disk full"),
      "listArticlePage",
      1,
      "database is locked",
    );
    await assert.rejects(clusterPending(ctx), /disk full/);
    assert.equal(ctx.clustererStale, true);
    ctx.store = store;
    await clusterPending(ctx);
    assert.equal(ctx.clustererStale, false);
    // As a process that never failed would have it: the second report joined the first's story.
    assert.equal((await store.getArticle("a2"))?.storyId, "s-a1");
  } finally {
    await store.close();
  }
});

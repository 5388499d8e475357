import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadConfig } from "../config.ts";
import { createFetcher } from "../ingest/fetch/index.ts";
import { openStore } from "../store/index.ts";
import { failingOn, sampleArticle } from "../store/sample.ts";
import { clusterPending } from "./cluster.ts";
import { newContext } from "./context.ts";
import { pollSource } from "./poll.ts";
import { pruneArchive, pruneIfDue } from "./prune.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-prune-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const PAGE = readFileSync(new URL("testdata/harbour-bridge.html", import.meta.url), "utf8");

function config(keepDays: number | null) {
  return {
    ...loadConfig({ STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORYLINE_HOST_DELAY_MS: "0" }),
    discoverThreads: false,
    keepDays,
  };
}

/** An article of one of two events, published and fetched `daysAgo` days before `now`. */
function report(n: number, event: "bridge" | "budget", now: number, daysAgo: number) {
  const at = new Date(now - daysAgo * DAY + n * 60_000).toISOString();
  const [headline, text] =
    event === "bridge"
      ? ["Harbour bridge closes for cable repairs", "Engineers closed the Corran harbour bridge."]
      : ["Council budget vote delayed again", "The Vellmont council delayed its budget vote."];
  return sampleArticle(n, { headline, text, publishedAt: at, fetchedAt: at });
}

test("pruning drops idle stories and rebuilds the clusterer from what is left", async () => {
  const store = await openStore(join(dir, "archive.db"));
  try {
    const now = Date.now();
    const ctx = newContext(config(30), store, createFetcher(config(30).fetch));
    for (let n = 1; n <= 3; n++) await store.putArticle(report(n, "bridge", now, 60));
    for (let n = 4; n <= 6; n++) await store.putArticle(report(n, "budget", now, 2));
    await clusterPending(ctx);
    assert.equal((await store.listStories()).length, 2);

    const prunedAt = await pruneIfDue(ctx, Number.NEGATIVE_INFINITY, now);
    assert.equal(prunedAt, now);
    assert.deepEqual(
      (await store.listStories()).map((s) => s.id),
      ["s-a4"],
    );
    assert.equal(ctx.clusterer.size(), 3, "the clusterer holds only the kept articles");
    assert.equal(ctx.clusterer.storyOf("a1"), null);
    // The kept story still gathers its event; the pruned event starts afresh.
    await store.putArticle(report(7, "budget", now, 0));
    await store.putArticle(report(8, "bridge", now, 0));
    await clusterPending(ctx);
    assert.equal(ctx.clusterer.storyOf("a7"), "s-a4");
    assert.equal(ctx.clusterer.storyOf("a8"), "s-a8");
    // Not due again within the day; nothing left to prune anyway.
    assert.equal(await pruneIfDue(ctx, now, now + 3_600_000), now);
    assert.equal((await pruneArchive(ctx, new Date(now - 30 * DAY).toISOString())).stories, 0);
  } finally {
    await store.close();
  }
});

test("without a retention setting nothing is pruned", async () => {
  const store = await openStore(join(dir, "forever.db"));
  try {
    const ctx = newContext(config(null), store, createFetcher(config(null).fetch));
    await store.putArticle(report(1, "bridge", Date.now(), 3000));
    await clusterPending(ctx);
    await pruneIfDue(ctx, Number.NEGATIVE_INFINITY, Date.now());
    assert.equal(await store.countArticles(), 1);
  } finally {
    await store.close();
  }
});

test("a feed's entries older than the archive keeps are not fetched", async () => {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === "/feed.xml") {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const date = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toUTCString();
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>
        <item><title>New</title><link>${base}/new</link><pubDate>${date(1)}</pubDate></item>
        <item><title>Undated</title><link>${base}/undated</link></item>
        <item><title>Old</title><link>${base}/old</link><pubDate>${date(400)}</pubDate></item>
        </channel></rss>`);
    } else {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const store = await openStore(join(dir, "feed.db"));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const source = await store.addSource({ kind: "feed", url: `${base}/feed.xml` });
    const report = await pollSource(
      newContext(config(30), store, createFetcher(config(30).fetch)),
      source,
    );
    assert.equal(report.error, null);
    assert.equal(hits.get("/new"), 1);
    assert.equal(
      hits.get("/undated"),
      1,
      "an entry without a date is fetched: its page may have one",
    );
    assert.equal(hits.get("/old"), undefined);
  } finally {
    await store.close();
    server.close();
  }
});

test("a prune that fails part way still rebuilds the clusterer without what it deleted", async () => {
  const store = await openStore(join(dir, "part-way.db"));
  try {
    const now = Date.now();
    const ctx = newContext(config(30), store, createFetcher(config(30).fetch));
    for (let n = 1; n <= 3; n++) await store.putArticle(report(n, "bridge", now, 60));
    await clusterPending(ctx);
    // The first batch commits; the next query fails (a locked database, a lost connection).
    ctx.store = failingOn(store, "pruneStories", 2, "database is locked");
    const before = new Date(now - 30 * DAY).toISOString();
    await assert.rejects(pruneArchive(ctx, before), /locked/);
    assert.equal(await store.countArticles(), 0);
    assert.equal(ctx.clusterer.storyOf("a1"), null);
  } finally {
    await store.close();
  }
});

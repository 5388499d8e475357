import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, mock, test } from "node:test";
import { loadConfig } from "../config.ts";
import { createFetcher } from "../ingest/fetch/index.ts";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/store.ts";
import { NEVER_DUE } from "../types.ts";
import { newContext } from "./context.ts";
import { runForever } from "./index.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-run-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const config = {
  ...loadConfig({ STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORYLINE_HOST_DELAY_MS: "0" }),
  discoverThreads: false,
};

/** Resolves once runForever waits out its tick (it listens for the abort while it sleeps);
 * rejects if runForever does. */
async function sleeping(signal: AbortSignal, running: Promise<void>): Promise<void> {
  let settled = false;
  running.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled && getEventListeners(signal, "abort").length === 0)
    await new Promise((resolve) => setImmediate(resolve));
  if (settled) await running;
}

test("the first round after a restart skips finished threads and sources in backoff", async () => {
  // Every feed is empty; the thread is never asked for.
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    res.end("<rss version='2.0'><channel><title>Empty</title></channel></rss>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = await openStore(join(dir, "restart.db"));
  const past = "2026-01-01T00:00:00.000Z";
  const later = new Date(Date.now() + 3_600_000).toISOString();
  try {
    const due = await store.addSource({ kind: "feed", url: `${base}/feed.xml?due` });
    const unfetched = await store.addSource({ kind: "feed", url: `${base}/feed.xml?new` });
    await store.updateSource(unfetched.id, { nextFetchAt: later });
    const backoff = await store.addSource({ kind: "feed", url: `${base}/feed.xml?backoff` });
    await store.updateSource(backoff.id, {
      nextFetchAt: later,
      failureCount: 3,
      lastError: "fetch: timed out",
      lastFetchedAt: past,
    });
    const finished = await store.addSource({ kind: "thread", url: `${base}/hn/api/v1/items/1` });
    await store.updateSource(finished.id, { nextFetchAt: NEVER_DUE, lastFetchedAt: past });
    const stop = new AbortController();
    const ctx = newContext(config, store, createFetcher(config.fetch));
    const running = runForever(ctx, stop.signal);
    await sleeping(stop.signal, running);
    stop.abort();
    await running;
    await ctx.fetcher.close();
    const fetched = new Map((await store.listSources()).map((s) => [s.id, s.lastFetchedAt]));
    assert.notEqual(fetched.get(due.id), null);
    assert.notEqual(fetched.get(unfetched.id), null);
    assert.equal(fetched.get(backoff.id), past);
    assert.equal(fetched.get(finished.id), past);
  } finally {
    await store.close();
    server.close();
  }
});

test("a round that fails is logged and the loop carries on at the next tick", async () => {
  const real = await openStore(join(dir, "failing.db"));
  let calls = 0;
  // The first round's store read fails, as a locked or lost database would.
  const store = new Proxy(real, {
    get(target, key, receiver) {
      if (key === "listSources")
        return async () => {
          if (++calls === 1) throw new Error("store: database is locked");
          return target.listSources();
        };
      return Reflect.get(target, key, receiver);
    },
  }) as Store;
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    const stop = new AbortController();
    const ctx = newContext(config, store, createFetcher(config.fetch));
    const running = runForever(ctx, stop.signal);
    await sleeping(stop.signal, running);
    mock.timers.tick(30_000);
    // The second round reads the sources again.
    await sleeping(stop.signal, running);
    stop.abort();
    await running;
    await ctx.fetcher.close();
    assert.ok(calls >= 2);
  } finally {
    mock.timers.reset();
    await real.close();
  }
});

test("the run loop leaves no abort listener behind from its rounds", async () => {
  const store = await openStore(join(dir, "listeners.db"));
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    const stop = new AbortController();
    const ctx = newContext(config, store, createFetcher(config.fetch));
    const running = runForever(ctx, stop.signal, true);
    for (let round = 0; round < 3; round++) {
      await sleeping(stop.signal, running);
      mock.timers.tick(30_000);
      // Let the next round start and reach its own sleep.
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(getEventListeners(stop.signal, "abort").length, 1);
    stop.abort();
    await running;
    await ctx.fetcher.close();
    assert.equal(getEventListeners(stop.signal, "abort").length, 0);
  } finally {
    mock.timers.reset();
    await store.close();
  }
});

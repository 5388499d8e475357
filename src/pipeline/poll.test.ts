import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadConfig } from "../config.ts";
import { createFetcher } from "../ingest/fetch/index.ts";
import { openStore } from "../store/index.ts";
import { sampleStory } from "../store/sample.ts";
import { newContext } from "./context.ts";
import { pollSource } from "./poll.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-poll-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = readFileSync(new URL("testdata/harbour-bridge.html", import.meta.url), "utf8");
const GONE = readFileSync(new URL("../extract/testdata/soft-404.html", import.meta.url), "utf8");

/** A feed whose one link redirects to the article, as feed proxies do; counts every request. */
function outlet(): Promise<{ server: Server; base: string; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (path.startsWith("/feed.xml")) {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>
        <item><title>Harbour bridge reopens</title><link>${base}/r/1</link></item>
        </channel></rss>`);
    } else if (path === "/r/1") {
      res.writeHead(302, { location: "/news/bridge?utm_source=feed" });
      res.end();
    } else {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(path === "/gone" ? GONE : PAGE);
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits }),
    ),
  );
}

test("a feed's redirecting link is fetched once, also after a restart", async () => {
  const { server, base, hits } = await outlet();
  const store = await openStore(join(dir, "redirect.db"));
  try {
    const config = {
      ...loadConfig({ STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORYLINE_HOST_DELAY_MS: "0" }),
      discoverThreads: false,
    };
    const source = await store.addSource({ kind: "feed", url: `${base}/feed.xml` });
    for (let run = 0; run < 2; run++) {
      // A fresh context each time, as after a restart: nothing is remembered in memory.
      const ctx = newContext(config, store, createFetcher(config.fetch));
      const report = await pollSource(ctx, source);
      assert.equal(report.error, null);
      assert.equal(report.newArticles, run === 0 ? 1 : 0);
    }
    assert.equal(hits.get("/feed.xml"), 2);
    assert.equal(hits.get("/r/1"), 1);
    assert.equal(await store.countArticles(), 1);
  } finally {
    await store.close();
    server.close();
  }
});

test("a 'page not found' page served with status 200 is refused by name and stores nothing", async () => {
  const { server, base } = await outlet();
  const store = await openStore(join(dir, "gone.db"));
  try {
    const config = {
      ...loadConfig({ STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORYLINE_HOST_DELAY_MS: "0" }),
      discoverThreads: false,
    };
    const source = await store.addSource({ kind: "page", url: `${base}/gone` });
    const report = await pollSource(newContext(config, store, createFetcher(config.fetch)), source);
    assert.match(report.error ?? "", /\/gone is a 'page not found' page, not an article/);
    assert.equal(report.newArticles, 0);
    assert.equal(await store.countArticles(), 0);
  } finally {
    await store.close();
    server.close();
  }
});

test("an article is listed under the section of every feed that carries it", async () => {
  const { server, base, hits } = await outlet();
  const store = await openStore(join(dir, "sections.db"));
  try {
    const config = {
      ...loadConfig({ STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORYLINE_HOST_DELAY_MS: "0" }),
      discoverThreads: false,
    };
    const local = await store.addSource({
      kind: "feed",
      url: `${base}/feed.xml`,
      section: "Local",
    });
    // The same entry in a second feed, filed elsewhere: known already, so linked, not fetched.
    const world = await store.addSource({
      kind: "feed",
      url: `${base}/feed.xml?edition=world`,
      section: "World",
    });
    const ctx = newContext(config, store, createFetcher(config.fetch));
    assert.equal((await pollSource(ctx, local)).newArticles, 1);
    assert.equal((await pollSource(ctx, world)).newArticles, 0);
    assert.equal(hits.get("/r/1"), 1);
    const [article] = await store.listArticles();
    await store.assignArticle(article!.id, "s-bridge", null);
    await store.putStory(sampleStory("s-bridge", "2026-11-25T00:00:00.000Z", [article!.id]));
    assert.deepEqual(Object.fromEntries(await store.sectionsOfStories(["s-bridge"])), {
      "s-bridge": ["Local", "World"],
    });
    assert.deepEqual(
      (await store.storiesBySection("World")).stories.map((x) => x.id),
      ["s-bridge"],
    );
  } finally {
    await store.close();
    server.close();
  }
});

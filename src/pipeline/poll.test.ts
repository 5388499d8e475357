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
import { NEVER_DUE } from "../types.ts";
import { clusterPending } from "./cluster.ts";
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

const HN_STORY = (base: string, comments: number) =>
  JSON.stringify({
    id: 1,
    type: "story",
    author: "a",
    title: "Harbour bridge reopens",
    url: `${base}/news/bridge`,
    children: Array.from({ length: comments }, (_, i) => ({
      id: 10 + i,
      type: "comment",
      author: "b",
      text: `comment ${i}`,
      created_at: "2026-11-25T10:00:00.000Z",
      children: [],
    })),
  });

/** `/feed?i=a,b` lists `/a` and `/b`, with an ETag; `/news/bridge` is the article, `/video` a page
 * without one, `/gone` a 404, `/busy` a 503, `/hn/api/v1/items/1` a thread on the article. */
function site(): Promise<{ server: Server; base: string; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (url.pathname === "/feed") {
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304);
        res.end();
        return;
      }
      const items = (url.searchParams.get("i") ?? "").split(",");
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>
        ${items.map((i) => `<item><title>${i}</title><link>${base}/${i}</link></item>`).join("")}
        </channel></rss>`);
    } else if (url.pathname === "/gone" || url.pathname === "/busy") {
      res.writeHead(url.pathname === "/gone" ? 404 : 503);
      res.end();
    } else if (url.pathname === "/hn/api/v1/items/1") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(HN_STORY(base, 2));
    } else {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        url.pathname === "/video" ? "<html><body><video src=v.mp4></video></body></html>" : PAGE,
      );
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits }),
    ),
  );
}

function testConfig(base: string) {
  const config = {
    ...loadConfig({ STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORYLINE_HOST_DELAY_MS: "0" }),
    discoverThreads: false,
  };
  return {
    ...config,
    threadApis: {
      ...config.threadApis,
      hackernewsSearch: `${base}/hn/api/v1`,
      hackernewsItems: `${base}/hn/v0`,
    },
  };
}

test("a feed entry that is no article does not stop the feed saving its validators", async () => {
  const { server, base, hits } = await site();
  const store = await openStore(join(dir, "permanent.db"));
  try {
    const config = testConfig(base);
    const source = await store.addSource({
      kind: "feed",
      url: `${base}/feed?i=news/bridge,video,gone`,
    });
    for (let run = 0; run < 2; run++) {
      const fresh = (await store.listSources()).find((s) => s.id === source.id)!;
      await pollSource(newContext(config, store, createFetcher(config.fetch)), fresh);
    }
    const after = (await store.listSources()).find((s) => s.id === source.id)!;
    assert.equal(after.etag, '"v1"');
    assert.equal(after.title, "Outlet");
    // The second poll got a 304 and fetched neither failing entry again.
    assert.equal(hits.get("/video"), 1);
    assert.equal(hits.get("/gone"), 1);
    assert.equal(await store.countArticles(), 1);
  } finally {
    await store.close();
    server.close();
  }
});

test("a feed entry that fails for now keeps the feed's old validators", async () => {
  const { server, base } = await site();
  const store = await openStore(join(dir, "transient.db"));
  try {
    const config = testConfig(base);
    const source = await store.addSource({ kind: "feed", url: `${base}/feed?i=news/bridge,busy` });
    await pollSource(newContext(config, store, createFetcher(config.fetch)), source);
    const after = (await store.listSources()).find((s) => s.id === source.id)!;
    assert.equal(after.etag, null);
  } finally {
    await store.close();
    server.close();
  }
});

test("a poll does not switch back on a source disabled while it ran", async () => {
  const { server, base } = await site();
  const store = await openStore(join(dir, "disabled.db"));
  try {
    const config = testConfig(base);
    const source = await store.addSource({ kind: "feed", url: `${base}/feed?i=news/bridge` });
    // The operator disables it after the poll took its copy of the source.
    await store.updateSource(source.id, { disabled: true });
    const report = await pollSource(newContext(config, store, createFetcher(config.fetch)), source);
    assert.equal(report.error, null);
    const after = (await store.listSources()).find((s) => s.id === source.id)!;
    assert.equal(after.disabled, true);
  } finally {
    await store.close();
    server.close();
  }
});

test("a page source is not due again once its article is stored", async () => {
  const { server, base } = await site();
  const store = await openStore(join(dir, "page.db"));
  try {
    const config = testConfig(base);
    const source = await store.addSource({ kind: "page", url: `${base}/news/bridge` });
    const report = await pollSource(newContext(config, store, createFetcher(config.fetch)), source);
    assert.equal(report.newArticles, 1);
    const after = (await store.listSources()).find((s) => s.id === source.id)!;
    assert.equal(after.nextFetchAt, NEVER_DUE);
  } finally {
    await store.close();
    server.close();
  }
});

test("a thread poll without new comments does not ask for a new brief", async () => {
  const { server, base } = await site();
  const store = await openStore(join(dir, "thread.db"));
  try {
    const config = testConfig(base);
    const ctx = newContext(config, store, createFetcher(config.fetch));
    await pollSource(ctx, await store.addSource({ kind: "page", url: `${base}/news/bridge` }));
    await clusterPending(ctx);
    ctx.changedStories.clear();
    const thread = await store.addSource({ kind: "thread", url: `${base}/hn/api/v1/items/1` });
    assert.equal((await pollSource(ctx, thread)).error, null);
    assert.equal(ctx.changedStories.size, 1);
    ctx.changedStories.clear();
    assert.equal((await pollSource(ctx, thread)).error, null);
    assert.equal(ctx.changedStories.size, 0);
  } finally {
    await store.close();
    server.close();
  }
});

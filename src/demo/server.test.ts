import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DEFAULT_CORPUS_DIR, type DemoComment, loadCorpus } from "./corpus.ts";
import { type DemoServer, startDemoServer } from "./server.ts";
import { countComments } from "./threads.ts";

const corpus = loadCorpus();

function count(text: string, tag: string): number {
  return text.split(`<${tag}>`).length - 1;
}

function maxDepth(comments: DemoComment[]): number {
  return comments.reduce((d, c) => Math.max(d, 1 + maxDepth(c.replies)), 0);
}

describe("demo corpus", () => {
  it("has enough outlets in every feed format", () => {
    assert.ok(corpus.outlets.length >= 8);
    for (const format of ["rss", "atom", "jsonfeed"]) {
      assert.ok(corpus.outlets.filter((o) => o.format === format).length >= 2, format);
    }
    assert.ok(corpus.outlets.some((o) => o.template === "story-body"));
  });

  it("has at least 60 articles about at least 10 stories over 3 days", () => {
    assert.ok(corpus.articles.length >= 60, `${corpus.articles.length} articles`);
    assert.ok(corpus.stories.length >= 10, `${corpus.stories.length} stories`);
    const days = new Set(corpus.articles.map((a) => a.publishedAt.slice(0, 10)));
    assert.deepEqual([...days].sort(), ["2026-11-23", "2026-11-24", "2026-11-25"]);
  });

  it("keeps ids, outlets and paths consistent", () => {
    const outlets = new Set(corpus.outlets.map((o) => o.slug));
    const ids = new Set(corpus.articles.map((a) => a.id));
    assert.equal(ids.size, corpus.articles.length, "article ids are unique");
    assert.equal(new Set(corpus.articles.map((a) => a.path)).size, corpus.articles.length);
    for (const a of corpus.articles) {
      assert.ok(outlets.has(a.outlet), `${a.id} outlet ${a.outlet}`);
      assert.ok(a.paragraphs.length >= 4 && a.paragraphs.length <= 10, `${a.id} paragraphs`);
      assert.ok(!Number.isNaN(Date.parse(a.publishedAt)), `${a.id} date`);
      if (a.copyOf) assert.ok(ids.has(a.copyOf), `${a.id} copies a known article`);
    }
  });

  it("has wire copies republished by at least two other outlets", () => {
    const copies = corpus.articles.filter((a) => a.copyOf);
    const originals = new Map(corpus.articles.map((a) => [a.id, a]));
    const copiers = new Set(copies.map((c) => c.outlet));
    assert.ok(copies.length >= 2 && copiers.size >= 2);
    for (const copy of copies) {
      const original = originals.get(copy.copyOf ?? "");
      assert.ok(original && original.outlet !== copy.outlet && original.story === copy.story);
      assert.ok(copy.paragraphs.join(" ").includes(original.paragraphs[2] ?? "?"), copy.id);
    }
  });

  it("has exactly one story covered by a single outlet and the rest by several", () => {
    const single = corpus.stories.filter((s) => {
      const outlets = corpus.articles.filter((a) => a.story === s.id).map((a) => a.outlet);
      return new Set(outlets).size === 1;
    });
    assert.equal(single.length, 1);
  });

  it("agrees with the gold label file", () => {
    const gold = JSON.parse(readFileSync(join(DEFAULT_CORPUS_DIR, "gold.json"), "utf8")) as {
      stories: Record<string, string[]>;
      copies: Record<string, string>;
    };
    for (const a of corpus.articles) {
      assert.ok(gold.stories[a.story]?.includes(a.id), `${a.id} in gold story ${a.story}`);
      assert.equal(gold.copies[a.id] ?? null, a.copyOf, `${a.id} copy label`);
    }
    const labelled = Object.values(gold.stories).flat();
    assert.equal(labelled.length, corpus.articles.length);
  });

  it("has three threads of 30+ nested comments on three different stories", () => {
    assert.equal(corpus.threads.length, 3);
    const platforms = new Set(corpus.threads.map((t) => t.platform));
    assert.deepEqual([...platforms].sort(), ["hackernews", "lemmy", "reddit"]);
    const stories = new Set<string>();
    for (const t of corpus.threads) {
      const article = corpus.articles.find((a) => a.id === t.articleId);
      assert.ok(article, `${t.platform} thread article`);
      stories.add(article.story);
      assert.ok(countComments(t.comments) >= 30, `${t.platform}: ${countComments(t.comments)}`);
      assert.ok(maxDepth(t.comments) >= 3, `${t.platform} nesting`);
    }
    assert.equal(stories.size, 3);
  });
});

describe("demo server", () => {
  let server: DemoServer;
  before(async () => {
    server = await startDemoServer();
  });
  after(() => server.close());

  const get = async (url: string) => {
    const res = await fetch(url);
    return {
      status: res.status,
      type: res.headers.get("content-type") ?? "",
      body: await res.text(),
    };
  };

  it("serves every outlet's feed with all its articles", async () => {
    assert.equal(server.feedUrls.length, corpus.outlets.length);
    let total = 0;
    for (const url of server.feedUrls) {
      const { status, type, body } = await get(url);
      assert.equal(status, 200, url);
      if (url.endsWith("feed.json")) {
        assert.match(type, /application\/feed\+json/);
        const feed = JSON.parse(body) as { version: string; items: { url: string }[] };
        assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
        total += feed.items.length;
      } else if (url.endsWith("atom.xml")) {
        assert.match(type, /application\/atom\+xml/);
        assert.equal(count(body, "entry"), count(body, "/entry"));
        total += count(body, "entry");
      } else {
        assert.match(type, /application\/rss\+xml/);
        assert.equal(count(body, "item"), count(body, "/item"));
        assert.ok(!/&(?![a-z]+;|#\d+;)/.test(body), "ampersands are escaped");
        total += count(body, "item");
      }
    }
    assert.equal(total, corpus.articles.length);
  });

  it("serves article pages with metadata and chrome", async () => {
    const article = corpus.articles.find((a) => a.paragraphs.some((p) => p.includes("“")));
    assert.ok(article);
    const { status, body } = await get(server.url + article.path);
    assert.equal(status, 200);
    assert.match(body, /<html lang="en">/);
    assert.ok(body.includes(`<link rel="canonical" href="${server.url}${article.path}">`));
    assert.match(body, /<meta property="og:type" content="article">/);
    assert.match(body, /"@type":"NewsArticle"/);
    assert.match(body, /<time datetime="2026-11-2\d/);
    assert.match(body, /Related stories/);
    assert.ok(body.includes("<h1"));
    assert.equal((await get(`${server.url}${article.path}-nope`)).status, 404);
  });

  it("uses a story-body template without <article> for some outlets", async () => {
    const outlet = corpus.outlets.find((o) => o.template === "story-body");
    const article = corpus.articles.find((a) => a.outlet === outlet?.slug);
    assert.ok(article);
    const { body } = await get(server.url + article.path);
    assert.match(body, /<div class="story-body">/);
    assert.doesNotMatch(body, /<article/);
  });

  it("serves the Hacker News thread, item API and search", async () => {
    const thread = corpus.threads.find((t) => t.platform === "hackernews");
    assert.ok(thread);
    const articleUrl = server.url + corpus.articles.find((a) => a.id === thread.articleId)?.path;
    const item = JSON.parse((await get(`${server.url}/hn/api/v1/items/${thread.postId}`)).body);
    assert.equal(item.url, articleUrl);
    assert.ok(item.children.length > 0 && item.children[0].children.length > 0);
    const search = `${server.url}/hn/api/v1/search?query=${encodeURIComponent(articleUrl)}&restrictSearchableAttributes=url`;
    const hits = JSON.parse((await get(search)).body).hits;
    assert.equal(hits.length, 1);
    assert.equal(hits[0].num_comments, countComments(thread.comments));
    const none = JSON.parse((await get(`${server.url}/hn/api/v1/search?query=nothing`)).body);
    assert.equal(none.hits.length, 0);
    const story = JSON.parse((await get(`${server.url}/hn/v0/item/${thread.postId}.json`)).body);
    assert.equal(story.descendants, countComments(thread.comments));
    const first = JSON.parse((await get(`${server.url}/hn/v0/item/${story.kids[0]}.json`)).body);
    assert.equal(first.parent, story.id);
    assert.equal(first.id, item.children[0].id);
    const page = server.threadUrls.find((u) => u.includes("/hn/item?id="));
    assert.equal((await get(page ?? "")).status, 200);
  });

  it("serves the Reddit thread .json and info lookup", async () => {
    const human = server.threadUrls.find((u) => u.includes("/comments/"));
    assert.ok(human);
    const pair = JSON.parse((await get(`${human}.json`)).body);
    assert.equal(pair.length, 2);
    const post = pair[0].data.children[0].data;
    assert.equal(pair[1].data.children[0].data.parent_id, `t3_${post.id}`);
    const nested = pair[1].data.children.find(
      (c: { data: { replies: unknown } }) => c.data.replies !== "",
    );
    assert.match(nested.data.replies.data.children[0].data.parent_id, /^t1_/);
    const info = JSON.parse(
      (await get(`${server.url}/api/info.json?url=${encodeURIComponent(post.url)}`)).body,
    );
    assert.equal(info.data.children[0].data.id, post.id);
    assert.equal((await get(human)).status, 200);
  });

  it("serves the Lemmy post and paginated comment list", async () => {
    const thread = corpus.threads.find((t) => t.platform === "lemmy");
    assert.ok(thread);
    const post = JSON.parse((await get(`${server.url}/api/v3/post?id=${thread.postId}`)).body);
    assert.equal(post.post_view.post.id, Number(thread.postId));
    assert.equal(post.post_view.counts.comments, countComments(thread.comments));
    const list = `${server.url}/api/v3/comment/list?post_id=${thread.postId}&limit=50&page=1`;
    const { comments } = JSON.parse((await get(list)).body);
    assert.equal(comments.length, Math.min(50, countComments(thread.comments)));
    assert.ok(
      comments.some((c: { comment: { path: string } }) => c.comment.path.split(".").length >= 4),
    );
    const page2 = `${server.url}/api/v3/comment/list?post_id=${thread.postId}&limit=20&page=2`;
    assert.equal(
      JSON.parse((await get(page2)).body).comments.length,
      countComments(thread.comments) - 20,
    );
  });

  it("serves an OPML of every feed and 404s elsewhere", async () => {
    const { status, body } = await get(`${server.url}/opml.xml`);
    assert.equal(status, 200);
    assert.equal(body, server.opml);
    for (const url of server.feedUrls) assert.ok(body.includes(`xmlUrl="${url}"`), url);
    assert.equal((await get(`${server.url}/nowhere`)).status, 404);
  });

  it("answers a matching If-None-Match with 304", async () => {
    const url = server.feedUrls[0] ?? "";
    const etag = (await fetch(url)).headers.get("etag") ?? "";
    const res = await fetch(url, { headers: { "if-none-match": etag } });
    assert.equal(res.status, 304);
  });
});

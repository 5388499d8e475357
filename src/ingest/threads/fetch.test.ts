import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ThreadError } from "./error.ts";
import { fetchThread, recogniseThreadUrl } from "./fetch.ts";
import { fetchHnFirebaseThread } from "./hackernews-firebase.ts";
import {
  fixture,
  type Loopback,
  loopbackFetcher,
  type Route,
  startLoopback,
} from "./testdata/loopback.ts";

const json = (body: string): Route => ({ type: "application/json", body });
let server: Loopback;
let apis: { hackernewsSearch: string; hackernewsItems: string };

const LEMMY_LIST = "/api/v3/comment/list?post_id=77&max_depth=8&limit=50&sort=Top";

before(async () => {
  const items = JSON.parse(fixture("hn-firebase-items.json")) as Record<string, unknown>;
  const routes: Record<string, Route> = {
    "/api/v1/items/4242": json(fixture("hn-algolia-story.json")),
    "/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty.json?sort=top": json(
      fixture("reddit-comments.json"),
    ),
    "/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty.json": json(
      fixture("reddit-comments.json"),
    ),
    "/api/v3/post?id=77": json(fixture("lemmy-post.json")),
    [LEMMY_LIST]: json(fixture("lemmy-comments.json")),
    "/api/v3/post?id=78": json(fixture("lemmy-post.json").replace('"id": 77', '"id": 78')),
    "/api/v1/items/666": json('{"id": 666, "children": "nope"}'),
    "/v0/item/999.json": json("null"),
  };
  for (const [id, item] of Object.entries(items))
    routes[`/v0/item/${id}.json`] = json(JSON.stringify(item));
  // Lemmy post 78: two full pages and a short third, to exercise paging.
  const page = (from: number, n: number) =>
    JSON.stringify({
      comments: Array.from({ length: n }, (_, i) => ({
        comment: {
          id: from + i,
          content: `c${from + i}`,
          path: `0.${from + i}`,
          published: "2026-11-25T10:00:00Z",
        },
        creator: { name: "u" },
        counts: { score: 1 },
      })),
    });
  const list78 = "/api/v3/comment/list?post_id=78&max_depth=8&limit=50&sort=Top";
  routes[list78] = json(page(1000, 50));
  routes[`${list78}&page=2`] = json(page(2000, 50));
  routes[`${list78}&page=3`] = json(page(3000, 7));
  server = await startLoopback(routes);
  apis = { hackernewsSearch: `${server.base}/api/v1`, hackernewsItems: `${server.base}/v0` };
});
after(() => server.close());

test("an HN item URL on any host is read through the Algolia items API", async () => {
  const t = await fetchThread(`${server.base}/item?id=4242`, loopbackFetcher(), apis);
  assert.equal(t.id, "hackernews:4242");
  assert.equal(t.url, `${server.base}/item?id=4242`);
  assert.equal(t.comments.length, 5);
  assert.ok(server.hits.includes("/api/v1/items/4242"));
  assert.ok(Date.parse(t.fetchedAt) > 0);
});

test("an HN item Algolia does not have yet is read item by item from the Firebase API", async () => {
  const t = await fetchThread(`${server.base}/item?id=900`, loopbackFetcher(), apis);
  assert.equal(t.id, "hackernews:900");
  assert.equal(t.url, `${server.base}/item?id=900`);
  assert.deepEqual(
    t.comments.map((c) => c.id),
    ["901", "903", "904"],
  );
});

test("a direct Algolia items URL works too", async () => {
  const t = await fetchThread(`${server.base}/api/v1/items/4242`, loopbackFetcher(), apis);
  assert.equal(t.title, "Island nation signs reef treaty & sets quotas");
});

test("a Reddit comments URL is fetched with .json appended before the query", async () => {
  const fetcher = loopbackFetcher();
  const t = await fetchThread(
    `${server.base}/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty/?sort=top`,
    fetcher,
    apis,
  );
  assert.equal(
    fetcher.requests[0]?.url,
    `${server.base}/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty.json?sort=top`,
  );
  assert.equal(t.id, "reddit:1abcde");
  assert.equal(
    t.url,
    `${server.base}/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty/`,
  );
  assert.equal(t.comments.length, 5);
});

test("a Lemmy post URL reads the post and its comment list", async () => {
  const t = await fetchThread(`${server.base}/post/77`, loopbackFetcher(), apis);
  assert.equal(t.id, "lemmy:77");
  assert.equal(t.comments.length, 4);
  assert.ok(server.hits.includes(LEMMY_LIST));
});

test("Lemmy comment lists are paged until a short page", async () => {
  const fetcher = loopbackFetcher();
  const t = await fetchThread(`${server.base}/api/v3/post?id=78`, fetcher, apis);
  assert.equal(t.comments.length, 107);
  assert.equal(fetcher.requests.length, 4);
});

test("HN Firebase: kids walked through the fetcher, deleted and dead skipped, capped", async () => {
  const t = await fetchHnFirebaseThread(900, loopbackFetcher(), apis.hackernewsItems);
  assert.equal(t.id, "hackernews:900");
  assert.equal(t.articleUrl, "https://ledger.example.org/2026/11/23/council-ferry-schedule/");
  assert.deepEqual(
    t.comments.map((c) => [c.id, c.parentId, c.text]),
    [
      ["901", null, "Finally. The 7am boat is always full."],
      ["903", "901", "Crew numbers are the real limit — not boats."],
      ["904", null, "It was a fair point."],
    ],
  );
  assert.equal(t.comments[0]?.postedAt, "2026-11-25T10:05:00.000Z");
  const fetcher = loopbackFetcher();
  const capped = await fetchHnFirebaseThread(900, fetcher, apis.hackernewsItems, { maxItems: 2 });
  assert.equal(fetcher.requests.length, 3); // the story and two items
  assert.deepEqual(
    capped.comments.map((c) => c.id),
    ["901"],
  );
  const direct = await fetchThread(`${server.base}/v0/item/900.json`, loopbackFetcher(), apis);
  assert.equal(direct.comments.length, 3);
  await assert.rejects(
    fetchHnFirebaseThread(999, loopbackFetcher(), apis.hackernewsItems),
    /^ThreadError: thread: no such Hacker News item/,
  );
});

test("unknown URLs and bad responses are thread errors; fetch errors pass through", async () => {
  await assert.rejects(
    fetchThread("https://blog.example.com/2026/11/some-post", loopbackFetcher(), apis),
    (err: unknown) =>
      err instanceof ThreadError &&
      err.message ===
        "thread: not a Hacker News, Reddit or Lemmy thread URL: https://blog.example.com/2026/11/some-post",
  );
  await assert.rejects(
    fetchThread(`${server.base}/item?id=666`, loopbackFetcher(), apis),
    /thread: unexpected Hacker News item shape: children/,
  );
  await assert.rejects(
    fetchThread(`${server.base}/item?id=31337`, loopbackFetcher(), apis),
    /HTTP 404/,
  );
});

test("recogniseThreadUrl: the shapes of thread URLs", () => {
  const a = {
    hackernewsSearch: "https://hn.algolia.com/api/v1",
    hackernewsItems: "https://hacker-news.firebaseio.com/v0",
  };
  assert.deepEqual(recogniseThreadUrl("https://news.ycombinator.com/item?id=123", a), {
    platform: "hackernews",
    via: "algolia",
    api: "https://hn.algolia.com/api/v1/items/123",
    id: 123,
    humanBase: "https://news.ycombinator.com",
  });
  assert.deepEqual(recogniseThreadUrl("https://hn.algolia.com/api/v1/items/5", a), {
    platform: "hackernews",
    via: "algolia",
    api: "https://hn.algolia.com/api/v1/items/5",
    id: 5,
    humanBase: "https://news.ycombinator.com",
  });
  assert.equal(
    recogniseThreadUrl("https://old.reddit.com/r/x/comments/ab12/t/", a)?.platform,
    "reddit",
  );
  assert.deepEqual(recogniseThreadUrl("https://www.reddit.com/comments/ab12", a), {
    platform: "reddit",
    api: "https://www.reddit.com/comments/ab12.json",
    origin: "https://www.reddit.com",
  });
  assert.deepEqual(recogniseThreadUrl("https://lemmy.example/post/9/", a), {
    platform: "lemmy",
    origin: "https://lemmy.example",
    postId: 9,
  });
  assert.equal(recogniseThreadUrl("https://news.ycombinator.com/item?id=abc", a), null);
  assert.equal(recogniseThreadUrl("not a url", a), null);
});

// Routes in-process (app.request) against a real SQLite store filled with the fixtures.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { captured } from "../cli/captured.ts";
import { feedsOpml } from "../cli/shared.ts";
import { openStore } from "../store/index.ts";
import { sampleArticle, sampleBrief, sampleStory } from "../store/sample.ts";
import type { Store } from "../store/store.ts";
import { NEVER_DUE } from "../types.ts";
import { FIXTURE_NOW, fillStore, leanings, loadFixtures } from "./fixtures.ts";
import { createApp, type ServeOptions } from "./index.ts";

let store: Store;
let app: Hono;
const added: unknown[] = [];
const LOCAL = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
const REMOTE = { incoming: { socket: { remoteAddress: "203.0.113.9" } } };

function makeApp(extra: Partial<ServeOptions> = {}): Hono {
  return createApp({
    store,
    adminToken: "s3cret-admin-token",
    cacheTtlMs: 0,
    wrongTokenGapMs: 1,
    now: () => FIXTURE_NOW,
    onAddSource: async (input) => {
      added.push(input);
      return `Added ${input.kind}`;
    },
    ...extra,
  });
}

before(async () => {
  store = await openStore(":memory:");
  await fillStore(store, loadFixtures());
  app = makeApp();
});
after(() => store.close());

test("front page lists stories ranked by breadth and recency, with security headers", async () => {
  const res = await app.request("/");
  assert.equal(res.status, 200);
  const body = await res.text();
  const order = [
    "Harbour bridge reopens",
    "Storm warning",
    "Council approves",
    "Library extends",
  ].map((t) => body.indexOf(t));
  assert.ok(
    order.every((i) => i > 0),
    String(order),
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.match(body, /4 outlets · 5 articles/);
  const csp = res.headers.get("content-security-policy")!;
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.ok(res.headers.get("referrer-policy"));
  assert.match(res.headers.get("set-cookie") ?? "", /sl_visit=0\.\d+/);
  assert.doesNotMatch(body, /<script>|style="/);
});

test("new-since-last-visit marks follow the cookie", async () => {
  const since = Date.parse("2026-11-25T10:00:00Z");
  const cookie = `sl_visit=${since}.${since}`;
  const front = await (await app.request("/", { headers: { cookie } })).text();
  assert.match(
    front,
    /Harbour bridge reopens after two years of repairs<\/a> <span class="new-mark">new/,
  );
  assert.doesNotMatch(front, /cycle lanes<\/a> <span class="new-mark">/);
  const story = await (await app.request("/stories/s-bridge", { headers: { cookie } })).text();
  assert.match(story, /is-new[^"]*"><span class="new-mark">new<\/span> Traffic counts/);
  const fresh = await (await app.request("/stories/s-bridge")).text();
  assert.doesNotMatch(fresh, /class="new-mark"/);
});

test("story page and 404s", async () => {
  const res = await app.request("/stories/s-bridge");
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.match(body, /<h2 id="h-community">Community response<\/h2>/);
  assert.match(body, /href="https:\/\/news\.ycombinator\.com\/item\?id=9010"/);
  assert.match(body, /<h2 id="h-coverage">More coverage<\/h2>/);
  // The story can be followed in a feed reader: linked in the page and announced in its head.
  assert.match(
    body,
    /follow it: <a href="\/feeds\/stories\/s-bridge\.atom" type="application\/atom\+xml">Atom<\/a>/,
  );
  assert.match(
    body,
    /<link rel="alternate" type="application\/feed\+json" title="This story \(JSON Feed\)" href="\/feeds\/stories\/s-bridge\.json">/,
  );
  const missing = await app.request("/stories/nope");
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /<h1>Not found<\/h1>/);
  assert.equal((await app.request("/no/such/page")).status, 404);
  assert.equal((await app.request("/?page=abc")).status, 400);
});

test("search highlights matches and escapes the query", async () => {
  const res = await app.request(`/search?q=${encodeURIComponent("bridge")}`);
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.match(body, /<mark>[Bb]ridge<\/mark>/);
  assert.match(body, /href="\/stories\/s-bridge"/);
  const evil = await (
    await app.request(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`)
  ).text();
  assert.doesNotMatch(evil, /<script>alert/);
  assert.match(evil, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test("JSON API: stories with pagination, one story, search", async () => {
  const page1 = (await (await app.request("/api/stories?limit=2")).json()) as {
    stories: { id: string; outletCount: number }[];
    next: string | null;
    total: number;
  };
  assert.equal(page1.stories.length, 2);
  assert.equal(page1.stories[0]!.id, "s-bridge");
  assert.equal(page1.stories[0]!.outletCount, 4);
  assert.equal(page1.total, 4);
  assert.ok(page1.next?.endsWith("/api/stories?limit=2&offset=2"));
  const page2 = (await (
    await app.request(new URL(page1.next!).pathname + new URL(page1.next!).search)
  ).json()) as typeof page1;
  assert.equal(page2.stories.length, 2);
  assert.equal(page2.next, null);
  const one = (await (await app.request("/api/stories/s-bridge")).json()) as {
    brief: { version: number };
    articles: { id: string; url: string; language: string | null; opinion: boolean }[];
  };
  assert.equal(one.brief.version, 2);
  assert.ok(one.articles.every((a) => a.opinion === false));
  assert.equal(one.articles.length, 5);
  assert.equal(one.articles.find((a) => a.id === "a1")?.language, "en");
  assert.equal((await app.request("/api/stories/nope")).status, 404);
  assert.deepEqual(await (await app.request("/api/stories/nope")).json(), {
    error: "no such story",
  });
  assert.equal((await app.request("/api/stories?limit=1000")).status, 400);

  // What is new since a client last looked: a5 came in on the 25th at 12:30.
  const since = (await (
    await app.request("/api/stories/s-bridge?since=2026-11-25T12:00:00Z")
  ).json()) as {
    new: { since: string; articleIds: string[]; timeline: { text: string }[] };
    story: { feeds: { atom: string } };
  };
  assert.equal(since.new.since, "2026-11-25T12:00:00.000Z");
  assert.deepEqual(since.new.articleIds, ["a5"]);
  assert.deepEqual(
    since.new.timeline.map((e) => e.text),
    ["Traffic reaches 80 percent of its old level."],
  );
  assert.equal(since.story.feeds.atom, "http://localhost/feeds/stories/s-bridge.atom");
  assert.equal(
    (await (await app.request("/api/stories/s-bridge?since=2026-11-26T00:00:00Z")).json()).new
      .articleIds.length,
    0,
  );
  assert.equal("new" in one, false, "only asked for");
  assert.equal((await app.request("/api/stories/s-bridge?since=yesterday")).status, 400);
  const search = (await (await app.request("/api/search?q=storm")).json()) as {
    hits: { storyId: string; snippet: string; matches: [number, number][] }[];
  };
  assert.equal(search.hits[0]?.storyId, "s-storm");
  // The page's highlight markers stay out of the JSON: plain text, and where the matches are.
  for (const hit of search.hits) {
    assert.ok(!hit.snippet.includes("\u0001") && !hit.snippet.includes("\u0002"));
    for (const [start, end] of hit.matches)
      assert.equal(hit.snippet.slice(start, end).toLowerCase(), "storm");
  }
  assert.ok(search.hits.some((h) => h.matches.length > 0));
  assert.equal((await app.request("/api/search")).status, 400);
});

test("healthz and metrics", async () => {
  const health = await app.request("/healthz");
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { ok: true, store: "sqlite" });
  await app.request("/");
  const metrics = await (await app.request("/metrics")).text();
  assert.match(
    metrics,
    /storyline_http_requests_total\{method="GET",route="\/",status="200"\} \d+/,
  );
  assert.match(
    metrics,
    /storyline_http_request_duration_seconds_bucket\{route="\/",le="0\.02"\} \d+/,
  );
  assert.match(metrics, /^storyline_articles 9$/m);
  assert.match(metrics, /^storyline_sources_failing 1$/m);
});

test("healthz answers 503 when the store is gone", async () => {
  const dead = await openStore(":memory:");
  const deadApp = makeApp({ store: dead });
  await dead.close();
  const res = await deadApp.request("/healthz");
  assert.equal(res.status, 503);
  assert.deepEqual(await res.json(), { error: "the store does not answer" });
});

test("sources page lists health; adding a feed needs same origin and the CSRF token", async () => {
  const page = await app.request("/sources", {}, LOCAL);
  const body = await page.text();
  assert.match(body, /ingest: HTTP 503 from dailyledger\.example/);
  assert.match(body, /status-disabled/);
  assert.doesNotMatch(body, /name="token"/);
  const cookie = /sl_csrf=([^;]+)/.exec(page.headers.get("set-cookie") ?? "")![1]!;
  const token = /name="csrf" value="([^"]+)"/.exec(body)![1]!;
  assert.equal(token, cookie);
  const post = (form: Record<string, string>, headers: Record<string, string>, env = LOCAL) =>
    app.request(
      "/sources",
      {
        method: "POST",
        body: new URLSearchParams(form),
        headers: { cookie: `sl_csrf=${cookie}`, ...headers },
      },
      env,
    );
  const origin = { origin: "http://localhost" };

  const ok = await post({ csrf: token, kind: "feed", url: "https://example.org/feed.xml" }, origin);
  assert.equal(ok.status, 303);
  assert.deepEqual(added.at(-1), {
    kind: "feed",
    url: "https://example.org/feed.xml",
    section: null,
  });
  const flash = /sl_flash=([^;]+)/.exec(ok.headers.get("set-cookie") ?? "")![1]!;
  const after = await (
    await app.request("/sources", { headers: { cookie: `sl_flash=${flash}` } }, LOCAL)
  ).text();
  assert.match(after, /<p class="flash" role="status">Added feed<\/p>/);

  const count = added.length;
  assert.equal(
    (
      await post(
        { csrf: token, kind: "feed", url: "https://x.org/" },
        { origin: "https://evil.example" },
      )
    ).status,
    403,
  );
  assert.equal(
    (await post({ csrf: "wrong-token-wrong-token", kind: "feed", url: "https://x.org/" }, origin))
      .status,
    403,
  );
  assert.equal(
    (await post({ csrf: token, kind: "feed", url: "javascript:alert(1)" }, origin)).status,
    400,
  );
  assert.equal(
    (await post({ csrf: token, kind: "feed", url: "https://x.org/" }, origin, REMOTE)).status,
    401,
  );
  assert.equal(
    (
      await post(
        { csrf: token, kind: "feed", url: "https://x.org/" },
        { ...origin, "x-forwarded-for": "1.2.3.4" },
      )
    ).status,
    401,
  );
  assert.equal(added.length, count);
  const withToken = await post(
    { csrf: token, token: "s3cret-admin-token", kind: "page", url: "https://x.org/a" },
    origin,
    REMOTE,
  );
  assert.equal(withToken.status, 303);
  assert.deepEqual(added.at(-1), { kind: "page", url: "https://x.org/a", section: null });
  const filed = await post(
    { csrf: token, kind: "feed", url: "https://x.org/w.xml", section: "  World\n  news " },
    origin,
  );
  assert.equal(filed.status, 303);
  assert.deepEqual(added.at(-1), {
    kind: "feed",
    url: "https://x.org/w.xml",
    section: "World news",
  });
});

test("OPML upload arrives as text", async () => {
  const page = await app.request("/sources", {}, LOCAL);
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const form = new FormData();
  form.set("csrf", token);
  form.set("kind", "opml");
  const opml =
    '<opml version="2.0"><body><outline xmlUrl="https://example.org/rss"/></body></opml>';
  form.set("opml", new File([opml], "feeds.opml", { type: "text/x-opml" }));
  const res = await app.request(
    "/sources",
    { method: "POST", body: form, headers: { cookie: `sl_csrf=${token}` } },
    LOCAL,
  );
  assert.equal(res.status, 303);
  assert.deepEqual(added.at(-1), { kind: "opml", opml, section: null });
});

test("a remote reader signs in once with the admin token, then changes sources without it", async () => {
  const first = await app.request("/sources", {}, REMOTE);
  const signedOut = await first.text();
  // One token field, in the sign-in form; no add forms or buttons that would only be refused.
  assert.equal(signedOut.match(/name="token"/g)?.length, 1);
  assert.match(signedOut, /<form method="post" action="\/sources\/sign-in"/);
  assert.doesNotMatch(signedOut, /class="add-form"|class="source-action"/);
  const csrf = /sl_csrf=([^;]+)/.exec(first.headers.get("set-cookie") ?? "")![1]!;
  const post = (path: string, form: Record<string, string>, cookies = "") =>
    app.request(
      path,
      {
        method: "POST",
        body: new URLSearchParams({ csrf, ...form }),
        headers: { cookie: `sl_csrf=${csrf}${cookies}`, origin: "http://localhost" },
      },
      REMOTE,
    );
  assert.equal((await post("/sources/sign-in", { token: "guess" })).status, 401);
  assert.equal(
    (await post("/sources/sign-in", { token: "s3cret-admin-token", csrf: "x".repeat(24) })).status,
    403,
  );
  const signIn = await post("/sources/sign-in", { token: "s3cret-admin-token" });
  assert.equal(signIn.status, 303);
  const setCookie = signIn.headers.get("set-cookie") ?? "";
  assert.match(
    setCookie,
    /sl_admin=[^;]+; Max-Age=43200; Path=\/sources; HttpOnly; SameSite=Strict/,
  );
  const session = /sl_admin=([^;]+)/.exec(setCookie)![1]!;
  assert.ok(!session.includes("s3cret"), "the cookie does not carry the token");

  const page = await (
    await app.request("/sources", { headers: { cookie: `sl_admin=${session}` } }, REMOTE)
  ).text();
  assert.doesNotMatch(page, /name="token"/);
  assert.match(page, /class="add-form"/);
  assert.match(page, /Signed in as the admin/);
  const count = added.length;
  const add = (cookies: string) =>
    post("/sources", { kind: "feed", url: "https://signed-in.example/feed.xml" }, cookies);
  assert.equal((await add(`; sl_admin=${session}`)).status, 303);
  assert.equal(added.length, count + 1);
  // A forged or stale session is refused like no session at all.
  const [expires, mac] = session.split(".");
  for (const forged of [`${Number(expires) + 1}.${mac}`, `${Date.now() - 1000}.${mac}`, "1.2.3"])
    assert.equal((await add(`; sl_admin=${forged}`)).status, 401, forged);
  assert.equal(added.length, count + 1);

  const signOut = await post("/sources/sign-out", {}, `; sl_admin=${session}`);
  assert.equal(signOut.status, 303);
  assert.match(signOut.headers.get("set-cookie") ?? "", /sl_admin=; Max-Age=0/);
});

test("the sources page counts the discussion threads that went quiet instead of listing them", async () => {
  const many = await openStore(":memory:");
  try {
    await many.addSource({ kind: "feed", url: "https://outlet.example/feed.xml" });
    for (let i = 0; i < 120; i++) {
      const t = await many.addSource({
        kind: "thread",
        url: `https://news.ycombinator.com/item?id=${i}`,
      });
      if (i < 100) await many.updateSource(t.id, { nextFetchAt: NEVER_DUE });
      else if (i < 105) await many.updateSource(t.id, { failureCount: 2, lastError: "HTTP 503" });
    }
    const page = await (await makeApp({ store: many }).request("/sources", {}, LOCAL)).text();
    assert.match(page, /<caption>1 feed or page; failing ones/);
    assert.match(
      page,
      /120 discussion threads found for the articles: 20 still followed \(a thread is polled for two days\), 100 gone quiet/,
    );
    assert.match(page, /<caption>20 threads followed<\/caption>/);
    assert.match(page, /item\?id=119"/);
    assert.match(page, /item\?id=100"/);
    assert.doesNotMatch(page, /item\?id=99"/);
  } finally {
    await many.close();
  }
});

test("without onAddSource the form is absent", async () => {
  const bare = makeApp({ onAddSource: undefined });
  assert.match(
    await (await bare.request("/sources", {}, LOCAL)).text(),
    /not available on this server/,
  );
  assert.equal(
    (await bare.request("/sources", { method: "POST", body: new URLSearchParams({}) }, LOCAL))
      .status,
    501,
  );
});

test("static files are served with types and caching", async () => {
  const css = await app.request("/static/app.css");
  assert.equal(css.status, 200);
  assert.match(css.headers.get("content-type")!, /text\/css/);
  const etag = css.headers.get("etag")!;
  assert.equal(
    (await app.request("/static/app.css", { headers: { "if-none-match": etag } })).status,
    304,
  );
  assert.equal((await app.request("/static/../index.ts")).status, 404);
});

test("unknown errors answer 500 without leaking", async () => {
  const broken = makeApp({
    store: new Proxy(store, {
      get(target, prop) {
        if (prop === "getStory") return () => Promise.reject(new Error("secret database detail"));
        return Reflect.get(target, prop);
      },
    }),
  });
  const res = await broken.request("/stories/s-bridge");
  assert.equal(res.status, 500);
  assert.doesNotMatch(await res.text(), /secret database detail/);
});

test("a store failing during search is a 503 and is logged, not the reader's 400", async () => {
  const locked = makeApp({
    store: new Proxy(store, {
      get(target, prop) {
        if (prop === "search") return () => Promise.reject(new Error("database is locked"));
        return Reflect.get(target, prop);
      },
    }),
  });
  for (const path of ["/search?q=bridge", "/api/search?q=bridge", "/feeds/search.atom?q=bridge"]) {
    let res: Response | undefined;
    const { err } = await captured(async () => {
      res = await locked.request(path);
      return 0;
    });
    assert.equal(res!.status, 503, path);
    const body = await res!.text();
    assert.match(body, /search is unavailable right now/, path);
    assert.doesNotMatch(body, /database is locked/, path);
    assert.match(err, /error serve: search failed: Error: database is locked/, path);
  }
});

test("story page links the stored discussion of its articles", async () => {
  const page = await (await app.request("/stories/s-bridge")).text();
  assert.match(
    page,
    /Read the discussion: <a href="https:\/\/news\.ycombinator\.com\/item\?id=901"[^>]*>Hacker News/,
  );
});

test("every kind of response carries the security headers", async () => {
  for (const path of [
    "/",
    "/stories/s-bridge",
    "/stories/missing",
    "/nope",
    "/api/stories",
    "/api/nope",
    "/feeds/stories.atom",
    "/static/app.css",
    "/search?q=bridge",
    "/sources",
    "/healthz",
  ]) {
    const res = await app.request(path, {}, LOCAL);
    assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'self'/, path);
    assert.equal(res.headers.get("x-frame-options"), "DENY", path);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
  }
});

test("once outlets are described, a story's page and API show who covers it", async () => {
  await store.putOutlets([
    {
      domain: "coastherald.example",
      name: null,
      country: "AL",
      ownership: "private",
      lean: "centre",
    },
    {
      domain: "dailyledger.example",
      name: "Daily Ledger",
      country: "AL",
      ownership: null,
      lean: "right",
    },
  ]);
  const { story } = (await (await app.request("/api/stories/s-bridge")).json()) as {
    story: {
      spread: { outlets: number; lean: { label: string; outlets: string[] }[]; unrated: string[] };
    };
  };
  const api = story;
  const list = (await (await app.request("/api/stories")).json()) as {
    stories: { id: string; spread: unknown }[];
  };
  assert.deepEqual(list.stories.find((s) => s.id === "s-bridge")?.spread, api.spread);
  assert.deepEqual(
    api.spread.lean.map((g) => g.label),
    ["centre", "right"],
  );
  assert.ok(api.spread.lean[1]!.outlets.includes("Daily Ledger"));
  assert.equal(api.spread.unrated.length, api.spread.outlets - 2);
  const page = await (await app.request("/stories/s-bridge")).text();
  assert.match(page, /Who covers it/);
  assert.match(
    page,
    /<b>right<\/b> 1 <span class="spread-outlets">\(<a class="outlet-link" href="\/outlets\/Daily%20Ledger">Daily Ledger<\/a>\)/,
  );
  // The outlet's page takes its articles by the operator's entry (by domain here).
  const outlet = await (await app.request("/outlets/Daily%20Ledger")).text();
  assert.match(outlet, /Lean: <b>right<\/b>/);
  assert.match(outlet, /<h2><a href="\/stories\/s-bridge">/);
});

test("blindspots: the page and feed list stories one side of the lean scale has not covered", async () => {
  const before = await (await app.request("/blindspots")).text();
  assert.match(before, /<h1>Blindspots<\/h1>/);
  assert.match(before, /aria-current="page">Blindspots/);
  await store.putOutlets(
    leanings({
      "coastherald.example": "left",
      "dailyledger.example": "lean left",
      "metrowire.example": "centre",
      "cityradio.example": "centre",
    }),
  );
  const page = await (await app.request("/blindspots")).text();
  assert.match(page, /<h2 id="h-right">Not covered from the right<\/h2>/);
  assert.match(page, /href="\/stories\/s-bridge"/);
  assert.doesNotMatch(page, /h-left/);
  const feed = JSON.parse(await (await app.request("/feeds/blindspots.json")).text()) as {
    title: string;
    items: { url: string }[];
  };
  assert.equal(feed.title, "Storyline: blindspots");
  assert.ok(feed.items.some((i) => i.url.endsWith("/stories/s-bridge")));
  assert.equal((await app.request("/feeds/blindspots.atom")).status, 200);
});

test("a source is enabled, disabled or removed from the sources page, behind the same guard", async () => {
  const page = await app.request("/sources", {}, LOCAL);
  const body = await page.text();
  const token = /name="csrf" value="([^"]+)"/.exec(body)![1]!;
  const disabled = (await store.listSources()).find((s) => s.disabled)!;
  assert.match(
    body,
    new RegExp(
      `<form method="post" action="/sources/${disabled.id}" class="source-action">.*?name="change" value="enable">`,
    ),
  );
  const act = (id: number | string, form: Record<string, string>, env = LOCAL) =>
    app.request(
      `/sources/${id}`,
      {
        method: "POST",
        body: new URLSearchParams({ csrf: token, ...form }),
        headers: { cookie: `sl_csrf=${token}`, origin: "http://localhost" },
      },
      env,
    );
  assert.equal((await act(disabled.id, { change: "enable" }, REMOTE)).status, 401);
  assert.equal((await act(disabled.id, { change: "enable", csrf: "x".repeat(24) })).status, 403);
  assert.equal((await act(disabled.id, { change: "explode" })).status, 400);
  assert.equal((await act(999_999, { change: "enable" })).status, 404);
  assert.equal((await store.getSource(disabled.id))!.disabled, true);

  const enabled = await act(disabled.id, { change: "enable" });
  assert.equal(enabled.status, 303);
  const flash = /sl_flash=([^;]+)/.exec(enabled.headers.get("set-cookie") ?? "")![1]!;
  const shown = await app.request("/sources", { headers: { cookie: `sl_flash=${flash}` } }, LOCAL);
  assert.match(
    await shown.text(),
    /role="status">enabled: https:\/\/\S+ \(polled on the next round\)</,
  );
  const now = (await store.getSource(disabled.id))!;
  assert.deepEqual([now.disabled, now.failureCount, now.nextFetchAt], [false, 0, null]);
  assert.equal((await act(disabled.id, { change: "disable" })).status, 303);
  assert.equal((await store.getSource(disabled.id))!.disabled, true);

  // Filed in a section from its row (the name as typed, spaces tidied), then taken out of it.
  assert.match(
    body,
    new RegExp(
      `<form method="post" action="/sources/${disabled.id}" class="source-section">.*?name="change" value="section"><input name="section"`,
    ),
  );
  const filed = await act(disabled.id, { change: "section", section: "  Harbour   news " });
  assert.equal(filed.status, 303);
  assert.equal((await store.getSource(disabled.id))!.section, "Harbour news");
  assert.equal((await act(disabled.id, { change: "section", section: "" })).status, 303);
  assert.equal((await store.getSource(disabled.id))!.section, null);
  assert.equal((await act(disabled.id, { change: "section", section: "X" }, REMOTE)).status, 401);

  const extra = await store.addSource({ kind: "page", url: "https://x.org/to-remove" });
  const removed = await act(extra.id, { change: "remove", token: "s3cret-admin-token" }, REMOTE);
  assert.equal(removed.status, 303);
  assert.equal(await store.getSource(extra.id), null);
});

test("an outlet's page lists the stories it covered with its own headlines; cards link to it", async () => {
  const res = await app.request("/outlets/Northern%20Post");
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.match(body, /<h1>Northern Post<\/h1>/);
  assert.match(body, /2 stories · follow it/);
  assert.match(body, /href="\/feeds\/outlet\/Northern%20Post\.atom"/);
  const stories = [...body.matchAll(/<h2><a href="\/stories\/[^"]+">([^<]+)<\/a><\/h2>/g)].map(
    (m) => m[1],
  );
  assert.equal(stories.length, 2);
  assert.ok(stories.some((t) => /^Council approves/.test(t!)));
  assert.match(body, /<ul class="own-articles"><li><a href="https:\/\/[^"]+" rel="noopener/);
  // The same outlet by its domain, in any case; an unknown one is a 404.
  assert.equal((await app.request("/outlets/CITYRADIO.example")).status, 200);
  assert.equal((await app.request("/outlets/No%20Such%20Outlet")).status, 404);
  const front = await (await app.request("/")).text();
  assert.match(
    front,
    /<a class="outlet-link" href="\/outlets\/Northern%20Post">Northern Post<\/a>/,
  );
});

test("the outlet directory lists every outlet in the articles, most articles first", async () => {
  const page = await (await app.request("/outlets")).text();
  assert.match(page, /<h1>Outlets<\/h1>/);
  assert.match(page, /aria-current="page">Outlets/);
  const rows = [
    ...page.matchAll(
      /<tr><th scope="row"><a class="outlet-link" href="([^"]+)">([^<]+)<\/a><\/th><td class="url">([^<]+)<\/td><td>(\d+)<\/td>/g,
    ),
  ];
  const articles = JSON.parse(await (await app.request("/api/outlets")).text()) as {
    outlets: { name: string; domains: string[]; articles: number; url: string }[];
  };
  assert.equal(rows.length, articles.outlets.length);
  assert.ok(rows.length >= 4);
  const counts = rows.map((r) => Number(r[4]));
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a),
  );
  const post = articles.outlets.find((o) => o.name === "Northern Post")!;
  assert.equal(post.url, "http://localhost/outlets/Northern%20Post");
  assert.equal(
    post.articles,
    (await store.listArticles()).filter((a) => a.outlet === "Northern Post").length,
  );
  // Each row's link leads to a page that knows the outlet.
  for (const [, href] of rows) assert.equal((await app.request(href!)).status, 200, href);
});

test("an outlet's page finds its stories however far back they are, and counts them all", async () => {
  const archive = await openStore(":memory:");
  try {
    // 400 stories from one outlet; a rare outlet's only two stories are the two oldest.
    for (let n = 0; n < 400; n++) {
      const rare = n < 2;
      const article = sampleArticle(n, {
        outlet: rare ? "Rare Gazette" : "Busy Wire",
        outletDomain: rare ? "rare.example" : "busy.example",
      });
      await archive.putArticle(article);
      await archive.assignArticle(article.id, `s${n}`, null);
      await archive.putStory(sampleStory(`s${n}`, article.publishedAt!, [article.id]));
      if (rare) await archive.putBrief(sampleBrief(`s${n}`, 1));
    }
    const archiveApp = makeApp({ store: archive });
    const rare = await (await archiveApp.request("/outlets/rare.example")).text();
    assert.match(rare, /<h1>Rare Gazette<\/h1>/);
    assert.match(rare, /2 stories · follow it/);
    const busy = await (await archiveApp.request("/outlets/Busy%20Wire")).text();
    assert.match(busy, /398 stories, the 50 most recently updated below/);
    const feed = await (await archiveApp.request("/feeds/outlet/Rare%20Gazette.json")).json();
    assert.equal((feed as { items: unknown[] }).items.length, 2);
  } finally {
    await archive.close();
  }
});

test("the outlet API gives the same stories with the outlet's own articles", async () => {
  const res = await app.request("/api/outlets/Northern%20Post");
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    name: string;
    totalStories: number;
    feeds: { atom: string };
    stories: { id: string; title: string; ownArticles: { outlet: string; url: string }[] }[];
  };
  assert.equal(body.name, "Northern Post");
  assert.equal(body.totalStories, 2);
  assert.equal(body.feeds.atom, "http://localhost/feeds/outlet/Northern%20Post.atom");
  assert.equal(body.stories.length, 2);
  for (const s of body.stories) {
    assert.ok(s.ownArticles.length >= 1, s.id);
    for (const a of s.ownArticles) assert.equal(a.outlet, "Northern Post");
  }
  assert.equal((await app.request("/api/outlets/No%20Such%20Outlet")).status, 404);
});

test("the sources page offers the followed feeds as an OPML download", async () => {
  const withExport = makeApp({ feedsOpml: () => feedsOpml(store) });
  const page = await (await withExport.request("/sources", {}, LOCAL)).text();
  assert.match(page, /<a href="\/sources\.opml" download>Export the feeds as OPML<\/a>/);
  const res = await withExport.request("/sources.opml");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type")!, /^text\/x-opml/);
  assert.match(
    res.headers.get("content-disposition")!,
    /attachment; filename="storyline-feeds\.opml"/,
  );
  const feeds = (await store.listSources()).filter((s) => s.kind === "feed");
  const opml = await res.text();
  assert.equal((opml.match(/<outline /g) ?? []).length, feeds.length);
  for (const f of feeds) assert.ok(opml.includes(`xmlUrl="${f.url}"`), f.url);
  assert.equal((await app.request("/sources.opml")).status, 404);
  assert.doesNotMatch(await (await app.request("/sources", {}, LOCAL)).text(), /sources\.opml/);
});

test("a split story links to where its coverage went, and back, on its page and in the API", async () => {
  const own = await openStore(":memory:");
  try {
    const whole = { ...sampleStory("s-v0", "2026-11-26T10:00:00.000Z", ["a1"]), title: "Singer" };
    const part = {
      ...sampleStory("s-p0", "2026-11-26T11:00:00.000Z", ["a2"]),
      title: "Parody <script>alert(1)</script>",
    };
    for (const [n, story] of [
      [1, whole],
      [2, part],
    ] as const) {
      await own.putArticle(sampleArticle(n, { storyId: story.id }));
      await own.assignArticle(`a${n}`, story.id, null);
      await own.putStory(story);
    }
    await own.recordSplit("s-v0", "s-p0");
    const ownApp = makeApp({ store: own });
    const wholePage = await (await ownApp.request("/stories/s-v0")).text();
    assert.match(
      wholePage,
      /now a story of its own: <a href="\/stories\/s-p0">Parody &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/a>/,
    );
    const partPage = await (await ownApp.request("/stories/s-p0")).text();
    assert.match(partPage, /Split from <a href="\/stories\/s-v0">Singer<\/a>/);
    const api = (await (await ownApp.request("/api/stories/s-p0")).json()) as {
      splits: { relation: string; id: string; title: string; url: string }[];
    };
    assert.deepEqual(
      api.splits.map((s) => [s.relation, s.id, s.title, new URL(s.url).pathname]),
      [["from", "s-v0", "Singer", "/stories/s-v0"]],
    );
    // A story without splits says nothing about them.
    await own.deleteStory("s-p0");
    assert.doesNotMatch(await (await ownApp.request("/stories/s-v0")).text(), /story-split/);
  } finally {
    await own.close();
  }
});

test("a story merged away moves on to the story that absorbed it: page, API and feeds", async () => {
  await store.recordMerge("s-gone", "s-bridge");
  for (const [from, to] of [
    ["/stories/s-gone", "/stories/s-bridge"],
    [
      "/api/stories/s-gone?since=2026-01-01T00:00:00.000Z",
      "/api/stories/s-bridge?since=2026-01-01T00:00:00.000Z",
    ],
    ["/feeds/stories/s-gone.atom", "/feeds/stories/s-bridge.atom"],
  ]) {
    const res = await app.request(from!);
    assert.equal(res.status, 301, from);
    assert.equal(res.headers.get("location"), `http://localhost${to}`);
  }
  assert.equal((await app.request("/stories/s-never")).status, 404);
  assert.equal((await app.request("/api/stories/s-never")).status, 404);
});

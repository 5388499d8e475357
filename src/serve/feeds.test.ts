// Feeds out: well-formed Atom 1.0 and JSON Feed 1.1, checked by parsing them.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { JSDOM } from "jsdom";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/store.ts";
import { writeBrief } from "../write/brief.ts";
import { FIXTURE_NOW, fillStore, leanings, loadFixtures } from "./fixtures.ts";
import { createApp } from "./index.ts";

const ATOM_NS = "http://www.w3.org/2005/Atom";
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
let store: Store;
let app: Hono;

before(async () => {
  store = await openStore(":memory:");
  const fx = loadFixtures();
  // A hostile headline: control characters, markup and a lone surrogate must not break the XML.
  fx.briefs[2]!.headline = 'Storm \u0001warning <script>alert(1)</script> & \ud800 "coast"';
  await fillStore(store, fx);
  app = createApp({
    store,
    adminToken: null,
    cacheTtlMs: 0,
    now: () => FIXTURE_NOW,
    publicBaseUrl: "https://news.example.org/",
  });
});
after(() => store.close());

function parseAtom(xml: string): Document {
  // jsdom's XML mode throws on any well-formedness error.
  return new JSDOM(xml, { contentType: "application/xml" }).window.document;
}

test("all-stories Atom feed is valid-shaped Atom 1.0", async () => {
  const res = await app.request("/feeds/stories.atom");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type")!, /^application\/atom\+xml/);
  const doc = parseAtom(await res.text());
  const feed = doc.documentElement;
  assert.equal(feed.localName, "feed");
  assert.equal(feed.namespaceURI, ATOM_NS);
  const child = (el: Element, name: string) => [...el.children].find((c) => c.localName === name);
  assert.match(child(feed, "id")!.textContent!, /^tag:news\.example\.org,2026:stories$/);
  assert.match(child(feed, "updated")!.textContent!, RFC3339);
  const self = [...feed.children].find(
    (c) => c.localName === "link" && c.getAttribute("rel") === "self",
  )!;
  assert.equal(self.getAttribute("href"), "https://news.example.org/feeds/stories.atom");
  const entries = [...feed.children].filter((c) => c.localName === "entry");
  assert.equal(entries.length, 3, "stories with briefs only");
  const ids = new Set<string>();
  for (const e of entries) {
    const id = child(e, "id")!.textContent!;
    assert.match(id, /^tag:news\.example\.org,\d{4}-\d\d-\d\d:story\/s-/);
    ids.add(id);
    assert.match(child(e, "updated")!.textContent!, RFC3339);
    assert.match(
      child(e, "link")!.getAttribute("href")!,
      /^https:\/\/news\.example\.org\/stories\/s-/,
    );
    assert.ok(child(e, "title")!.textContent);
    assert.equal(child(e, "content")!.getAttribute("type"), "html");
    assert.ok(child(e, "author"));
  }
  assert.equal(ids.size, 3);
  const bridge = entries.find((e) => child(e, "title")!.textContent!.startsWith("Harbour"))!;
  const html = child(bridge, "content")!.textContent!;
  assert.match(html, /<a href="https:\/\/coastherald\.example\/news\/a1">Coast Herald<\/a>/);
  assert.match(html, /We expect traffic to return/);
  const storm = entries.find((e) => child(e, "title")!.textContent!.startsWith("Storm"))!;
  assert.equal(
    child(storm, "title")!.textContent,
    'Storm warning <script>alert(1)</script> &  "coast"',
  );
});

test("JSON Feed 1.1 carries the same briefs", async () => {
  const res = await app.request("/feeds/stories.json");
  assert.match(res.headers.get("content-type")!, /^application\/feed\+json/);
  const feed = (await res.json()) as {
    version: string;
    feed_url: string;
    home_page_url: string;
    items: {
      id: string;
      url: string;
      title: string;
      content_html: string;
      date_published: string;
      date_modified: string;
    }[];
  };
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.feed_url, "https://news.example.org/feeds/stories.json");
  assert.equal(feed.home_page_url, "https://news.example.org/");
  assert.equal(feed.items.length, 3);
  for (const i of feed.items) {
    assert.match(i.id, /^tag:/);
    assert.match(i.url, /^https:\/\/news\.example\.org\/stories\//);
    assert.match(i.date_published, RFC3339);
    assert.match(i.date_modified, RFC3339);
    assert.ok(i.content_html.length > 0);
    assert.doesNotMatch(i.content_html, /<script/);
  }
});

test("search and outlet feeds select their stories", async () => {
  const search = parseAtom(await (await app.request("/feeds/search.atom?q=cycle")).text());
  const titles = [...search.getElementsByTagNameNS(ATOM_NS, "entry")].map(
    (e) => e.getElementsByTagNameNS(ATOM_NS, "title")[0]!.textContent,
  );
  assert.deepEqual(titles, ["Council approves twelve kilometres of cycle lanes"]);
  assert.equal((await app.request("/feeds/search.atom")).status, 400);

  const outlet = parseAtom(await (await app.request("/feeds/outlet/Northern%20Post.atom")).text());
  const outletTitles = [...outlet.getElementsByTagNameNS(ATOM_NS, "entry")]
    .map((e) => e.getElementsByTagNameNS(ATOM_NS, "title")[0]!.textContent!)
    .sort();
  assert.equal(outletTitles.length, 2);
  assert.match(outletTitles[0]!, /^Council approves/);
  const self = [...outlet.getElementsByTagNameNS(ATOM_NS, "link")].find(
    (l) => l.getAttribute("rel") === "self",
  )!;
  assert.equal(
    self.getAttribute("href"),
    "https://news.example.org/feeds/outlet/Northern%20Post.atom",
  );
  const byDomain = parseAtom(
    await (await app.request("/feeds/outlet/cityradio.example.atom")).text(),
  );
  assert.equal(byDomain.getElementsByTagNameNS(ATOM_NS, "entry").length, 1);
  assert.equal((await app.request("/feeds/outlet/Northern%20Post.rss")).status, 404);
  // An outlet nobody has heard of is not an empty feed to subscribe to.
  assert.equal((await app.request("/feeds/outlet/No%20Such%20Outlet.atom")).status, 404);
});

test("a feed item says who covers the story once outlets are described", async () => {
  await store.putOutlets(
    leanings({
      "coastherald.example": "left",
      "dailyledger.example": "lean left",
      "metrowire.example": "centre",
    }),
  );
  const feed = JSON.parse(await (await app.request("/feeds/stories.json")).text()) as {
    items: { content_html: string }[];
  };
  const lines = feed.items.map(
    (i) => i.content_html.match(/<p>Lean of the outlets covering it: [^<]*<\/p>/)?.[0],
  );
  assert.ok(
    lines.some((l) => l?.includes("left 1")),
    String(lines),
  );
});

test("a story's own feed has its brief and each development, newest first", async () => {
  const res = await app.request("/feeds/stories/s-bridge.atom");
  assert.equal(res.status, 200);
  const doc = parseAtom(await res.text());
  const entries = [...doc.getElementsByTagNameNS(ATOM_NS, "entry")];
  const text = (e: Element, name: string) =>
    e.getElementsByTagNameNS(ATOM_NS, name)[0]!.textContent!;
  assert.deepEqual(
    entries.map((e) => text(e, "title")),
    [
      "Harbour bridge reopens after two years of repairs",
      "Traffic reaches 80 percent of its old level.",
      "The bridge reopens to traffic.",
    ],
  );
  // The brief's entry is the one the all-stories feed has; developments have ids of their own.
  assert.match(text(entries[0]!, "id"), /:story\/s-bridge$/);
  assert.match(
    text(entries[1]!, "id"),
    /:story\/s-bridge\/development\/2026-11-25T12:00:00\.000Z\//,
  );
  assert.equal(text(entries[1]!, "updated"), "2026-11-25T12:00:00.000Z");
  assert.match(
    text(entries[2]!, "content"),
    /Reported by <a href="https:\/\/coastherald\.example\/news\/a1">Coast Herald<\/a>/,
  );
  const link = entries[1]!.getElementsByTagNameNS(ATOM_NS, "link")[0]!;
  assert.equal(link.getAttribute("href"), "https://news.example.org/stories/s-bridge#h-timeline");

  const json = (await (await app.request("/feeds/stories/s-bridge.json")).json()) as {
    feed_url: string;
    home_page_url: string;
    items: { id: string }[];
  };
  assert.equal(json.feed_url, "https://news.example.org/feeds/stories/s-bridge.json");
  assert.equal(json.home_page_url, "https://news.example.org/stories/s-bridge");
  assert.deepEqual(
    json.items.map((i) => i.id),
    entries.map((e) => text(e, "id")),
  );
  assert.equal((await app.request("/feeds/stories/no-such-story.atom")).status, 404);
  assert.equal((await app.request("/feeds/stories/s-bridge.rss")).status, 404);
});

test("a development's id does not change when the brief is rewritten around it", async () => {
  const ids = async () =>
    (
      (await (await app.request("/feeds/stories/s-bridge.json")).json()) as {
        items: { id: string }[];
      }
    ).items
      .slice(1)
      .map((i) => i.id);
  const before = await ids();
  const fx = loadFixtures();
  const brief = fx.briefs.find((b) => b.storyId === "s-bridge")!;
  await store.putBrief({
    ...brief,
    version: brief.version + 1,
    headline: "Bridge traffic recovers",
  });
  assert.deepEqual(await ids(), before);
});

test("a feed item lists the story's opinion pieces apart, as the story page does", async () => {
  const latest = (await store.getBrief("s-storm"))!;
  await store.putBrief({
    ...latest,
    version: latest.version + 1,
    opinion: [
      {
        articleId: "c1",
        outlet: "Northern Post",
        url: "https://northernpost.example/news/c1",
        headline: "We were warned <again>",
        publishedAt: null,
      },
    ],
  });
  const feed = (await (await app.request("/feeds/stories.json")).json()) as {
    items: { url: string; content_html: string }[];
  };
  const item = feed.items.find((i) => i.url.endsWith("/stories/s-storm"))!;
  assert.match(
    item.content_html,
    /<p>Opinion: Northern Post: <a href="https:\/\/northernpost\.example\/news\/c1">We were warned &lt;again&gt;<\/a><\/p>/,
  );
});

test("a feed item credits a sentence's reporting outlets, not every paper that reprinted it", async () => {
  // Northern Post only reprinted Daily Ledger's copy: the story page credits Daily Ledger alone.
  const latest = (await store.getBrief("s-cycle"))!;
  const lead = latest.paragraphs[0]!.sentences[0]!;
  await store.putBrief({
    ...latest,
    version: latest.version + 1,
    paragraphs: [
      { role: "lead", sentences: [{ ...lead, outlets: ["Daily Ledger"], singleSource: true }] },
    ],
    timeline: [{ at: "2026-11-23T15:00:00.000Z", text: lead.text, articleIds: lead.articleIds }],
  });
  const feed = (await (await app.request("/feeds/stories.json")).json()) as {
    items: { url: string; content_html: string }[];
  };
  const item = feed.items.find((i) => i.url.endsWith("/stories/s-cycle"))!;
  assert.match(
    item.content_html,
    /cycle lanes on Monday\. \[<a href="https:\/\/dailyledger\.example\/news\/b1">Daily Ledger<\/a>\]<\/p>/,
  );
  assert.doesNotMatch(item.content_html, /Northern Post/);
  // The story's own feed credits its developments the same way.
  const own = (await (await app.request("/feeds/stories/s-cycle.json")).json()) as {
    items: { content_html: string; authors?: { name: string }[] }[];
  };
  const development = own.items[1]!;
  assert.match(development.content_html, /<p>Reported by <a [^>]*>Daily Ledger<\/a>\.<\/p>/);
  assert.doesNotMatch(development.content_html, /Northern Post/);
});

test("a brief rewritten for new comments is a modified feed entry", async () => {
  const modified = async () =>
    (
      (await (await app.request("/feeds/stories.json")).json()) as {
        items: { url: string; date_modified: string }[];
      }
    ).items.find((i) => i.url.endsWith("/stories/s-bridge"))!.date_modified;
  // Written as the pipeline writes it, from what the store holds.
  const rewrite = async () => {
    const story = (await store.getStory("s-bridge"))!;
    const articles = await store.listArticles({ storyId: story.id });
    const threads = await store.threadsForArticles(articles.map((a) => a.id));
    const previous = await store.getBrief(story.id);
    await store.putBrief(writeBrief({ story, articles, threads, previous }));
  };
  await rewrite();
  const before = await modified();
  // The thread is polled again and brings a comment; no article changed.
  const [thread] = loadFixtures().threads;
  await store.putThread({
    ...thread!,
    fetchedAt: "2026-11-26T08:00:00.000Z",
    comments: [
      ...thread!.comments,
      {
        id: "901-new",
        parentId: null,
        author: "lee",
        text: "The toll is the real story here, and nobody mentions it.",
        score: 3,
        postedAt: "2026-11-26T07:30:00.000Z",
        url: null,
      },
    ],
  });
  await rewrite();
  assert.equal((await store.getBrief("s-bridge"))!.generatedAt, "2026-11-25T12:30:00.000Z");
  assert.notEqual(await modified(), before);
  assert.equal(await modified(), "2026-11-26T08:00:00.000Z");
});

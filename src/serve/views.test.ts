// Views are pure functions of records: tested without a store or server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadFixtures } from "./fixtures.ts";
import { escapeHtml, html } from "./html.ts";
import { safeHref } from "./links.ts";
import { type StoryModel, summarise } from "./model.ts";
import { rankStories, storyScore } from "./rank.ts";
import { highlight } from "./snippet.ts";
import { chartData, coverageChart } from "./views/chart.ts";
import { frontPage } from "./views/front.ts";
import { groupHits, searchPage } from "./views/search.ts";
import { storyPage } from "./views/story.ts";
import { isNewSince, nextVisit, VISIT_GAP_MS } from "./visit.ts";

function model(storyId: string): StoryModel {
  const fx = loadFixtures();
  const story = fx.stories.find((s) => s.id === storyId)!;
  const articles = fx.articles.filter((a) => a.storyId === storyId).map(summarise);
  return {
    story,
    brief: fx.briefs.find((b) => b.storyId === storyId) ?? null,
    articles: new Map(articles.map((a) => [a.id, a])),
    outlets: [...new Set(articles.map((a) => a.outlet))],
    threads: [],
    sections: [],
    splits: [],
    spread: null,
    newestFetchedAt:
      articles
        .map((a) => a.fetchedAt)
        .sort()
        .at(-1) ?? null,
  };
}

test("html escapes interpolations and keeps Safe parts", () => {
  const evil = `<script>alert(1)</script>"'\``;
  assert.equal(
    html`<p title="${evil}">${evil}</p>`.value,
    `<p title="${escapeHtml(evil)}">${escapeHtml(evil)}</p>`,
  );
  assert.ok(!escapeHtml(evil).includes("<"));
  assert.equal(html`<b>${html`<i>x</i>`}</b>`.value, "<b><i>x</i></b>");
  assert.equal(escapeHtml("a\u0001b\u0000c"), "abc");
});

test("highlight turns markers into <mark> and escapes the rest", () => {
  assert.equal(highlight("a \u0001<b>\u0002 c").value, "a <mark>&lt;b&gt;</mark> c");
  assert.equal(highlight("\u0001open").value, "<mark>open</mark>");
  assert.equal(highlight("stray\u0002 end").value, "stray end");
});

test("safeHref allows only absolute http(s) URLs", () => {
  assert.equal(safeHref("https://example.com/a?b=1"), "https://example.com/a?b=1");
  for (const bad of [
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "data:text/html,<script>",
    "vbscript:x",
    "/relative",
    "",
    null,
    "https://user:pw@example.com/",
  ]) {
    assert.equal(safeHref(bad), null, String(bad));
  }
});

test("ranking favours breadth and recency", () => {
  const now = Date.parse("2026-11-26T00:00:00Z");
  assert.ok(
    storyScore(5, "2026-11-25T20:00:00Z", now) > storyScore(1, "2026-11-25T20:00:00Z", now),
  );
  assert.ok(
    storyScore(2, "2026-11-25T23:00:00Z", now) > storyScore(2, "2026-11-24T23:00:00Z", now),
  );
  const ranked = rankStories(
    [
      { id: "old-broad", outletCount: 10, lastUpdated: "2026-11-20T00:00:00Z" },
      { id: "fresh-broad", outletCount: 6, lastUpdated: "2026-11-25T22:00:00Z" },
      { id: "fresh-narrow", outletCount: 1, lastUpdated: "2026-11-25T23:00:00Z" },
    ],
    now,
  );
  assert.deepEqual(
    ranked.map((r) => r.id),
    ["fresh-broad", "fresh-narrow", "old-broad"],
  );
});

test("visit cookie keeps the mark during a visit and moves it after a gap", () => {
  const t0 = 1_000_000_000_000;
  const first = nextVisit(undefined, t0);
  assert.equal(first.since, null);
  const same = nextVisit(first.cookie, t0 + 60_000);
  assert.equal(same.since, null);
  const later = nextVisit(same.cookie, t0 + 60_000 + VISIT_GAP_MS + 1);
  assert.equal(later.since, t0 + 60_000);
  const within = nextVisit(later.cookie, t0 + 60_000 + VISIT_GAP_MS + 5000);
  assert.equal(within.since, t0 + 60_000);
  assert.equal(nextVisit("garbage", t0).since, null);
  assert.ok(isNewSince("2026-11-25T00:00:00Z", Date.parse("2026-11-24T00:00:00Z")));
  assert.ok(!isNewSince("2026-11-23T00:00:00Z", Date.parse("2026-11-24T00:00:00Z")));
});

test("story page shows chips linked to articles, quotes, community links, timeline and chart", () => {
  const page = storyPage(model("s-bridge"), null).value;
  assert.match(page, /<h1>Harbour bridge reopens after two years of repairs<\/h1>/);
  assert.match(
    page,
    /class="chip-link" href="https:\/\/coastherald\.example\/news\/a1"[^>]*>Coast Herald<\/a>/,
  );
  assert.match(
    page,
    /role="tooltip"[^>]*><span class="chip-headline">Harbour bridge reopens after two years of repairs/,
  );
  assert.match(page, /We expect traffic to return to normal within a week\./);
  assert.match(page, /href="https:\/\/news\.ycombinator\.com\/item\?id=9011"/);
  assert.match(page, /<h2 id="h-timeline">Timeline<\/h2>/);
  assert.match(page, /<svg class="chart"/);
  assert.doesNotMatch(page, /class="new-mark"/);
  assert.equal((page.match(/<h1/g) ?? []).length, 1);
});

test("story page marks sentences from articles fetched since the last visit", () => {
  const page = storyPage(model("s-bridge"), Date.parse("2026-11-25T00:00:00Z")).value;
  assert.match(
    page,
    /class="sentence is-new single-source"><span class="new-mark">new<\/span> Traffic counts/,
  );
  assert.doesNotMatch(
    page,
    /class="sentence is-new[^"]*"><span class="new-mark">new<\/span> The harbour bridge reopened/,
  );
});

test("a javascript: article URL is never a link", () => {
  const m = model("s-cycle");
  const a = m.articles.get("b1")!;
  m.articles.set(
    "b1",
    summarise({
      ...loadFixtures().articles.find((x) => x.id === "b1")!,
      url: "javascript:alert(1)",
      canonicalUrl: "javascript:alert(1)",
    }),
  );
  assert.equal(m.articles.get("b1")!.href, null);
  const page = storyPage(m, null).value;
  assert.doesNotMatch(page, /javascript:/i);
  assert.match(page, new RegExp(`tabindex="0" aria-describedby="src-\\d+">${a.outlet}<`));
});

test("chart buckets articles per outlet over time", () => {
  const data = chartData(model("s-bridge").articles.values())!;
  assert.equal(data.rows[0]!.outlet, "Coast Herald");
  assert.equal(data.rows[0]!.total, 2);
  assert.equal(
    data.rows.reduce((n, r) => n + r.total, 0),
    5,
  );
  assert.ok(data.buckets <= 24);
  assert.match(
    coverageChart(model("s-bridge").articles.values()).value,
    /<desc id="chart-desc">Coast Herald: 2 articles/,
  );
  assert.equal(chartData([]), null);
});

test("a sentence credited to one outlet gets one chip; reprints of the same copy are named in its card", () => {
  const m = model("s-bridge");
  const brief = structuredClone(m.brief!);
  const first = brief.paragraphs[0]!.sentences[0]!;
  const outlets = [...new Set(first.articleIds.map((id) => m.articles.get(id)!.outlet))];
  assert.ok(outlets.length >= 2, "the fixture sentence is carried by several outlets");
  first.outlets = [outlets[0]!];
  first.singleSource = true;
  const page = storyPage({ ...m, brief }, null).value;
  const lead = page.slice(
    page.indexOf('<p class="brief-p'),
    page.indexOf("</p>", page.indexOf('<p class="brief-p')),
  );
  const chipNames = [...lead.matchAll(/class="chip-link"[^>]*>([^<]+)</g)].map((x) => x[1]);
  assert.deepEqual(chipNames, [outlets[0]]);
  assert.match(lead, new RegExp(`Also carried by ${outlets.slice(1).join(", ")}`));
});

test("story page links the discussion threads; a one-entry timeline is left out", () => {
  const m = model("s-bridge");
  const page = storyPage(
    {
      ...m,
      threads: [
        {
          platform: "reddit",
          href: "https://reddit.example/r/x/1",
          title: "Bridge <b>",
          comments: 31,
        },
      ],
    },
    null,
  ).value;
  assert.match(
    page,
    /Read the discussion: <a href="https:\/\/reddit\.example\/r\/x\/1"[^>]*>Reddit: Bridge &lt;b&gt;<\/a> <span class="share">\(31 comments\)/,
  );
  const cycle = model("s-cycle");
  assert.equal(cycle.brief!.timeline.length, 1);
  assert.doesNotMatch(storyPage(cycle, null).value, /h-timeline/);
});

test("search results: one entry per story, a title match highlighted in the title", () => {
  const hit = (articleId: string, storyId: string | null, outlet: string, snippet: string) => ({
    articleId,
    storyId,
    headline: "Port strike ends",
    outlet,
    url: `https://${outlet.toLowerCase()}.example/${articleId}`,
    publishedAt: null,
    snippet,
  });
  const hits = [
    hit("a1", "s1", "Ledger", "Port \u0001strike\u0002 ends"),
    hit("a2", null, "Post", "…the \u0001strike\u0002 went on…"),
    hit("a3", "s1", "Wire", "…dockers on \u0001strike\u0002…"),
    hit("a4", "s1", "Ledger", "…\u0001strike\u0002 pay…"),
  ];
  assert.deepEqual(
    groupHits(hits).map((g) => g.map((h) => h.articleId)),
    [["a1", "a3", "a4"], ["a2"]],
  );
  const page = searchPage("strike", hits).value;
  assert.match(page, /4 matching articles in 2 stories/);
  assert.match(
    page,
    /<a href="\/stories\/s1"><span class="snippet">Port <mark>strike<\/mark> ends/,
  );
  assert.match(page, /2 more matching articles from <a href="https:\/\/wire\.example\/a3"/);
  assert.match(page, /<p class="snippet">…the <mark>strike<\/mark> went on…<\/p>/);
  assert.equal((page.match(/class="hit"/g) ?? []).length, 2);
});

test("the quotes section leaves out quotes the brief already carries", () => {
  const m = model("s-bridge");
  const brief = structuredClone(m.brief!);
  const sentence = brief.paragraphs[0]!.sentences[0]!;
  brief.quotes = [
    { text: "Traffic is back,", speaker: "A. Mayor", articleId: "a1", outlet: "Coast Herald" },
    {
      text: "We are proud of the crews",
      speaker: "B. Chief",
      articleId: "a1",
      outlet: "Coast Herald",
    },
  ];
  sentence.text = `“Traffic is back,” said A. Mayor. ${sentence.text}`;
  const page = storyPage({ ...m, brief }, null).value;
  const section = page.slice(page.indexOf('id="h-quotes"'));
  assert.match(section, /We are proud of the crews/);
  assert.doesNotMatch(section, /Traffic is back/);
  brief.quotes = brief.quotes.slice(0, 1);
  assert.doesNotMatch(storyPage({ ...m, brief }, null).value, /h-quotes/);
});

test("story page groups its outlets as the operator described them, escaping their labels", () => {
  const m = model("s-bridge");
  const bare = storyPage(m, null).value;
  assert.ok(!bare.includes("Who covers it"), "no section before any outlet is described");
  const page = storyPage(
    {
      ...m,
      spread: {
        outlets: 3,
        lean: [
          { label: "left", outlets: ["The Left Post"] },
          { label: "<b>right</b>", outlets: ["Daily Right"] },
        ],
        country: [{ label: "GB", outlets: ["The Left Post", "Daily Right"] }],
        ownership: [],
        unrated: ["Harbour Blog"],
        blindspot: null,
      },
    },
    null,
  ).value;
  assert.match(page, /<h2 id="h-spread">Who covers it<\/h2>/);
  assert.match(page, /<dt>Lean<\/dt><dd><span class="spread-group"><b>left<\/b> 1/);
  assert.ok(page.includes("&lt;b&gt;right&lt;/b&gt;"));
  assert.match(page, /<dt>Country<\/dt><dd><span class="spread-group"><b>GB<\/b> 2/);
  assert.ok(!page.includes("<dt>Ownership</dt>"));
  assert.match(page, /<dt>Not described<\/dt><dd>Harbour Blog<\/dd>/);
});

test("a story card shows its outlets along the lean scale, and a one-sided story's blindspot", () => {
  const m = model("s-bridge");
  const spread = {
    outlets: 3,
    lean: [
      { label: "left", outlets: ["The Left Post"] },
      { label: "lean left", outlets: ["Harbour Blog"] },
      { label: "centre", outlets: ["Wire"] },
    ],
    country: [],
    ownership: [],
    unrated: [],
    blindspot: "right" as const,
  };
  const front = frontPage([{ ...m, spread }], null, 1, false).value;
  assert.match(
    front,
    /<p class="spread-line">Lean: left 1 · lean left 1 · centre 1 · <strong class="blindspot">No outlet you labelled right-leaning has covered it\.<\/strong><\/p>/,
  );
  assert.ok(!frontPage([m], null, 1, false).value.includes("spread-line"));
  assert.match(
    storyPage({ ...m, spread }, null).value,
    /class="blindspot">No outlet you labelled right-leaning/,
  );
});

test("a story page lists its opinion pieces apart, with their writers", () => {
  const m = model("s-bridge");
  const a1 = m.articles.get("a1")!;
  m.articles.set("a1", { ...a1, byline: "Dana Whitlow" });
  m.brief = {
    ...m.brief!,
    opinion: [
      {
        articleId: "a1",
        outlet: a1.outlet,
        url: "https://coastherald.example/opinion/bridge",
        headline: "The bridge should never have closed",
        publishedAt: null,
      },
    ],
  };
  const page = storyPage(m, null).value;
  assert.match(
    page,
    /<h2 id="h-opinion">Opinion<\/h2><ul class="coverage">\n<li><span class="outlet">[\s\S]*?<\/span> \(Dana Whitlow\): <a href="https:\/\/coastherald\.example\/opinion\/bridge"[^>]*>The bridge should never have closed<\/a>/,
  );
  assert.ok(page.indexOf('id="h-opinion"') < page.indexOf('id="h-coverage"'));
  const plain = storyPage(model("s-bridge"), null).value;
  assert.doesNotMatch(plain, /h-opinion/);
});

// Script injection: every piece of third-party text carries known XSS payloads; every page is
// loaded in Chromium (once with the CSP bypassed, so escaping alone must hold, once with it) and
// no script may run, no request may leave for another host, no javascript:/data: URL may be a link.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type Fixtures, loadFixtures } from "../../src/serve/fixtures.ts";
import type { Article, Brief, Story } from "../../src/types.ts";
import { guard, launch, skipReason, startTestServer, type TestServer } from "./harness.ts";

const RUN = "top.__xss=1";
const BASE_PAYLOADS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload=${RUN}>`,
  `<svg><script>${RUN}</script></svg>`,
  `"><script>${RUN}</script>`,
  `'><img src=x onerror=${RUN}>`,
  `"><iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<body onload=${RUN}>`,
  `<details open ontoggle=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<a href="javascript:${RUN}">click</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<svg><style><img src=x onerror=${RUN}></style></svg>`,
  `<div style="background:url(javascript:${RUN})">x</div>`,
  `<div style="width: expression(${RUN})">x</div>`,
  `<style>@import 'http://evil.example/x.css';</style>`,
  `<link rel=stylesheet href=http://evil.example/x.css>`,
  `<img src="http://evil.example/pixel.gif">`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<form action="javascript:${RUN}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="http://evil.example/">`,
  `&lt;script&gt;${RUN}&lt;/script&gt;`,
  `&#60;img src=x onerror=${RUN}&#62;`,
  `%3Cscript%3E${RUN}%3C/script%3E`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `<<script>script>${RUN}<</script>/script>`,
  `<img src=x onerror=&#116;op.__xss=1>`,
  `<img src=x:x onerror=eval(atob('dG9wLl9feHNzPTE='))>`,
  `<svg><a><animate attributeName=href values=javascript:${RUN} /><text y=20>x</text></a></svg>`,
  `<video><source onerror=${RUN}></video>`,
  `<audio src=x onerror=${RUN}>`,
  `<marquee onstart=${RUN}>m</marquee>`,
  `javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `\u0001<script>${RUN}</script>\u0002`,
  `</title><script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `<!--<img src="--><img src=x onerror=${RUN}//">`,
  `<x onmouseover=${RUN} style=display:block;position:fixed;inset:0>hover</x>`,
  `<a href=" &#14; javascript:${RUN}">x</a>`,
  `" onmouseover="${RUN}" x="`,
  `' onfocus='${RUN}' autofocus='`,
  `\` onmouseover=${RUN} \``,
  `<template><script>${RUN}</script></template>`,
  `<svg><foreignObject><iframe src=javascript:${RUN}></iframe></foreignObject></svg>`,
  `<isindex type=image src=1 onerror=${RUN}>`,
  `<select><noembed></select><script>${RUN}</script>`,
  `<svg></p><style><a id="</style><img src=1 onerror=${RUN}>">`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${RUN}>`,
  `\u2028<script>${RUN}</script>\u2029`,
];
/** Each payload as written and in upper case (HTML tags and handler names are case-insensitive). */
export const PAYLOADS = [
  ...BASE_PAYLOADS,
  ...BASE_PAYLOADS.map((p) => p.toUpperCase().replace("TOP.__XSS", RUN)),
];

const BAD_URLS = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` javascript:${RUN}`,
  `java\tscript:${RUN}`,
  `data:text/html;base64,PHNjcmlwdD50b3AuX194c3M9MTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `javascript&#58;${RUN}`,
  `"><script>${RUN}</script>`,
];

function hostile(): Fixtures {
  const fx = loadFixtures();
  const base = fx.articles[0]!;
  const baseBrief = fx.briefs[0]!;
  BASE_PAYLOADS.forEach((p, i) => {
    const upper = PAYLOADS[BASE_PAYLOADS.length + i]!;
    const storyId = `x${i}`;
    const bad = BAD_URLS[i % BAD_URLS.length]!;
    const articles: Article[] = [0, 1].map((k) => ({
      ...base,
      id: `x${i}-${k}`,
      url: k === 0 ? bad : `https://outlet${i}.example/a/${k}`,
      canonicalUrl: k === 0 ? bad : `https://outlet${i}.example/a/${k}`,
      outlet: k === 0 ? p : upper,
      outletDomain: `outlet${i}.example`,
      headline: k === 0 ? p : `Bridge ${upper}`,
      byline: p,
      storyId,
      fetchedAt: `2026-11-25T1${k}:00:00.000Z`,
    }));
    fx.articles.push(...articles);
    const ids = articles.map((a) => a.id);
    const story: Story = {
      id: storyId,
      title: p,
      articleIds: ids,
      firstSeen: "2026-11-25T10:00:00.000Z",
      lastUpdated: "2026-11-25T11:00:00.000Z",
      topTerms: [p],
    };
    fx.stories.push(story);
    const sentence = {
      text: p,
      rendered: `Bridge ${p}`,
      kind: "fact" as const,
      articleIds: ids,
      outlets: [p, upper],
      singleSource: i % 2 === 0,
    };
    const brief: Brief = {
      ...baseBrief,
      storyId,
      headline: p,
      dek: upper,
      paragraphs: [
        { role: "lead", sentences: [sentence] },
        { role: "community", sentences: [], summary: p },
      ],
      quotes: [{ text: p, speaker: upper, articleId: ids[0]!, outlet: p }],
      reaction: {
        tone: "divided",
        threadCount: 1,
        commentCount: 1,
        text: p,
        themes: [
          {
            label: p,
            keyPhrases: [p],
            share: 0.5,
            comment: {
              commentId: `c${i}`,
              threadId: `hackernews:${i}`,
              author: upper,
              text: p,
              url: bad,
            },
          },
        ],
      },
      moreCoverage: [{ articleId: ids[0]!, outlet: p, url: bad, headline: p, publishedAt: null }],
      timeline: [{ at: "2026-11-25T10:00:00.000Z", text: p, articleIds: ids }],
    };
    fx.briefs.push(brief);
    fx.threads.push({
      id: `hackernews:${i}`,
      platform: "hackernews",
      url: bad,
      title: p,
      articleUrl: bad,
      fetchedAt: "2026-11-25T10:00:00.000Z",
      comments: [
        {
          id: `c${i}`,
          parentId: null,
          author: upper,
          text: p,
          score: null,
          postedAt: null,
          url: bad,
        },
      ],
    });
    fx.sources.push({
      kind: "feed",
      url: `https://outlet${i}.example/feed?${encodeURIComponent(p)}`,
      title: p,
      // The operator's sections come from OPML files, which may be someone else's.
      section: p,
      patch: { lastError: upper, failureCount: 1 },
    });
  });
  return fx;
}

const skip = skipReason();
if (skip) console.log(`# ${skip}`);

describe("browser: script injection", { skip }, () => {
  let browser: Browser;
  let server: TestServer;
  const fired: string[] = [];

  before(async () => {
    assert.ok(PAYLOADS.length >= 50, `${PAYLOADS.length} payloads`);
    server = await startTestServer(hostile());
    // What the operator says about the outlets is third-party text too (a shared outlet list).
    await server.store.putOutlets(
      BASE_PAYLOADS.map((p, i) => ({
        domain: `outlet${i}.example`,
        name: p,
        country: PAYLOADS[BASE_PAYLOADS.length + i]!,
        ownership: p,
        lean: i % 2 === 0 ? p : "left",
      })),
    );
    // Every story under a hostile section: the section nav, card and story-page links show them.
    const sources = (await server.store.listSources()).filter((x) => x.section !== null);
    for (const [i, a] of (await server.store.listArticles()).entries())
      await server.store.linkArticleSource(a.id, sources[i % sources.length]!.id);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(context: BrowserContext): Promise<{ page: Page; outside: string[] }> {
    const page = await context.newPage();
    // A string, not a function: tsx's compiled functions reference helpers the page lacks.
    await page.addInitScript({
      content: `Object.defineProperty(window, "__xss", { set() { console.log("XSS-FIRED"); }, configurable: true });`,
    });
    page.on("dialog", (d) => {
      fired.push(`dialog on ${page.url()}`);
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (m.text().includes("XSS-FIRED")) fired.push(`script ran on ${page.url()}`);
    });
    return { page, outside: await guard(page) };
  }

  function paths(): string[] {
    const list = [
      "/",
      "/?page=2",
      "/?page=3",
      "/sources",
      "/outlets",
      "/search?q=bridge",
      "/feeds/stories.atom",
    ];
    for (let i = 0; i < BASE_PAYLOADS.length; i++) list.push(`/stories/x${i}`);
    for (const p of BASE_PAYLOADS) list.push(`/search?q=${encodeURIComponent(p)}`);
    // Outlet pages, named by the hostile outlet names themselves.
    for (const p of BASE_PAYLOADS) list.push(`/outlets/${encodeURIComponent(p)}`);
    // Section pages, named by the hostile section names.
    for (const p of BASE_PAYLOADS) list.push(`/sections/${encodeURIComponent(p)}`);
    list.push("/feeds/sections/x.atom");
    return list;
  }

  async function check(page: Page, path: string): Promise<void> {
    const res = await page.goto(server.url + path, { waitUntil: "load" });
    assert.ok(res && res.status() < 500, `${path} answered ${res?.status()}`);
    await page.mouse.move(200, 200);
    if (path.startsWith("/feeds/")) return; // shown by Chromium's own text viewer, not our markup
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of document.querySelectorAll("*")) {
        for (const attr of el.getAttributeNames()) {
          if (/^on/i.test(attr)) found.push(`${el.tagName} has ${attr}`);
          if (attr === "style") found.push(`${el.tagName} has a style attribute`);
        }
        const tag = el.tagName.toLowerCase();
        if (
          ["iframe", "object", "embed", "base", "meta"].includes(tag) &&
          !(tag === "meta" && !el.getAttribute("http-equiv"))
        )
          found.push(`a ${tag} element`);
        if (tag === "script" && el.getAttribute("src") !== "/static/app.js")
          found.push("an unexpected script");
        if (tag === "img" || tag === "video" || tag === "audio") found.push(`a ${tag} element`);
      }
      for (const a of document.querySelectorAll("a[href], area[href]")) {
        const href = (a as HTMLAnchorElement).href;
        if (!/^https?:/i.test(href)) found.push(`link to ${href.slice(0, 40)}`);
      }
      for (const f of document.querySelectorAll("form"))
        if (!/^https?:/i.test(f.action)) found.push(`form to ${f.action}`);
      return found;
    });
    assert.deepEqual(problems, [], path);
  }

  for (const bypassCSP of [true, false]) {
    test(`no payload runs or phones home (CSP ${bypassCSP ? "bypassed: escaping alone" : "on"})`, async () => {
      const context = await browser.newContext({ bypassCSP });
      const { page, outside } = await open(context);
      const list = bypassCSP ? paths() : paths().filter((_, i) => i % 5 === 0);
      for (const path of list) await check(page, path);
      // Hover every chip on one page, so hover-triggered payloads get their chance.
      await page.goto(`${server.url}/stories/x0`);
      for (const chip of await page.locator(".chip-link").all()) await chip.hover();
      await page.waitForTimeout(200);
      await context.close();
      assert.deepEqual(fired, []);
      assert.deepEqual(outside, [], "no request for another host");
    });
  }

  test("the detector itself catches a payload that runs", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const { page } = await open(context);
    await page.goto(`${server.url}/healthz`);
    await page.setContent(`<img src=x onerror="${RUN}">`);
    await page.waitForTimeout(200);
    await context.close();
    assert.equal(fired.length, 1);
    fired.length = 0;
  });

  test("javascript: and data: article URLs are never rendered as links", async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    for (let i = 0; i < BASE_PAYLOADS.length; i += 7) {
      await page.goto(`${server.url}/stories/x${i}`);
      const hrefs = await page
        .locator("a[href]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
      for (const h of hrefs) assert.doesNotMatch(h, /^\s*(javascript|data|vbscript):/i);
      const bareChip = page.locator(".brief .chip-link:not(a)");
      assert.ok((await bareChip.count()) >= 1, "the chip for the bad URL is plain text");
    }
    await context.close();
  });
});

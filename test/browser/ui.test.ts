// The reader's journey in a real browser: front page, story, chips, search, adding a feed.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { leanings } from "../../src/serve/fixtures.ts";
import {
  DOC_SCREENSHOTS,
  guard,
  launch,
  screenshotPath,
  skipReason,
  startTestServer,
  type TestServer,
} from "./harness.ts";

const skip = skipReason();
if (skip) console.log(`# ${skip}`);

describe("browser: reader's journey", { skip }, () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let outside: string[];
  const consoleErrors: string[] = [];

  before(async () => {
    server = await startTestServer();
    // The reader has described most of their outlets (one is left undescribed).
    await server.store.putOutlets(
      leanings({
        "coastherald.example": "centre-left",
        "dailyledger.example": "right",
        "metrowire.example": "centre",
        "cityradio.example": "left",
      }),
    );
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    outside = await guard(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("front page ranks stories, has landmarks and a working skip link", async () => {
    await page.goto(`${server.url}/`);
    assert.equal(await page.title(), "Top stories · Storyline");
    assert.equal(await page.locator("h1").count(), 1);
    const headlines = await page.locator(".story-card h2").allTextContents();
    assert.equal(headlines[0], "Harbour bridge reopens after two years of repairs");
    assert.equal(headlines.length, 4);
    assert.equal(await page.locator("main#main").count(), 1);
    assert.equal(await page.locator("nav[aria-label=Main]").count(), 1);
    const css = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(css, "rgb(253, 252, 249)", "the stylesheet loaded under the CSP");
    await page.screenshot({ path: screenshotPath("front-page.png"), fullPage: true });
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
  });

  test("story page: chips reveal their article on hover and on keyboard focus", async () => {
    await page.goto(`${server.url}/`);
    await page
      .getByRole("link", { name: "Harbour bridge reopens after two years of repairs" })
      .click();
    await page.waitForURL(/\/stories\/s-bridge$/);
    assert.equal(
      await page.locator("h1").textContent(),
      "Harbour bridge reopens after two years of repairs",
    );
    const chip = page.locator(".brief .chip").first();
    const card = chip.locator(".chip-card");
    assert.equal(await card.isVisible(), false);
    await chip.locator(".chip-link").hover();
    assert.equal(await card.isVisible(), true);
    assert.match(
      (await card.textContent()) ?? "",
      /Harbour bridge reopens after two years of repairs/,
    );
    await page.mouse.move(0, 0);
    assert.equal(await card.isVisible(), false);
    await chip.locator(".chip-link").focus();
    assert.equal(await card.isVisible(), true, "focus reveals the card");
    await page.screenshot({ path: screenshotPath("story-page-chip.png") });
    await page.keyboard.press("Escape");
    assert.equal(await card.isVisible(), false, "Escape dismisses the card");
    assert.equal((await page.locator("svg.chart circle").count()) > 0, true);
    assert.equal(await page.locator("#h-community").count(), 1);
    const spread = page.locator("section.spread");
    assert.equal(await spread.isVisible(), true);
    assert.match((await spread.locator("dd").first().textContent()) ?? "", /left 1 .*right 1/);
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: screenshotPath("story-page.png"), fullPage: true });
  });

  test("following a source chip opens the outlet's article", async () => {
    await page.goto(`${server.url}/stories/s-bridge`);
    const link = page.locator(".brief .chip-link", { hasText: "Daily Ledger" }).first();
    const href = await link.getAttribute("href");
    assert.equal(href, "https://dailyledger.example/news/a2");
    await link.click();
    await page.waitForURL(href!);
    assert.equal(await page.locator("h1").textContent(), "Stub article");
    assert.deepEqual(
      outside,
      [href],
      "the only outside request is the followed link, answered by the guard",
    );
    outside.length = 0;
  });

  test("search highlights matches and links to stories", async () => {
    await page.goto(`${server.url}/`);
    await page.locator("#site-q").fill("ferry");
    await page.locator("#site-q").press("Enter");
    await page.waitForURL(/\/search\?q=ferry/);
    assert.match((await page.locator("h1").textContent()) ?? "", /ferry/);
    assert.ok((await page.locator(".snippet mark").count()) > 0);
    assert.match((await page.locator(".snippet mark").first().textContent()) ?? "", /^[Ff]err/);
    await page.screenshot({ path: screenshotPath("search.png"), fullPage: true });
    await page.locator(".hit h2 a").first().click();
    await page.waitForURL(/\/stories\/s-bridge$/);
  });

  test("adding a feed posts the form and shows the result", async () => {
    await page.goto(`${server.url}/sources`);
    assert.match(
      (await page.locator("table.sources").textContent()) ?? "",
      /HTTP 503 from dailyledger\.example/,
    );
    await page.locator("#add-feed").fill("https://example.org/feed.xml");
    await page.locator("#add-feed-section").fill("World");
    await page.getByRole("button", { name: "Add feed" }).click();
    await page.waitForSelector(".flash");
    assert.equal(
      await page.locator(".flash").textContent(),
      "Added feed https://example.org/feed.xml",
    );
    assert.deepEqual(server.added, [
      { kind: "feed", url: "https://example.org/feed.xml", section: "World" },
    ]);
    await page.screenshot({ path: screenshotPath("sources.png"), fullPage: true });
  });

  test("a failing source is enabled again; removing one asks first", async () => {
    await page.goto(`${server.url}/sources`);
    const disabled = page.locator("tr.status-disabled");
    const url = (await disabled.locator(".url").textContent()) ?? "";
    await disabled.getByRole("button", { name: `Enable ${url}` }).click();
    await page.waitForSelector(".flash");
    assert.equal(
      await page.locator(".flash").textContent(),
      `enabled: ${url} (polled on the next round)`,
    );
    assert.equal(await page.locator("tr.status-disabled").count(), 0);

    const before = await page.locator("table.sources tbody tr").count();
    const remove = page
      .locator("table.sources tbody tr")
      .first()
      .getByRole("button", {
        name: /^Remove /,
      });
    const stored = (await server.store.listSources()).length;
    let asked = 0;
    page.once("dialog", (d) => {
      asked++;
      void d.dismiss();
    });
    await remove.click();
    assert.equal(asked, 1);
    assert.equal((await server.store.listSources()).length, stored);
    page.once("dialog", (d) => {
      asked++;
      assert.match(d.message(), /^Stop following https?:\/\/\S+\? Its articles stay\.$/);
      void d.accept();
    });
    await remove.click();
    await page.waitForSelector(".flash");
    assert.match((await page.locator(".flash").textContent()) ?? "", /^removed: /);
    assert.equal(await page.locator("table.sources tbody tr").count(), before - 1);
    assert.equal(asked, 2);
    assert.equal((await server.store.listSources()).length, stored - 1);
  });

  test("a remote admin signs in once, changes sources, and signs out", async () => {
    const remote = await startTestServer(undefined, "browser-admin-token");
    // A proxy in front makes the reader remote, though the socket is loopback.
    const context = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": "203.0.113.9" },
    });
    const admin = await context.newPage();
    try {
      await guard(admin);
      await admin.goto(`${remote.url}/sources`);
      assert.equal(await admin.locator("#add-feed").count(), 0);
      assert.equal(await admin.locator('input[name="token"]').count(), 1);
      await admin.locator("#admin-token").fill("wrong-token");
      const refused = admin.waitForResponse((r) => r.url().endsWith("/sources/sign-in"));
      await admin.getByRole("button", { name: "Sign in" }).click();
      assert.equal((await refused).status(), 401);

      await admin.goto(`${remote.url}/sources`);
      await admin.locator("#admin-token").fill("browser-admin-token");
      await admin.getByRole("button", { name: "Sign in" }).click();
      await admin.waitForSelector(".flash");
      assert.match((await admin.locator(".flash").textContent()) ?? "", /^Signed in/);
      assert.equal(await admin.locator('input[name="token"]').count(), 0);
      await admin.locator("#add-feed").fill("https://example.org/remote.xml");
      await admin.getByRole("button", { name: "Add feed" }).click();
      await admin.waitForSelector(".flash");
      assert.deepEqual(remote.added, [
        { kind: "feed", url: "https://example.org/remote.xml", section: null },
      ]);

      await admin.getByRole("button", { name: "Sign out" }).click();
      await admin.waitForSelector(".flash");
      assert.equal(await admin.locator(".flash").textContent(), "Signed out.");
      assert.equal(await admin.locator("#add-feed").count(), 0);
      assert.equal(await admin.locator("#admin-token").count(), 1);
    } finally {
      await context.close();
      await remote.close();
    }
  });

  test("pages work without JavaScript and on a phone-sized screen", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const phone = await context.newPage();
    await guard(phone);
    await phone.goto(`${server.url}/stories/s-bridge`);
    const chip = phone.locator(".brief .chip").first();
    await chip.locator(".chip-link").hover();
    assert.equal(await chip.locator(".chip-card").isVisible(), true);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
    await phone.mouse.move(0, 0);
    await phone.screenshot({ path: screenshotPath("story-page-phone.png"), fullPage: true });
    await context.close();
  });

  test("no console errors or CSP violations; screenshots for the README", () => {
    assert.deepEqual(consoleErrors, []);
    for (const name of ["front-page.png", "story-page.png"])
      assert.ok(existsSync(screenshotPath(name)));
    if (process.env.STORYLINE_UPDATE_SCREENSHOTS === "1") {
      mkdirSync(DOC_SCREENSHOTS, { recursive: true });
      for (const name of ["front-page.png", "story-page.png"])
        copyFileSync(screenshotPath(name), join(DOC_SCREENSHOTS, name));
    }
  });
});

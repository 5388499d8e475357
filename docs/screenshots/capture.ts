// Screenshots of the real demo for the README: builds the demo database (or reuses --db), serves it
// on 127.0.0.1 and photographs the pages a reader sees in Debian's Chromium.
//
//   node --import tsx docs/screenshots/capture.ts [--db /tmp/demo.db] [--out docs/screenshots] [--all]
//
// Writes front-page.png and story-page.png (a story with a community response, as the README
// shows); with --all also story-page-2.png, story-page-phone.png, search.png and sources.png. Nothing but 127.0.0.1 is reachable from the
// browser (host-resolver rules plus a request guard).
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { configFrom, sourceAdder } from "../../src/cli/shared.ts";
import { startDemoServer } from "../../src/demo/server.ts";
import { demoConfig, ingestDemo } from "../../src/pipeline/demo.ts";
import { startServer } from "../../src/serve/index.ts";
import { openStore } from "../../src/store/index.ts";
import type { Store } from "../../src/store/store.ts";

const CHROMIUM = "/usr/bin/chromium";
/** A desktop reader's window; the README shows it scaled down. */
const VIEWPORT = { width: 1100, height: 900 };
/** Full-page shots are cut here by default so the README images stay a sensible size. */
const MAX_SHOT_HEIGHT = 3000;
let maxShotHeight = MAX_SHOT_HEIGHT;

async function demoStore(db: string | undefined): Promise<Store> {
  if (db && existsSync(db)) return openStore(db);
  const outlets = await startDemoServer();
  const path = db ?? join(process.env.TMPDIR ?? "/tmp", `storyline-shots-${process.pid}.db`);
  const config = demoConfig(configFrom(path), outlets);
  const store = await openStore(config.db);
  await ingestDemo(outlets, store, config);
  await outlets.close();
  return store;
}

async function guard(page: Page): Promise<void> {
  await page.route("**/*", (route) =>
    new URL(route.request().url()).hostname === "127.0.0.1"
      ? route.continue()
      : route.fulfill({ status: 204, body: "" }),
  );
}

async function shot(page: Page, path: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? VIEWPORT.width;
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, maxShotHeight) },
  });
  console.log(`wrote ${path}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      out: { type: "string", default: join(import.meta.dirname) },
      "max-height": { type: "string", default: String(MAX_SHOT_HEIGHT) },
      all: { type: "boolean", default: false },
    },
  });
  maxShotHeight = Number(values["max-height"]);
  const out = values.out;
  mkdirSync(out, { recursive: true });
  const store = await demoStore(values.db);
  // As `storyline serve` wires it, so the sources page shows its forms (nothing is submitted).
  const server = await startServer({
    store,
    adminToken: null,
    host: "127.0.0.1",
    port: 0,
    onAddSource: sourceAdder(store),
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light" });
    const page = await context.newPage();
    await guard(page);
    await page.goto(`${server.url}/`);
    await shot(page, join(out, "front-page.png"));

    // The story page shown in the README: one that has a community response.
    const stories = await store.listStories({});
    let withCommunity: string | null = null;
    let plain: string | null = null;
    for (const s of stories) {
      const brief = await store.getBrief(s.id);
      const hasCommunity =
        brief?.reaction != null || brief?.paragraphs.some((p) => p.role === "community");
      if (hasCommunity && !withCommunity) withCommunity = s.id;
      if (!hasCommunity && !plain && brief) plain = s.id;
    }
    for (const [id, name] of [
      [withCommunity, "story-page.png"],
      [plain, "story-page-2.png"],
    ] as const) {
      if (!id || (name !== "story-page.png" && !values.all)) continue;
      await page.goto(`${server.url}/stories/${encodeURIComponent(id)}`);
      await shot(page, join(out, name));
    }
    if (!values.all) return;
    await page.goto(`${server.url}/search?q=strike`);
    await shot(page, join(out, "search.png"));
    await page.goto(`${server.url}/sources`);
    await shot(page, join(out, "sources.png"));

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phonePage = await phone.newPage();
    await guard(phonePage);
    if (withCommunity) {
      await phonePage.goto(`${server.url}/stories/${encodeURIComponent(withCommunity)}`);
      await shot(phonePage, join(out, "story-page-phone.png"));
    }
  } finally {
    await browser.close();
    await server.close();
    await store.close();
  }
}

await main();

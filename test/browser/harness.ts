// Browser-test harness: Debian's Chromium driven by playwright-core, a Storyline server on
// 127.0.0.1 over a temp SQLite store, and a request guard that lets nothing leave the machine.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { FIXTURE_NOW, type Fixtures, fillStore, loadFixtures } from "../../src/serve/fixtures.ts";
import { startServer } from "../../src/serve/index.ts";
import { openStore } from "../../src/store/index.ts";
import type { Store } from "../../src/store/store.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = join(import.meta.dirname, "..", "..", "artifacts", "screenshots");
export const DOC_SCREENSHOTS = join(import.meta.dirname, "..", "..", "docs", "screenshots");

/** A reason to skip, or false when Chromium is there. */
export function skipReason(): string | false {
  return existsSync(CHROMIUM)
    ? false
    : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium); skipping browser tests`;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
      // Belt and braces: no name but loopback resolves, so nothing can leave even if a route slipped.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ],
  });
}

export interface TestServer {
  url: string;
  store: Store;
  added: unknown[];
  close(): Promise<void>;
}

export async function startTestServer(
  fx: Fixtures = loadFixtures(),
  adminToken: string | null = null,
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "storyline-browser-"));
  const store = await openStore(join(dir, "test.db"));
  await fillStore(store, fx);
  const added: unknown[] = [];
  const server = await startServer({
    store,
    adminToken,
    host: "127.0.0.1",
    port: 0,
    now: () => FIXTURE_NOW,
    onAddSource: async (input) => {
      added.push(input);
      return `Added ${input.kind} ${input.url ?? ""}`.trim();
    },
  });
  return {
    url: server.url,
    store,
    added,
    close: async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Records every request for a host other than 127.0.0.1 and answers it locally with a stub page,
 * so links to outlets can be followed without any traffic leaving.
 */
export async function guard(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    outside.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: "text/html",
      body: "<!doctype html><title>stub</title><h1>Stub article</h1>",
    });
  });
  return outside;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

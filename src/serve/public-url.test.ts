// Absolute links in feeds and the API: built on the configured public URL, never on the client's
// Host header, and keeping the public URL's path prefix.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { captured } from "../cli/captured.ts";
import { run as serve } from "../cli/commands/serve.ts";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/store.ts";
import { FIXTURE_NOW, fillStore, loadFixtures } from "./fixtures.ts";
import { createApp } from "./index.ts";

const CLI = fileURLToPath(new URL("../../bin/storyline.js", import.meta.url));
const LOCAL = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
const dir = mkdtempSync(join(tmpdir(), "storyline-public-url-"));
let store: Store;

before(async () => {
  store = await openStore(":memory:");
  await fillStore(store, loadFixtures());
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a public URL with a path keeps its path in feed and API links, whatever the Host", async () => {
  const app = createApp({
    store,
    adminToken: null,
    cacheTtlMs: 0,
    now: () => FIXTURE_NOW,
    publicBaseUrl: "https://news.example.org/news",
    onAddSource: async () => "Added",
  });
  const host = { host: "evil.example" };
  const atom = await (
    await app.request("http://evil.example/feeds/stories.atom", { headers: host })
  ).text();
  assert.match(
    atom,
    /<link rel="self" [^>]*href="https:\/\/news\.example\.org\/news\/feeds\/stories\.atom"/,
  );
  assert.match(atom, /href="https:\/\/news\.example\.org\/news\/stories\/s-bridge"/);
  assert.doesNotMatch(atom, /evil\.example/);
  const api = await (
    await app.request("http://evil.example/api/stories", { headers: host })
  ).text();
  assert.match(api, /"url":"https:\/\/news\.example\.org\/news\/stories\/s-bridge"/);
  assert.doesNotMatch(api, /evil\.example/);

  // Behind a proxy that terminates TLS the browser's Origin is the public one, not the request's.
  const page = await app.request("http://127.0.0.1:8080/sources", {}, LOCAL);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const post = (origin: string) =>
    app.request(
      "http://127.0.0.1:8080/sources",
      {
        method: "POST",
        body: new URLSearchParams({ csrf, kind: "feed", url: "https://example.org/feed.xml" }),
        headers: { cookie: `sl_csrf=${csrf}`, origin },
      },
      LOCAL,
    );
  assert.equal((await post("https://news.example.org")).status, 303);
  assert.equal((await post("https://evil.example")).status, 403);
});

test("a merged story redirects onto the public URL, keeping its path prefix and the query", async () => {
  const app = createApp({
    store,
    adminToken: null,
    cacheTtlMs: 0,
    now: () => FIXTURE_NOW,
    publicBaseUrl: "https://x.org/news/",
  });
  await store.recordMerge("s-merged-away", "s-bridge");
  const host = { host: "evil.example" };
  for (const [from, to] of [
    ["/stories/s-merged-away", "https://x.org/news/stories/s-bridge"],
    [
      "/api/stories/s-merged-away?since=2026-01-01T00:00:00.000Z",
      "https://x.org/news/api/stories/s-bridge?since=2026-01-01T00:00:00.000Z",
    ],
    ["/feeds/stories/s-merged-away.atom", "https://x.org/news/feeds/stories/s-bridge.atom"],
  ]) {
    const res = await app.request(`http://evil.example${from}`, { headers: host });
    assert.equal(res.status, 301, from);
    assert.equal(res.headers.get("location"), to, from);
  }
});

test("serve --public-url refuses what is not an absolute http(s) URL", async () => {
  for (const bad of ["news.example.org", "ftp://news.example.org/", "https://x.org/?a=1"]) {
    const { code, err } = await captured(() => serve(["--public-url", bad]));
    assert.equal(code, 2, bad);
    assert.match(err, /^serve: --public-url must be an absolute http\(s\) URL/, bad);
  }
});

/** GET over a real socket with a Host header of our choosing (fetch would not send it). */
function get(url: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve(body));
    })
      .on("error", reject)
      .end();
  });
}

test("storyline serve --public-url builds feed links on it, not on the Host header", async () => {
  const child = spawn(
    process.execPath,
    [
      CLI,
      "serve",
      "--db",
      join(dir, "serve.db"),
      "--port",
      "0",
      "--public-url",
      "https://news.example.org/news/",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => {
        out += chunk;
        const served = / at (http:\/\/\S+?)\/?\n/.exec(out);
        if (served) resolve(served[1]!);
      });
      child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const atom = await get(`${base}/feeds/stories.atom`, "evil.example");
    assert.match(
      atom,
      /<link rel="self" [^>]*href="https:\/\/news\.example\.org\/news\/feeds\/stories\.atom"/,
    );
    assert.doesNotMatch(atom, /evil\.example/);
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
  }
});

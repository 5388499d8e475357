import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { test } from "node:test";
import { createFetcher } from "./index.ts";
import { startServer, testConfig } from "./test-server.ts";

function site(robots: { status: number; body?: string }) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === "/robots.txt") {
      res.writeHead(robots.status, { "content-type": "text/plain" });
      res.end(robots.body ?? "");
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`page ${req.url}`);
  };
}

test("robots.txt disallow is refused, allowed paths fetched, robots.txt read once", async () => {
  const server = await startServer(
    site({
      status: 200,
      body: "User-agent: *\nDisallow: /private\n",
    }),
  );
  const f = createFetcher(testConfig({ respectRobots: true }));
  try {
    await assert.rejects(f.fetch(`${server.origin}/private/a`), {
      code: "robots",
      message: `fetch: ${server.origin}/private/a: disallowed by robots.txt`,
    });
    const r = await f.fetch(`${server.origin}/public`);
    assert.equal(r.kind === "ok" && r.text, "page /public");
    await f.fetch(`${server.origin}/public`);
    assert.deepEqual(server.requests, ["/robots.txt", "/public", "/public"]);
  } finally {
    await f.close();
    await server.close();
  }
});

test("our own user-agent group applies", async () => {
  const server = await startServer(
    site({ status: 200, body: "User-agent: Storyline\nDisallow: /\n\nUser-agent: *\nAllow: /\n" }),
  );
  const f = createFetcher(testConfig({ respectRobots: true }));
  try {
    await assert.rejects(f.fetch(`${server.origin}/anything`), { code: "robots" });
  } finally {
    await f.close();
    await server.close();
  }
});

test("a missing robots.txt (404) allows everything", async () => {
  const server = await startServer(site({ status: 404 }));
  const f = createFetcher(testConfig({ respectRobots: true }));
  try {
    const r = await f.fetch(`${server.origin}/private`);
    assert.equal(r.kind === "ok" && r.text, "page /private");
  } finally {
    await f.close();
    await server.close();
  }
});

test("a failing robots.txt (503) refuses the host for now", async () => {
  const server = await startServer(site({ status: 503 }));
  const f = createFetcher(testConfig({ respectRobots: true }));
  try {
    await assert.rejects(f.fetch(`${server.origin}/page`), {
      code: "robots",
      message: `fetch: ${server.origin}/page: robots.txt unavailable (HTTP 503)`,
    });
    assert.deepEqual(server.requests, ["/robots.txt"]);
  } finally {
    await f.close();
    await server.close();
  }
});

test("robots.txt is not consulted when respectRobots is off", async () => {
  const server = await startServer(site({ status: 200, body: "User-agent: *\nDisallow: /\n" }));
  const f = createFetcher(testConfig({ respectRobots: false }));
  try {
    assert.equal((await f.fetch(`${server.origin}/x`)).kind, "ok");
    assert.deepEqual(server.requests, ["/x"]);
  } finally {
    await f.close();
    await server.close();
  }
});

test("a robots.txt Crawl-delay spaces requests to that host", async () => {
  const starts: number[] = [];
  const server = await startServer((req, res) => {
    if (req.url === "/robots.txt") return void res.end("User-agent: *\nCrawl-delay: 0.1\n");
    starts.push(Date.now());
    res.end("ok");
  });
  const f = createFetcher(testConfig({ respectRobots: true }));
  try {
    await Promise.all([1, 2, 3].map((i) => f.fetch(`${server.origin}/p${i}`)));
    assert.equal(starts.length, 3);
    // Arrival times at the server carry network jitter (one request can arrive late and bunch up
    // with the next), so pin the whole span: three starts 100 ms apart cannot arrive within 150 ms.
    // The exact spacing of starts is pinned on the limiter itself in politeness.test.ts.
    const span = starts[2]! - starts[0]!;
    assert.ok(span >= 150, `three requests arrived within ${span} ms`);
  } finally {
    await f.close();
    await server.close();
  }
});

test("an oversized robots.txt (600 KiB) is read up to the cap, not ignored", async () => {
  const padding = "# padding to make the file large\n";
  const filler = padding.repeat(Math.ceil((600 * 1024) / padding.length));
  const body = `User-agent: *\nDisallow: /private\n${filler}Disallow: /beyond-the-cap\n`;
  const server = await startServer(site({ status: 200, body }));
  const f = createFetcher(testConfig({ respectRobots: true }));
  try {
    await assert.rejects(f.fetch(`${server.origin}/private/a`), { code: "robots" });
    const r = await f.fetch(`${server.origin}/beyond-the-cap`);
    assert.equal(r.kind === "ok" && r.text, "page /beyond-the-cap");
  } finally {
    await f.close();
    await server.close();
  }
});

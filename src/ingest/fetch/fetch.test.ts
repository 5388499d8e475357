// Ordinary HTTP behaviour: headers sent, compression, redirects, conditional GET, HTTP errors.

import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { test } from "node:test";
import zlib from "node:zlib";
import { createFetcher, type FetchOutcome, type FetchResult } from "./index.ts";
import { startServer, type TestServer, testConfig } from "./test-server.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function withFetcher(
  handler: Handler,
  body: (s: TestServer, f: ReturnType<typeof createFetcher>) => Promise<void>,
): Promise<void> {
  const server = await startServer(handler);
  const fetcher = createFetcher(testConfig());
  try {
    await body(server, fetcher);
  } finally {
    await fetcher.close();
    await server.close();
  }
}

function ok(o: FetchOutcome): FetchResult {
  assert.equal(o.kind, "ok");
  return o as FetchResult;
}

test("sends User-Agent, Accept and Accept-Encoding; returns headers and body", async () => {
  await withFetcher(
    (_req, res) => {
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag: '"v1"',
        "last-modified": "Wed, 25 Nov 2026 10:00:00 GMT",
      });
      res.end("<rss/>");
    },
    async (s, f) => {
      const r = ok(await f.fetch(`${s.origin}/feed`, { accept: "application/rss+xml" }));
      assert.deepEqual(
        { url: r.url, status: r.status, text: r.text, etag: r.etag, lm: r.lastModified },
        {
          url: `${s.origin}/feed`,
          status: 200,
          text: "<rss/>",
          etag: '"v1"',
          lm: "Wed, 25 Nov 2026 10:00:00 GMT",
        },
      );
      assert.equal(r.contentType, "application/rss+xml; charset=utf-8");
      const h = s.headers[0]!;
      assert.equal(h["user-agent"], testConfig().userAgent);
      assert.equal(h.accept, "application/rss+xml");
      assert.equal(h["accept-encoding"], "gzip, deflate, br");
      assert.equal(h["if-none-match"], undefined);
    },
  );
});

test("gzip, zlib deflate, raw deflate and brotli bodies are decompressed", async () => {
  const text = "Storyline ".repeat(500);
  const encoders: Record<string, [string, (b: Buffer) => Buffer]> = {
    "/gzip": ["gzip", zlib.gzipSync],
    "/deflate": ["deflate", zlib.deflateSync],
    "/raw": ["deflate", zlib.deflateRawSync],
    "/br": ["br", zlib.brotliCompressSync],
  };
  await withFetcher(
    (req, res) => {
      const [coding, encode] = encoders[req.url!]!;
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": coding });
      res.end(encode(Buffer.from(text)));
    },
    async (s, f) => {
      for (const path of Object.keys(encoders)) {
        const r = ok(await f.fetch(`${s.origin}${path}`));
        assert.equal(r.text, text, path);
        assert.equal(r.body.length, text.length, path);
      }
    },
  );
});

test("a zlib deflate body with a small window (first byte not 0x78) is decompressed", async () => {
  const text = "Storyline ".repeat(500);
  const smallWindow = zlib.deflateSync(Buffer.from(text), { windowBits: 9 });
  assert.notEqual(smallWindow[0], 0x78);
  await withFetcher(
    (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": "deflate" });
      res.end(smallWindow);
    },
    async (s, f) => {
      assert.equal(ok(await f.fetch(`${s.origin}/small-window`)).text, text);
    },
  );
});

test("an unknown Content-Encoding is a decode error", async () => {
  await withFetcher(
    (_req, res) => {
      res.writeHead(200, { "content-encoding": "zstd" });
      res.end("xx");
    },
    async (s, f) => {
      await assert.rejects(f.fetch(`${s.origin}/z`), {
        code: "decode",
        message: `fetch: ${s.origin}/z: unsupported Content-Encoding "zstd"`,
      });
    },
  );
});

test("relative redirects are followed and the final URL reported", async () => {
  await withFetcher(
    (req, res) => {
      if (req.url === "/a") res.writeHead(301, { location: "b" });
      else if (req.url === "/b") res.writeHead(308, { location: "/c?x=1#frag" });
      else res.writeHead(200, { "content-type": "text/plain" });
      res.end(req.url === "/c?x=1" ? "done" : "");
    },
    async (s, f) => {
      const r = ok(await f.fetch(`${s.origin}/a`));
      assert.equal(r.url, `${s.origin}/c?x=1`);
      assert.equal(r.text, "done");
      assert.deepEqual(s.requests, ["/a", "/b", "/c?x=1"]);
    },
  );
});

test("a redirect loop is detected", async () => {
  await withFetcher(
    (req, res) => {
      res.writeHead(302, { location: req.url === "/one" ? "/two" : "/one" });
      res.end();
    },
    async (s, f) => {
      await assert.rejects(f.fetch(`${s.origin}/one`), {
        code: "redirect-loop",
        message: `fetch: ${s.origin}/one: redirect loop: ${s.origin}/two -> ${s.origin}/one`,
      });
      assert.deepEqual(s.requests, ["/one", "/two"]);
    },
  );
});

test("five redirects are followed, a sixth is refused", async () => {
  await withFetcher(
    (req, res) => {
      const n = Number(req.url!.slice(1));
      if (n > 0) res.writeHead(302, { location: `/${n - 1}` });
      res.end("arrived");
    },
    async (s, f) => {
      assert.equal(ok(await f.fetch(`${s.origin}/5`)).text, "arrived");
      const before = s.requests.length;
      await assert.rejects(f.fetch(`${s.origin}/6`), {
        code: "too-many-redirects",
        message: `fetch: ${s.origin}/6: more than 5 redirects (last to ${s.origin}/0)`,
      });
      assert.equal(s.requests.length - before, 6, "the sixth target is never requested");
    },
  );
});

test("a 3xx without Location is an http error", async () => {
  await withFetcher(
    (_req, res) => {
      res.writeHead(302);
      res.end();
    },
    async (s, f) => {
      await assert.rejects(f.fetch(`${s.origin}/`), { code: "http", status: 302 });
    },
  );
});

test("conditional GET: validators are sent and 304 is not-modified", async () => {
  await withFetcher(
    (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') res.writeHead(304);
      else res.writeHead(200, { etag: '"v1"' });
      res.end(req.headers["if-none-match"] ? undefined : "body");
    },
    async (s, f) => {
      const first = ok(await f.fetch(`${s.origin}/feed`));
      const second = await f.fetch(`${s.origin}/feed`, {
        etag: first.etag,
        lastModified: "Wed, 25 Nov 2026 10:00:00 GMT",
      });
      assert.deepEqual(second, { kind: "not-modified", url: `${s.origin}/feed` });
      assert.equal(s.headers[1]!["if-none-match"], '"v1"');
      assert.equal(s.headers[1]!["if-modified-since"], "Wed, 25 Nov 2026 10:00:00 GMT");
    },
  );
});

test("a 500 is a clear http error and the next call succeeds", async () => {
  let calls = 0;
  await withFetcher(
    (_req, res) => {
      calls++;
      res.writeHead(calls === 1 ? 500 : 200, { "content-type": "text/plain" });
      res.end(calls === 1 ? "boom" : "recovered");
    },
    async (s, f) => {
      await assert.rejects(f.fetch(`${s.origin}/flaky`), {
        name: "FetchError",
        code: "http",
        status: 500,
        retryAfterMs: null,
        message: `fetch: ${s.origin}/flaky: server answered HTTP 500`,
      });
      assert.equal(ok(await f.fetch(`${s.origin}/flaky`)).text, "recovered");
    },
  );
});

test("Retry-After is parsed from seconds and from an HTTP date", async () => {
  const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
  await withFetcher(
    (req, res) => {
      if (req.url === "/503") res.writeHead(503, { "retry-after": "120" });
      else res.writeHead(429, { "retry-after": inTwoMinutes });
      res.end();
    },
    async (s, f) => {
      await assert.rejects(f.fetch(`${s.origin}/503`), { status: 503, retryAfterMs: 120_000 });
      const err = await f.fetch(`${s.origin}/429`).catch((e: { retryAfterMs: number }) => e);
      assert.equal((err as { status: number }).status, 429);
      const ms = (err as { retryAfterMs: number }).retryAfterMs;
      assert.ok(ms > 100_000 && ms <= 120_000, `retryAfterMs ${ms}`);
    },
  );
});

test("a redirect to a non-http scheme is refused", async () => {
  await withFetcher(
    (_req, res) => {
      res.writeHead(302, { location: "file:///etc/passwd" });
      res.end();
    },
    async (s, f) => {
      await assert.rejects(f.fetch(`${s.origin}/x`), {
        code: "bad-url",
        message: `fetch: ${s.origin}/x: redirect to scheme file: refused (only http and https)`,
      });
    },
  );
});

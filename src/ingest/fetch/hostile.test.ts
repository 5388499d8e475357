// Hostile servers: stalls, drips, a gzip bomb, a huge body. Every one must fail fast and cleanly.

import assert from "node:assert/strict";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { test } from "node:test";
import zlib from "node:zlib";
import { readBody } from "./body.ts";
import { createFetcher, FetchError } from "./index.ts";
import {
  SHORT_TIMEOUTS,
  startServer,
  streamChunks as stream,
  type TestServer,
  testConfig,
} from "./test-server.ts";

/** A hung fetcher would hang the suite: fail any test here that takes this long. */
const TEST_TIMEOUT_MS = 10_000;
/** Size tests get a generous deadline so that a loaded machine cannot turn them into timeouts. */
const SIZE_TEST_DEADLINE_MS = 5_000;
/** 1 MiB of zeros deflates to ~1 KiB; 1024 such gzip members inflate to 1 GiB. */
const ZEROS = Buffer.alloc(1024 * 1024);
const BOMB_MEMBERS = 1024;

async function expectCode(p: Promise<unknown>, code: string): Promise<FetchError> {
  const err = await p.then(
    () => assert.fail(`expected FetchError ${code}`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof FetchError, `not a FetchError: ${err}`);
  assert.equal(err.code, code, err.message);
  assert.match(err.message, /^fetch: http:\/\/127\.0\.0\.1:\d+\/\S*: /);
  assert.ok(!err.message.includes("\n"), "one-line message");
  return err;
}

async function withServer(
  handler: Parameters<typeof startServer>[0],
  body: (s: TestServer) => Promise<void>,
): Promise<void> {
  const server = await startServer(handler);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

test("a server that never sends headers times out", { timeout: TEST_TIMEOUT_MS }, async () => {
  await withServer(
    () => {},
    async (s) => {
      const f = createFetcher(testConfig(SHORT_TIMEOUTS));
      const err = await expectCode(f.fetch(`${s.origin}/silent`), "timeout");
      assert.match(err.message, /no response headers within 300 ms/);
      await f.close();
    },
  );
});

test("a body that never ends times out", { timeout: TEST_TIMEOUT_MS }, async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("start of a body that never ends");
    },
    async (s) => {
      const f = createFetcher(testConfig(SHORT_TIMEOUTS));
      await expectCode(f.fetch(`${s.origin}/forever`), "timeout");
      await f.close();
    },
  );
});

test("a body dripping a byte every 50 ms fails at the whole-body deadline", {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const timers: NodeJS.Timeout[] = [];
  await withServer(
    (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      // Each byte arrives well inside the 300 ms idle timeout, so only a whole-body deadline stops it.
      timers.push(setInterval(() => res.write("x"), 50));
    },
    async (s) => {
      const f = createFetcher(testConfig(SHORT_TIMEOUTS));
      const err = await expectCode(f.fetch(`${s.origin}/drip`), "timeout");
      assert.match(err.message, /body not complete within 300 ms/);
      await f.close();
    },
  );
  for (const t of timers) clearInterval(t);
});

test("a 1 GiB gzip bomb stops at maxBytes", { timeout: TEST_TIMEOUT_MS }, async () => {
  const member = zlib.gzipSync(ZEROS);
  let sent = 0;
  await withServer(
    (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
      stream(res, () => (sent++ < BOMB_MEMBERS ? member : null));
    },
    async (s) => {
      const f = createFetcher(
        testConfig({ maxBytes: 2 * 1024 * 1024, bodyTimeoutMs: SIZE_TEST_DEADLINE_MS }),
      );
      const err = await expectCode(f.fetch(`${s.origin}/bomb`), "too-large");
      assert.match(err.message, /after decompression/);
      await f.close();
    },
  );
});

test("readBody pulls only as much of a gzip bomb as it needs", async () => {
  const member = zlib.gzipSync(ZEROS);
  let pulled = 0;
  const source = Readable.from(
    (function* () {
      for (; pulled < BOMB_MEMBERS; ) {
        pulled++;
        yield member;
      }
    })(),
  );
  const limits = { url: "http://example.test/", maxBytes: 4 * ZEROS.length, deadlineMs: 5000 };
  await assert.rejects(readBody(source, "gzip", limits), { code: "too-large" });
  // Backpressure: a handful of members beyond the cap, never the whole gigabyte.
  assert.ok(pulled < 64, `pulled ${pulled} of ${BOMB_MEMBERS} members`);
});

test("a streamed 100 MB body stops at maxBytes and the server stops sending", {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const total = 100 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, "a");
  let written = 0;
  await withServer(
    (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      stream(res, () => {
        if (written >= total) return null;
        written += chunk.length;
        return chunk;
      });
    },
    async (s) => {
      const f = createFetcher(testConfig({ bodyTimeoutMs: SIZE_TEST_DEADLINE_MS }));
      await expectCode(f.fetch(`${s.origin}/huge`), "too-large");
      await f.close();
      await new Promise((r) => setTimeout(r, 50));
    },
  );
  assert.ok(written < total / 2, `server wrote ${written} bytes`);
});

test("a declared Content-Length over the cap is refused before reading", async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": 100 * 1024 * 1024 });
      res.write("a");
    },
    async (s) => {
      const f = createFetcher(testConfig());
      const err = await expectCode(f.fetch(`${s.origin}/declared`), "too-large");
      assert.match(err.message, /Content-Length 104857600 exceeds 1048576/);
      await f.close();
    },
  );
});

test("a corrupt gzip body is a decode error", async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end("this is not gzip at all");
    },
    async (s) => {
      const f = createFetcher(testConfig());
      await expectCode(f.fetch(`${s.origin}/corrupt`), "decode");
      await f.close();
    },
  );
});

test("a DNS answer that never comes fails at the connect timeout", {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const hang = (() => {}) as unknown as LookupFunction;
  const f = createFetcher(testConfig(SHORT_TIMEOUTS), { lookup: hang });
  // A real lookup keeps the event loop alive while it waits; this fake one does not, and undici's
  // timers are unref'd, so hold the loop open the way a pending getaddrinfo would.
  const keepAlive = setInterval(() => {}, 1000);
  try {
    await assert.rejects(f.fetch("http://slow-dns.test/"), {
      code: "timeout",
      message: "fetch: http://slow-dns.test/: no connection within 300 ms",
    });
  } finally {
    clearInterval(keepAlive);
    await f.close();
  }
});

// Fetcher throughput against a loopback server (run in a child process so it does not share our
// event loop): Storyline's safe fetcher (SSRF-guarded lookup, manual redirects, own decompression,
// charset decoding, politeness) against a bare undici.request of the same page as the peer.
//
//   npm run bench:fetch [-- --requests N] [--concurrency C] [--kib K]
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { Agent } from "undici";
import { DEFAULT_FETCH } from "../src/config.ts";
import { createFetcher } from "../src/ingest/fetch/index.ts";

/** Enough requests for a stable rate, few enough to be kind to a shared 2-core machine. */
const DEFAULT_REQUESTS = 2000;
/** Requests in flight at once; the fetcher's per-host limit is raised to match. */
const DEFAULT_CONCURRENCY = 8;
/** Size of the served page before gzip: a typical news article's HTML. */
const DEFAULT_KIB = 64;

const SERVER = `
const http = require("node:http");
const zlib = require("node:zlib");
const kib = Number(process.argv.at(-1));
const word = "Storyline caf\\u00e9 news ";
const html = "<!doctype html><meta charset=utf-8><p>" + word.repeat(Math.ceil(kib * 1024 / word.length)) + "</p>";
const gz = zlib.gzipSync(html);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
  res.end(gz);
});
server.listen(0, "127.0.0.1", () => process.send(server.address().port));
`;

async function startServer(kib: number): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ["-e", SERVER, String(kib)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [port] = await once(child, "message");
  return { child, origin: `http://127.0.0.1:${port}` };
}

async function run(n: number, concurrency: number, one: (i: number) => Promise<number>) {
  let next = 0;
  let bytes = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const got = await one(next++);
        bytes += got;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { rate: n / seconds, mbps: bytes / seconds / 1e6, seconds };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: String(DEFAULT_REQUESTS) },
      concurrency: { type: "string", default: String(DEFAULT_CONCURRENCY) },
      kib: { type: "string", default: String(DEFAULT_KIB) },
    },
  });
  const n = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const { child, origin } = await startServer(Number(values.kib));
  const fetcher = createFetcher({
    ...DEFAULT_FETCH,
    allowPrivateHosts: ["127.0.0.1"],
    perHostConcurrency: concurrency,
    perHostDelayMs: 0,
    respectRobots: false,
  });
  const agent = new Agent();
  try {
    // Warm-up: connections, JIT.
    await run(100, concurrency, async (i) => {
      const r = await fetcher.fetch(`${origin}/warm/${i}`);
      return r.kind === "ok" ? r.body.length : 0;
    });
    const ours = await run(n, concurrency, async (i) => {
      const r = await fetcher.fetch(`${origin}/page/${i}`);
      return r.kind === "ok" ? r.text.length : 0;
    });
    const peer = await run(n, concurrency, async (i) => {
      const r = await agent.request({ origin, path: `/page/${i}`, method: "GET" });
      const text = gunzipSync(Buffer.from(await r.body.arrayBuffer())).toString("utf8");
      return text.length;
    });
    const fmt = (x: { rate: number; mbps: number; seconds: number }) =>
      `${x.rate.toFixed(0)} fetches/s, ${x.mbps.toFixed(1)} MB/s decoded, ${x.seconds.toFixed(2)} s`;
    console.log(
      `fetch bench: ${n} requests, concurrency ${concurrency}, ${values.kib} KiB page (gzip)`,
    );
    console.log(`  storyline fetcher : ${fmt(ours)}`);
    console.log(`  bare undici+gunzip: ${fmt(peer)}`);
    console.log(`  ratio storyline/bare: ${(ours.rate / peer.rate).toFixed(2)}`);
  } finally {
    await fetcher.close();
    await agent.close();
    child.kill();
  }
}

await main();

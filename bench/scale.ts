// npm run bench:scale — articles per second through fetch + extract + store for 1, 2 and 4 worker
// processes on PostgreSQL, against a loopback fixture server. Page jobs are queued up front and the
// workers run without the clusterer, so the figure is the parallel part of the pipeline alone.
// On a 2-core machine the curve flattens past 2 workers: that is the cores, not the queue.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { loadCorpus } from "../src/demo/corpus.ts";
import { JOBS, startQueue } from "../src/pipeline/queue.ts";
import { openStore } from "../src/store/index.ts";

const PAGES = Number(process.env.BENCH_PAGES ?? 400);
const WORKER_COUNTS = [1, 2, 4];
/** Pages each worker fetches before the clock starts. */
const WARMUP_PER_WORKER = 8;
const BIN = join(import.meta.dirname, "../bin/storyline.js");
const PG = process.env.STORYLINE_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

const corpus = loadCorpus();

function page(prefix: string, n: number, base: string): string {
  const a = corpus.articles[n % corpus.articles.length]!;
  const paragraphs = a.paragraphs.map((p) => `<p>${p}</p>`).join("\n");
  return `<!doctype html><html lang="en"><head><title>${a.headline} (${n})</title>
<link rel="canonical" href="${base}/${prefix}/${n}"><meta property="og:site_name" content="Bench Outlet">
<meta property="article:published_time" content="${a.publishedAt}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>${a.headline} (${n})</h1><p class="byline">By ${a.byline ?? "Staff"}</p>${paragraphs}</article>
<aside><h2>Related</h2><ul><li><a href="/x">Another story</a></li></ul></aside><footer>© Bench</footer></body></html>`;
}

async function main(): Promise<void> {
  const server = createServer((req, res) => {
    const match = /^\/(a|w)\/(\d+)$/.exec(req.url ?? "");
    if (match === null) return void res.writeHead(404).end();
    const n = Number(match[2]);
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(page(match[1]!, n, base));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(
    `bench:scale — ${PAGES} pages per run, fetch + extract + store, PostgreSQL, ${PG.replace(/\/\/.*@/, "//")}`,
  );
  const results: { workers: number; perSecond: number }[] = [];
  for (const count of WORKER_COUNTS) {
    const perSecond = await runWith(count, base);
    results.push({ workers: count, perSecond });
    console.log(`  ${count} worker${count > 1 ? "s" : " "}: ${perSecond.toFixed(1)} articles/s`);
  }
  const one = results[0]!.perSecond;
  console.log(
    `  speed-up: ${results.map((r) => `${r.workers}→${(r.perSecond / one).toFixed(2)}×`).join("  ")}`,
  );
  server.close();
}

async function runWith(workerCount: number, base: string): Promise<number> {
  const name = `storyline_bench_${process.pid}_${workerCount}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG);
  url.pathname = `/${name}`;
  const db = url.toString();
  const store = await openStore(db);
  const boss = await startQueue(db);
  const children: ChildProcess[] = [];
  for (let i = 0; i < workerCount; i++) {
    children.push(
      spawn(process.execPath, [BIN, "worker", "--db", db, "--concurrency", "4", "--no-cluster"], {
        env: {
          ...process.env,
          STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
          STORYLINE_HOST_DELAY_MS: "0",
          STORYLINE_DISCOVER_THREADS: "0",
          STORYLINE_LOG: "error",
        },
        stdio: "ignore",
      }),
    );
  }
  // Warm-up: every worker starts, loads its language models and takes a few jobs before the clock
  // starts, so the figure is steady-state throughput, not process start-up.
  const warmup = WARMUP_PER_WORKER * workerCount;
  for (let n = 0; n < warmup; n++)
    await boss.send(JOBS.page, { url: `${base}/w/${n}`, sourceId: 0 });
  while ((await store.countArticles()) < warmup) await new Promise((r) => setTimeout(r, 50));
  const started = performance.now();
  for (let n = 0; n < PAGES; n++)
    await boss.send(JOBS.page, { url: `${base}/a/${n}`, sourceId: 0 });
  while ((await store.countArticles()) < warmup + PAGES)
    await new Promise((r) => setTimeout(r, 50));
  await boss.stop({ graceful: false, wait: true });
  const seconds = (performance.now() - started) / 1000;
  for (const child of children) child.kill("SIGKILL");
  await store.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  return PAGES / seconds;
}

await main();

// npm run bench:store — latency of the queries the web UI makes (getStory, getBrief,
// listStories, search, outlets, sections) on a filled store: SQLite always, PostgreSQL when STORYLINE_TEST_PG is
// set (in a throwaway schema). Sequential p50/p95/p99 per query, then throughput with many
// requests in flight. Sizes via BENCH_STORIES (default 2000).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore } from "./index.ts";
import { sampleArticle, sampleBrief, sampleStory } from "./sample.ts";
import type { Store } from "./store.ts";

const STORIES = Number(process.env.BENCH_STORIES ?? 2_000);
const ARTICLES_PER_STORY = 3;
const SAMPLES = 2_000;
const IN_FLIGHT = 32;
const PG_URL = process.env.STORYLINE_TEST_PG ?? "";

/** Feeds the articles came through, two to a section, so a section holds a fifth of the stories. */
const FEEDS = 10;

async function fill(s: Store): Promise<void> {
  const feeds: number[] = [];
  for (let f = 0; f < FEEDS; f++) {
    const url = `https://feeds${f}.example/rss`;
    feeds.push((await s.addSource({ kind: "feed", url, section: `Section ${f % 5}` })).id);
  }
  // One transaction per story, as the pipeline stores a batch: one commit (fsync) each, not one per
  // row, so filling 20,000 stories takes seconds, not minutes.
  for (let i = 0; i < STORIES; i++) await s.transaction(() => fillStory(s, i, feeds));
}

async function fillStory(s: Store, i: number, feeds: number[]): Promise<void> {
  const ids: string[] = [];
  const at = new Date(Date.UTC(2026, 10, 1) + i * 37_000).toISOString();
  for (let j = 0; j < ARTICLES_PER_STORY; j++) {
    const n = i * ARTICLES_PER_STORY + j;
    const article = sampleArticle(n, { storyId: `s${i}`, publishedAt: at, fetchedAt: at });
    await s.putArticle(article);
    await s.addArticleUrls(article.id, [article.url, article.canonicalUrl]);
    await s.linkArticleSource(article.id, feeds[n % FEEDS]!);
    ids.push(`a${n}`);
  }
  await s.putStory(sampleStory(`s${i}`, at, ids));
  await s.putBrief(sampleBrief(`s${i}`, 1));
  await s.putBrief(sampleBrief(`s${i}`, 2));
}

function pct(sorted: number[], p: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(3);
}

async function measure(name: string, op: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await op(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < SAMPLES) await op(next++);
    }),
  );
  const rate = SAMPLES / ((performance.now() - t0) / 1000);
  console.log(
    `  ${name.padEnd(22)} p50 ${pct(times, 0.5)} ms  p95 ${pct(times, 0.95)} ms  p99 ${pct(times, 0.99)} ms  ${rate.toFixed(0)} ops/s with ${IN_FLIGHT} in flight`,
  );
}

async function run(label: string, where: string): Promise<void> {
  const s = await openStore(where);
  const t0 = performance.now();
  await fill(s);
  console.log(
    `${label}: ${STORIES} stories, ${STORIES * ARTICLES_PER_STORY} articles, ${STORIES * 2} briefs filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const pick = (i: number) => `s${(i * 7919) % STORIES}`;
  await measure("getStory", (i) => s.getStory(pick(i)));
  await measure("getBrief", (i) => s.getBrief(pick(i)));
  await measure("listStories(30)", () => s.listStories({ limit: 30 }));
  await measure("listStories(30, p10)", () => s.listStories({ limit: 30, offset: 300 }));
  await measure("listArticles(story)", (i) => s.listArticles({ storyId: pick(i) }));
  await measure("articleIdByUrl", (i) => s.articleIdByUrl(sampleArticle(i).canonicalUrl));
  await measure("search(2 words)", () => s.search("harbour mayor", 20));
  await measure("listArticleOutlets", () => s.listArticleOutlets());
  const outlet = { outlet: "News 3", domain: "news3.example" };
  await measure("storiesByOutlet(50)", () => s.storiesByOutlet([outlet], { limit: 50 }));
  await measure("listSections", () => s.listSections());
  // A section page ranks the 300 most recently updated stories of the section (see Reader).
  await measure("storiesBySection(300)", () => s.storiesBySection("Section 2", { limit: 300 }));
  const front = (await s.listStories({ limit: 300 })).map((x) => x.id);
  await measure("sectionsOfStories(300)", () => s.sectionsOfStories(front));
  // The retention sweep over the older half of the stories, as storyline prune runs it.
  const half = new Date(Date.UTC(2026, 10, 1) + (STORIES / 2) * 37_000).toISOString();
  const p0 = performance.now();
  let pruned = 0;
  for (;;) {
    const batch = await s.pruneStories(half, 200);
    if (batch.stories === 0) break;
    pruned += batch.articles;
  }
  const seconds = (performance.now() - p0) / 1000;
  console.log(
    `  prune (older half)     ${pruned} articles in ${seconds.toFixed(2)} s, ${(pruned / seconds).toFixed(0)} articles/s`,
  );
  await s.close();
}

const tmp = mkdtempSync(join(tmpdir(), "storyline-bench-"));
try {
  await run("sqlite", join(tmp, "bench.db"));
  if (PG_URL) {
    const schema = `storyline_bench_${randomBytes(4).toString("hex")}`;
    try {
      await run("postgres", `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}schema=${schema}`);
    } finally {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  } else console.log("postgres: skipped (STORYLINE_TEST_PG is not set)");
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

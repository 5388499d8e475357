// Brief-writing speed, ms per brief: a synthetic 8-article story with 120 comments, the demo
// corpus (built into a temporary SQLite store through the real demo ingest, then read back as the
// pipeline reads it), and the wikinews-dev stories (sentences split beforehand, as the pipeline does).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { startDemoServer } from "../src/demo/server.ts";
import { demoConfig, ingestDemo } from "../src/pipeline/demo.ts";
import { openStore } from "../src/store/index.ts";
import type { Article, Story, Thread } from "../src/types.ts";
import { readStories, toArticles, toStory } from "../src/write/eval/wikinews.ts";
import { writeBrief } from "../src/write/index.ts";
import { syntheticStory } from "./brief-story.ts";

const WIKINEWS = "/work/shared/data/wikinews-dev/stories.jsonl";
const ROUNDS = 20;

type Input = { story: Story; articles: Article[]; threads: Thread[] };

function time(label: string, inputs: Input[]): void {
  // Warm-up: models load once and the JIT settles.
  for (let i = 0; i < 3; i++) for (const input of inputs) writeBrief({ ...input, previous: null });
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) writeBrief({ ...input, previous: null });
  }
  const n = ROUNDS * inputs.length;
  const ms = (performance.now() - start) / n;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / n;
  // CPU time is printed too: on a shared machine wall time also counts other people's work.
  console.log(
    `${label}: ${ms.toFixed(2)} ms per brief, ${cpuMs.toFixed(2)} ms CPU (${inputs.length} stories × ${ROUNDS} rounds)`,
  );
}

/** The demo corpus ingested into a throwaway store; stories with their articles and threads. */
async function demoInputs(): Promise<Input[]> {
  const dir = mkdtempSync(join(tmpdir(), "storyline-bench-brief-"));
  const outlets = await startDemoServer();
  const store = await openStore(join(dir, "demo.db"));
  try {
    const config = demoConfig({ ...loadConfig({}), db: join(dir, "demo.db") }, outlets);
    await ingestDemo(outlets, store, config, () => {});
    const inputs: Input[] = [];
    for (const story of await store.listStories()) {
      const articles = await store.listArticles({ storyId: story.id });
      const threads = await store.threadsForArticles(articles.map((a) => a.id));
      inputs.push({ story, articles, threads });
    }
    return inputs;
  } finally {
    await store.close();
    await outlets.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

time("synthetic 8-article story with 120 comments", [syntheticStory()]);
const demo = await demoInputs();
const withThreads = demo.filter((d) => d.threads.length > 0);
time("demo corpus, every story", demo);
time("demo corpus, stories with threads", withThreads);
if (existsSync(WIKINEWS)) {
  const stories = readStories(WIKINEWS).filter((s) => s.sources.length > 0);
  const inputs = stories.map((s) => {
    const articles = toArticles(s);
    return { story: toStory(s, articles), articles, threads: [] as Thread[] };
  });
  time("wikinews-dev stories", inputs);
} else console.log(`wikinews-dev not found at ${WIKINEWS}: skipped`);

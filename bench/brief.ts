// Brief-writing speed: ms per brief for a synthetic 8-article story (with threads) and for the
// wikinews-dev stories (sentences split beforehand, as the pipeline does). Prints ms per brief.
import { existsSync } from "node:fs";
import { splitSentences } from "../src/text/sentences.ts";
import type { Article, Story, Thread } from "../src/types.ts";
import { mulberry32 } from "../src/write/eval/baselines.ts";
import { readStories, toArticles, toStory } from "../src/write/eval/wikinews.ts";
import { writeBrief } from "../src/write/index.ts";

const WIKINEWS = "/work/shared/data/wikinews-dev/stories.jsonl";
const ROUNDS = 20;
const SUBJECTS = ["The council", "Engineers", "The mayor", "Officials", "Residents", "The agency"];
const VERBS = ["approved", "reviewed", "rejected", "questioned", "announced", "delayed"];
const OBJECTS = [
  "the flood plan",
  "a new budget",
  "the dam repairs",
  "the evacuation order",
  "the river survey",
];

function pick<T>(xs: T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function syntheticStory(): { story: Story; articles: Article[]; threads: Thread[] } {
  const r = mulberry32(7);
  const articles: Article[] = [];
  for (let i = 0; i < 8; i++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < 25; p++) {
      const n = 1 + Math.floor(r() * 40);
      const s = `${pick(SUBJECTS, r)} ${pick(VERBS, r)} ${pick(OBJECTS, r)} on Tuesday after ${n} days of talks in Riverton, officials said.`;
      paragraphs.push(
        p % 6 === 5 ? `"We will finish ${pick(OBJECTS, r)} by spring," said Mayor Elena Ruiz.` : s,
      );
    }
    const text = paragraphs.join("\n\n");
    articles.push({
      id: `b${i}`,
      url: `https://outlet${i}.example/a`,
      canonicalUrl: `https://outlet${i}.example/a`,
      outlet: `Outlet ${i}`,
      outletDomain: `outlet${i}.example`,
      headline: `Riverton ${pick(OBJECTS, r)} ${pick(VERBS, r)}`,
      byline: null,
      publishedAt: `2026-03-0${1 + (i % 8)}T10:00:00.000Z`,
      modifiedAt: null,
      fetchedAt: "2026-03-09T00:00:00.000Z",
      language: "en",
      leadImage: null,
      description: null,
      text,
      paragraphs,
      sentences: splitSentences(text),
      fingerprint: "0",
      storyId: "bench",
      duplicateOf: i === 7 ? "b0" : null,
    });
  }
  const threads: Thread[] = [0, 1].map((t) => ({
    id: `hackernews:${t}`,
    platform: "hackernews",
    url: `https://forum.example/${t}`,
    title: "Riverton",
    articleUrl: null,
    fetchedAt: "2026-03-09T00:00:00.000Z",
    comments: Array.from({ length: 60 }, (_, i) => ({
      id: `${t}-${i}`,
      parentId: null,
      author: `u${i}`,
      score: i,
      postedAt: null,
      url: null,
      text: `I doubt ${pick(OBJECTS, r)} will work, ${pick(SUBJECTS, r).toLowerCase()} ${pick(VERBS, r)} it before and the costs keep rising.`,
    })),
  }));
  const times = articles.map((a) => a.publishedAt!).sort();
  const story: Story = {
    id: "bench",
    title: "Riverton",
    articleIds: articles.map((a) => a.id),
    firstSeen: times[0]!,
    lastUpdated: times[7]!,
    topTerms: [],
  };
  return { story, articles, threads };
}

function time(
  label: string,
  inputs: Array<{ story: Story; articles: Article[]; threads: Thread[] }>,
): void {
  for (const input of inputs) writeBrief({ ...input, previous: null }); // warm-up: models load once
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) writeBrief({ ...input, previous: null });
  }
  const ms = (performance.now() - start) / (ROUNDS * inputs.length);
  console.log(
    `${label}: ${ms.toFixed(2)} ms per brief (${inputs.length} stories × ${ROUNDS} rounds)`,
  );
}

time("synthetic 8-article story with 120 comments", [syntheticStory()]);
if (existsSync(WIKINEWS)) {
  const stories = readStories(WIKINEWS).filter((s) => s.sources.length > 0);
  const inputs = stories.map((s) => {
    const articles = toArticles(s);
    return { story: toStory(s, articles), articles, threads: [] as Thread[] };
  });
  time("wikinews-dev stories", inputs);
} else console.log(`wikinews-dev not found at ${WIKINEWS}: skipped`);

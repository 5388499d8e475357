// A synthetic story for the brief benchmark: 8 articles (one a wire copy) and 2 threads of 60 comments.

import { mulberry32 } from "../src/text/random.ts";
import { splitSentences } from "../src/text/sentences.ts";
import type { Article, Story, Thread } from "../src/types.ts";

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

export function syntheticStory(): { story: Story; articles: Article[]; threads: Thread[] } {
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
      opinion: false,
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

// Reads the WikinewsSum layout (one story per line, with its sources) into Story and Article records.
import { readFileSync } from "node:fs";
import { splitSentences } from "../../text/sentences.ts";
import type { Article, Story } from "../../types.ts";
import { squash } from "../tokens.ts";

export interface EvalSource {
  url: string;
  title: string;
  text: string;
}

export interface EvalStory {
  id: string;
  title: string;
  reference: string;
  sources: EvalSource[];
}

/** Evaluation records carry no times; one fixed instant keeps the run deterministic. */
const FIXED_TIME = "2004-01-01T00:00:00.000Z";

export function readStories(path: string): EvalStory[] {
  const out: EvalStory[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const row = JSON.parse(line) as Partial<EvalStory>;
    out.push({
      id: String(row.id ?? out.length),
      title: row.title ?? "",
      reference: row.reference ?? "",
      sources: Array.isArray(row.sources) ? row.sources : [],
    });
  }
  return out;
}

export function outletOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\d?\./, "");
  } catch {
    return "unknown";
  }
}

/** Articles for a story's sources; a source whose text repeats an earlier one is marked as its copy. */
export function toArticles(story: EvalStory): Article[] {
  const seen = new Map<string, string>();
  return story.sources.map((s, i) => {
    const id = `${story.id}-${i}`;
    const key = squash(s.text);
    const duplicateOf = seen.get(key) ?? null;
    if (!duplicateOf) seen.set(key, id);
    const paragraphs = s.text
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
    return {
      id,
      url: s.url,
      canonicalUrl: s.url,
      outlet: outletOf(s.url),
      outletDomain: outletOf(s.url),
      headline: s.title,
      byline: null,
      publishedAt: null,
      modifiedAt: null,
      fetchedAt: FIXED_TIME,
      language: "en",
      leadImage: null,
      description: null,
      text: s.text,
      paragraphs,
      sentences: splitSentences(s.text),
      fingerprint: "",
      storyId: story.id,
      duplicateOf,
      opinion: false,
    };
  });
}

export function toStory(story: EvalStory, articles: Article[]): Story {
  return {
    id: story.id,
    title: story.title,
    articleIds: articles.map((a) => a.id),
    firstSeen: FIXED_TIME,
    lastUpdated: FIXED_TIME,
    topTerms: [],
  };
}

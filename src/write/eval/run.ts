// Brief evaluation over a WikinewsSum-style file: ROUGE against the reference next to two
// baselines of the same length, and checks that sentences and quotes stand verbatim in their sources.
import type { Article, Brief } from "../../types.ts";
import { writeBrief } from "../brief.ts";
import { squash } from "../tokens.ts";
import { leadBaseline, randomBaseline } from "./baselines.ts";
import { type Rouge, rouge, tokens } from "./rouge.ts";
import { type EvalStory, toArticles, toStory } from "./wikinews.ts";

export const RANDOM_SEED = 42;

export interface StoryResult {
  story: EvalStory;
  articles: Article[];
  brief: Brief;
  scored: boolean;
  brief_: Rouge;
  lead: Rouge;
  random: Rouge;
  /** The brief's headline, and the first source's title, against the Wikinews article's title. */
  headline: Rouge;
  firstTitle: Rouge;
  sentences: number;
  sentencesVerbatim: number;
  quotes: number;
  quotesVerbatim: number;
}

export function briefText(brief: Brief): string {
  return brief.paragraphs.flatMap((p) => p.sentences.map((s) => s.text)).join(" ");
}

export function evaluateStory(story: EvalStory): StoryResult {
  const articles = toArticles(story);
  const brief = writeBrief({
    story: toStory(story, articles),
    articles,
    threads: [],
    previous: null,
  });
  const text = briefText(brief);
  const words = tokens(text).length;
  const byId = new Map(articles.map((a) => [a.id, squash(a.text)]));
  const sentences = brief.paragraphs.flatMap((p) => p.sentences);
  const verbatim = sentences.filter((s) =>
    s.articleIds.some((id) => byId.get(id)?.includes(squash(s.text))),
  ).length;
  const quotesVerbatim = brief.quotes.filter((q) =>
    byId.get(q.articleId)?.includes(squash(q.text)),
  ).length;
  return {
    story,
    articles,
    brief,
    scored: story.reference.trim() !== "" && words > 0,
    brief_: rouge(text, story.reference),
    lead: rouge(leadBaseline(articles, words), story.reference),
    random: rouge(randomBaseline(articles, words, RANDOM_SEED), story.reference),
    headline: rouge(brief.headline, story.title),
    firstTitle: rouge(articles[0]?.headline ?? "", story.title),
    sentences: sentences.length,
    sentencesVerbatim: verbatim,
    quotes: brief.quotes.length,
    quotesVerbatim,
  };
}

export function mean(results: StoryResult[], pick: (r: StoryResult) => Rouge): Rouge {
  const n = Math.max(1, results.length);
  const sum = { rouge1: 0, rouge2: 0, rougeL: 0 };
  for (const r of results) {
    const x = pick(r);
    sum.rouge1 += x.rouge1;
    sum.rouge2 += x.rouge2;
    sum.rougeL += x.rougeL;
  }
  return { rouge1: sum.rouge1 / n, rouge2: sum.rouge2 / n, rougeL: sum.rougeL / n };
}

/** The --out line: sentences as they stand in the source, with the source URLs behind them. */
export function outLine(r: StoryResult): string {
  const url = new Map(r.articles.map((a) => [a.id, a.url]));
  return JSON.stringify({
    id: r.story.id,
    headline: r.brief.headline,
    sentences: r.brief.paragraphs.flatMap((p) =>
      p.sentences.map((s) => ({
        text: s.text,
        kind: s.kind,
        sources: s.articleIds.map((id) => url.get(id)),
      })),
    ),
    quotes: r.brief.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      source: url.get(q.articleId),
    })),
  });
}

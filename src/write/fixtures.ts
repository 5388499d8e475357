// Test fixtures: Article, Story and Thread records from the small JSON files in testdata/.
import { readFileSync } from "node:fs";
import { splitSentences } from "../text/sentences.ts";
import { type Article, articleTime, type Story, type Thread } from "../types.ts";

const HERE = new URL("./testdata/", import.meta.url);

type ArticleSeed = Pick<Article, "id" | "outlet" | "url" | "headline" | "text"> &
  Partial<Pick<Article, "publishedAt" | "duplicateOf">>;

export function articleFrom(seed: ArticleSeed): Article {
  const host = new URL(seed.url).hostname;
  return {
    id: seed.id,
    url: seed.url,
    canonicalUrl: seed.url,
    outlet: seed.outlet,
    outletDomain: host,
    headline: seed.headline,
    byline: null,
    publishedAt: seed.publishedAt ?? null,
    modifiedAt: null,
    fetchedAt: seed.publishedAt ?? "2026-03-03T00:00:00.000Z",
    language: "en",
    leadImage: null,
    description: null,
    text: seed.text,
    paragraphs: seed.text.split(/\n+/).filter(Boolean),
    sentences: splitSentences(seed.text),
    fingerprint: "0000000000000000",
    storyId: "s1",
    opinion: false,
    duplicateOf: seed.duplicateOf ?? null,
  };
}

export function loadJson<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, HERE), "utf8")) as T;
}

export function damStory(): { story: Story; articles: Article[] } {
  const articles = loadJson<ArticleSeed[]>("story/articles.json").map(articleFrom);
  return { story: storyOf(articles), articles };
}

/** A day-two article with a new development (the river crested). */
export function laterArticle(): Article {
  return articleFrom(loadJson<ArticleSeed>("story/later.json"));
}

/** A day-two article that only repeats day one. */
export function repeatArticle(): Article {
  return articleFrom(loadJson<ArticleSeed>("story/repeat.json"));
}

/** A third-day recap (5 March) that only repeats day one. */
export function recapArticle(): Article {
  return articleFrom(loadJson<ArticleSeed>("story/recap.json"));
}

/** A first-day article saying the dam's gates were undamaged, and a second day's report that
 * withdraws it ("a day after saying inspectors had found no damage"). */
export function retractionArticles(): [Article, Article] {
  return articlePair("story/retraction.json");
}

/** A first day's promise ("has promised an inspection") and the next day's report that it was
 * ordered. */
export function promiseArticles(): [Article, Article] {
  return articlePair("story/promise.json");
}

/** A first-day article saying an inspection will be ordered, and a second day's report that it was,
 * whose new fact ("The inspection will be carried out by…") leans on the sentence before it. */
export function forecastArticles(): [Article, Article] {
  return articlePair("story/forecast.json");
}

/** A first day's share of the reservoir's capacity and the next day's, lower one. */
export function shareArticles(): [Article, Article] {
  return articlePair("story/share.json");
}

/** Two outlets on the same morning, one saying the dam's gates were not damaged, the other that
 * they were: the same content words, the opposite claim. */
export function polarityArticles(): [Article, Article] {
  return articlePair("story/polarity.json");
}

/** Two outlets on the same morning, one saying the council approved the dam's repair plan, the
 * other that it rejected it. */
export function oppositeArticles(): [Article, Article] {
  return articlePair("story/opposite.json");
}

/** A first day's "The port will close on Monday" and the next day's report that another outlet
 * "first reported on Monday that the port would close": a restatement, no withdrawal. */
export function firstReportedArticles(): [Article, Article] {
  return articlePair("story/first-reported.json");
}

/** A first day's "The port will close on Monday" and the next day's report that a minister resigned
 * "after saying the port would close": what someone said, no withdrawal. */
export function resignedArticles(): [Article, Article] {
  return articlePair("story/resigned.json");
}

/** Two outlets giving one earthquake's magnitude as "6.0" and as "6". */
export function magnitudeArticles(): [Article, Article] {
  return articlePair("story/magnitude.json");
}

/** The two articles of a file (a first day's report and the next day's, or two outlets' reports). */
function articlePair(file: string): [Article, Article] {
  const [first, second] = loadJson<ArticleSeed[]>(file).map(articleFrom);
  return [first!, second!];
}

/** One report whose two later sentences each name, by surname alone, the person the other one
 * names in full ("Koivisto said … Lars Wendt …", "Wendt said … Sanna Koivisto"). */
export function surnameArticles(): Article[] {
  return loadJson<ArticleSeed[]>("story/surnames.json").map(articleFrom);
}

export function storyOf(articles: Article[]): Story {
  const times = articles.map(articleTime).sort();
  return {
    id: "s1",
    title: articles[0]?.headline ?? "",
    articleIds: articles.map((a) => a.id),
    firstSeen: times[0] ?? "2026-03-03T00:00:00.000Z",
    lastUpdated: times[times.length - 1] ?? "2026-03-03T00:00:00.000Z",
    topTerms: [],
  };
}

/** A column on the dam story, filed as opinion: listed apart, never a source of fact. */
export function opinionColumn(): Article {
  return {
    ...articleFrom(loadJson<ArticleSeed>("story/opinion.json")),
    byline: "Dana Whitlow",
    opinion: true,
  };
}

export function loadThreads(name: string): Thread[] {
  return loadJson<Thread[]>(`threads/${name}.json`);
}

/** A story of two reports and a press briefing whose first six sentences are about other
 * business: the briefing took up the story in its last exchange (it joined by a passage). */
export function briefingStory(): Article[] {
  return loadJson<ArticleSeed[]>("story/briefing.json").map(articleFrom);
}

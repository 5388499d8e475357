// Headline, dek, more coverage and the timeline of a brief.
import {
  type Article,
  articleTime,
  type Brief,
  type BriefSentence,
  type Coverage,
  type Quote,
  type TimelineEntry,
} from "../types.ts";
import { articleUrl, supportOf } from "./attribute.ts";
import { dayTimeline } from "./developments.ts";
import { type Candidate, type Evidence, similarity } from "./evidence.ts";
import { contentWords, cosine, jaccard, type Vector } from "./tokens.ts";

/** A sentence this close to an earlier one is not a new development. */
const COVERED_SIMILARITY = 0.5;

/** The headline most like the story as a whole (TF-IDF cosine to the centroid); ties go to the
 * earliest. Pages whose title is no headline give their headline line instead (see titleOf). */
export function centralHeadline(ev: Evidence, fallback: string): string {
  let titles = toldFrom(ev).flatMap((a) => titleOf(a) ?? []);
  // Questions only when every headline asks one.
  const statements = titles.filter((t) => !isQuestion(t));
  if (statements.length > 0) titles = statements;
  if (titles.length === 0) titles = toldFrom(ev).map((a) => a.headline.trim());
  let best = "";
  let bestScore = -1;
  for (const title of titles) {
    if (title === "") continue;
    const v: Vector = new Map();
    for (const w of contentWords(title)) v.set(w, (v.get(w) ?? 0) + (ev.idf.get(w) ?? 1));
    let n = 0;
    for (const x of v.values()) n += x * x;
    const score = cosine(v, ev.centroid, Math.sqrt(n), ev.centroidNorm);
    if (score > bestScore) {
      bestScore = score;
      best = title;
    }
  }
  return best || fallback;
}

/** The report's headline: its page title when that reads as one (see looksLikeHeadline), without
 * a columnist's name before it; when the title is the site's name or tagline, or a tail cut from
 * the headline, the headline line at the top of the page's text; otherwise null. */
export function titleOf(a: Article): string | null {
  const title = a.headline.trim();
  if (looksLikeHeadline(title, a.outlet))
    return title.replace(/^(?:[A-Z][A-Z.'’-]+ )+[A-Z][A-Z.'’-]+: +(?=\S)/, "");
  if (FRAGMENT.test(title)) return headlineInText(a, (line) => line.endsWith(title));
  if (isSiteName(title, a.outlet) || TAGLINE.test(title))
    return headlineInText(a, (line) => looksLikeHeadline(line, a.outlet) && !shouted(line));
  return null;
}

/** Whether a page title is only the site's name: "Taipei Times" on taipeitimes.com, "The Japan
 * Times Online" on japantimes.com. */
function isSiteName(title: string, outlet: string): boolean {
  const bare = (x: string) =>
    x
      .toLowerCase()
      .replace(/^(?:www\.|the )/, "")
      .replace(/\.[a-z]{2,6}$/, "")
      .replace(/ online$/, "")
      .replace(/[^\p{L}\p{N}]+/gu, "");
  return bare(title) !== "" && bare(title) === bare(outlet);
}

/** Lines at the top of a page where its headline may stand when the page title is the site's. */
const HEADLINE_LINES = 3;
const MAX_HEADLINE_WORDS = 20;
/** Buttons that extraction ran into the headline: "Print Mail `Fockers' tops the box office". */
const BUTTONS = /^(?:(?:print|e-?mail|mail|share|save|comment|tweet)\b\s*)+/i;

/** The first of the page's top lines that reads as a headline here (`fits`): short, without a full
 * stop, once any buttons before it are cut. */
function headlineInText(a: Article, fits: (line: string) => boolean): string | null {
  for (const line of a.sentences.slice(0, HEADLINE_LINES)) {
    const h = line.replace(BUTTONS, "").trim();
    if (h.split(/\s+/).length <= MAX_HEADLINE_WORDS && !/[.!?:]$/.test(h) && fits(h)) return h;
  }
  return null;
}

/** A section label in capitals ("INTEGRATION - SOUTH AMERICA"), not a headline. */
function shouted(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, "");
  return letters !== "" && letters === letters.toUpperCase();
}

/** Fewer words than this make a page or section title ("Free Article", "Taipei Times"). */
const MIN_HEADLINE_WORDS = 4;

/** Whether a page's title reads as a report's headline, not a page's: enough words, not the
 * outlet's name, not a breadcrumb trail, not the site's tagline ("The trusted news source for
 * information on Japan"), not a fragment cut from a longer title ("and 32 Small Ones"). */
export function looksLikeHeadline(headline: string, outlet: string): boolean {
  const h = headline.trim();
  if (h.split(/\s+/).length < MIN_HEADLINE_WORDS) return false;
  if (/\s[>›»]\s/.test(h) || TAGLINE.test(h) || FRAGMENT.test(h)) return false;
  return !isSiteName(h, outlet);
}

/** A headline that asks ("Could Tarrow's microbe help clean up the estuary?"): a feature's or an
 * analysis's teaser, which names no event. */
export function isQuestion(headline: string): boolean {
  return /\?["'’”)]*$/.test(headline.trim());
}

const TAGLINE =
  /\b(?:news source|source for (?:news|information)|breaking news|latest news|news and (?:information|analysis)|official (?:web ?)?site|home ?page|welcome to)\b/i;
const FRAGMENT = /^(?:and|or|but|of|to|in|with|for|from|by)\s/;

/** A description sharing this much of its wording with a brief sentence would say it twice. */
const DEK_REPEATS = 0.6;

/** The most central article description that the brief does not already say, verbatim, or null
 * when no article has one. */
export function centralDek(
  ev: Evidence,
  said: BriefSentence[],
  overtaken: (description: string, article: Article) => boolean = () => false,
): string | null {
  const saidWords = said.map((s) => new Set(contentWords(s.text)));
  let best: string | null = null;
  let bestScore = -1;
  for (const a of toldFrom(ev)) {
    const d = a.description?.trim();
    if (!d || overtaken(d, a)) continue;
    const words = new Set(contentWords(d));
    if (saidWords.some((w) => jaccard(w, words) >= DEK_REPEATS)) continue;
    let score = 0;
    for (const w of words) score += ev.centroid.get(w) ?? 0;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** The articles a brief's headline and dek come from: those it may quote (reports in its
 * language, see buildEvidence). */
function toldFrom(ev: Evidence): Article[] {
  return ev.articles.filter((a) => ev.quotable.has(a.id));
}

function coverageOf(a: Article): Coverage {
  return {
    articleId: a.id,
    outlet: a.outlet,
    url: articleUrl(a),
    headline: a.headline,
    publishedAt: a.publishedAt,
  };
}

/** The story's opinion pieces, when its reports tell it: each original once, oldest first, apart
 * from the reports' coverage. */
export function opinionPieces(ev: Evidence): Coverage[] {
  return ev.articles
    .filter(
      (a) => a.opinion && !ev.quotable.has(a.id) && !(a.duplicateOf && ev.byId.has(a.duplicateOf)),
    )
    .map(coverageOf);
}

/** One link per outlet that the brief does not name, leaving out the opinion pieces listed
 * apart. */
export function moreCoverage(
  articles: Article[],
  sentences: BriefSentence[],
  quotes: Quote[],
  opinion: Coverage[] = [],
): Coverage[] {
  const named = new Set([...sentences.flatMap((s) => s.outlets), ...quotes.map((q) => q.outlet)]);
  const listed = new Set(opinion.map((c) => c.articleId));
  const out: Coverage[] = [];
  for (const a of articles) {
    if (named.has(a.outlet) || listed.has(a.id)) continue;
    named.add(a.outlet);
    out.push(coverageOf(a));
  }
  return out;
}

export function timeline(
  ev: Evidence,
  lead: BriefSentence | null,
  previous: Brief | null,
): TimelineEntry[] {
  if (ev.articles.length === 0) return previous?.timeline.slice() ?? [];
  // Built from the articles' publication days, so even a first brief has the story's history.
  const days = dayTimeline(ev, lead);
  // After a split, entries whose articles all went to the other story are that story's history.
  const kept = (previous?.timeline ?? []).filter((t) => t.articleIds.some((id) => ev.byId.has(id)));
  if (previous === null || kept.length === 0) return days;
  // Entries already shown stay as they were; later days add theirs, and a new article on the
  // same day adds its new development.
  const lastDay = kept
    .map((t) => t.at.slice(0, 10))
    .sort()
    .pop()!;
  const shown = new Set(kept.map((t) => t.text));
  let added = days.filter((e) => e.at.slice(0, 10) > lastDay && !shown.has(e.text));
  if (added.length === 0) {
    const entry = newDevelopment(ev, previous);
    added = entry ? [entry] : [];
  }
  const entries = [...kept, ...added];
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function knownArticleIds(previous: Brief): Set<string> {
  const ids = new Set<string>();
  for (const p of previous.paragraphs)
    for (const s of p.sentences) for (const id of s.articleIds) ids.add(id);
  for (const q of previous.quotes) ids.add(q.articleId);
  for (const c of previous.moreCoverage) ids.add(c.articleId);
  for (const t of previous.timeline) for (const id of t.articleIds) ids.add(id);
  return ids;
}

/** The most relevant sentence of an article published since the previous brief that nothing before covered. */
function newDevelopment(ev: Evidence, previous: Brief): TimelineEntry | null {
  const known = knownArticleIds(previous);
  const knownTimes = ev.articles
    .filter((a) => known.has(a.id))
    .map(articleTime)
    .sort();
  const since = knownTimes[knownTimes.length - 1] ?? previous.generatedAt;
  const fresh = ev.articles.filter((a) => !known.has(a.id) && articleTime(a) > since);
  if (fresh.length === 0) return null;
  const previousSets = previous.paragraphs.flatMap((p) =>
    p.sentences.map((s) => new Set(contentWords(s.text))),
  );
  const pool = fresh
    .flatMap((a) => ev.perArticle.get(a.id) ?? [])
    .filter((c) => c.eligible && c.original && !c.dangling)
    .sort((a, b) => b.relevance - a.relevance || a.index - b.index);
  for (const c of pool) {
    if (previousSets.some((s) => jaccard(s, c.tokens) >= COVERED_SIMILARITY)) continue;
    if (coveredBy(ev, c, known)) continue;
    const support = supportOf(ev, c);
    return { at: articleTime(c.article), text: c.text, articleIds: support.articleIds };
  }
  return null;
}

function coveredBy(ev: Evidence, c: Candidate, known: Set<string>): boolean {
  for (const id of known) {
    for (const o of ev.perArticle.get(id) ?? [])
      if (similarity(c, o) >= COVERED_SIMILARITY) return true;
  }
  return false;
}

// The records that flow between stages. Plain data only: every stage takes and returns these,
// and the store persists them as they are.

/** ISO 8601 timestamp, always UTC ("2026-11-26T12:00:00.000Z"). */
export type IsoTime = string;

export type SourceKind = "feed" | "page" | "thread";

export interface Source {
  id: number;
  kind: SourceKind;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  nextFetchAt: IsoTime | null;
  failureCount: number;
  lastError: string | null;
  lastFetchedAt: IsoTime | null;
  disabled: boolean;
  /** The reader's own section for what this source brings ("World", "Tech"): an OPML folder, or
   * given when adding it. Stories reached through it are listed under it. */
  section: string | null;
}

export type NewSource = Pick<Source, "kind" | "url"> & {
  title?: string | null;
  section?: string | null;
};

/** Longest section name kept: a folder title, not a paragraph. */
export const MAX_SECTION_LENGTH = 60;

/** A section name as given (an OPML folder title, a form field, a CLI option) made fit to store:
 * spaces collapsed, control characters dropped, cut to MAX_SECTION_LENGTH; null when nothing is
 * left. */
export function sectionName(raw: string | null | undefined): string | null {
  const name = (raw ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters become spaces
    .replace(/[\u0000-\u001f\u007f\s]+/g, " ")
    .trim()
    .slice(0, MAX_SECTION_LENGTH)
    .trim();
  return name === "" ? null : name;
}

/** The next fetch time of a source that is never due again (a discussion thread that has gone
 * quiet, a page source whose article is stored): a time that sorts after every real one. */
export const NEVER_DUE = "9999-12-31T23:59:59.999Z";

/** A discussion thread that went quiet and is no longer polled: listings fold these away, as a
 * feed reader's sources would drown in them. */
export function isFinishedThread(source: Source): boolean {
  return source.kind === "thread" && source.nextFetchAt === NEVER_DUE && source.failureCount === 0;
}

/** What the operator says about an outlet, for the spread of a story's coverage: free labels of
 * their own choosing (lean "left" / "centre" / "right", or any scale they use; country codes;
 * ownership "public" / "private" / "nonprofit"…). Matched to articles by domain, else by name;
 * at least one of the two is set. */
export interface Outlet {
  /** Lower case, without "www.": "theguardian.com". Also matches its subdomains. */
  domain: string | null;
  /** The outlet's name as its pages give it ("The Guardian"), matched without regard to case. */
  name: string | null;
  country: string | null;
  ownership: string | null;
  lean: string | null;
}

/** One entry of a parsed RSS, Atom or JSON feed. */
export interface FeedEntry {
  guid: string | null;
  url: string | null;
  title: string | null;
  summary: string | null;
  author: string | null;
  publishedAt: IsoTime | null;
}

export interface ParsedFeed {
  format: "rss" | "rdf" | "atom" | "jsonfeed";
  title: string | null;
  siteUrl: string | null;
  entries: FeedEntry[];
}

/** What `extract` finds in one HTML page. A pure function of the page and its URL. */
export interface ExtractedPage {
  headline: string;
  byline: string | null;
  outlet: string;
  canonicalUrl: string;
  publishedAt: IsoTime | null;
  modifiedAt: IsoTime | null;
  language: string | null;
  leadImage: string | null;
  description: string | null;
  /** The page presents itself as opinion: a column, an editorial, an op-ed, a letter (see
   * extract/opinion.ts). Such a page argues a view; a brief does not report it as fact. */
  opinion: boolean;
  paragraphs: string[];
}

export interface Article {
  /** Stable id derived from the canonical URL, so re-ingesting is idempotent. */
  id: string;
  url: string;
  canonicalUrl: string;
  outlet: string;
  outletDomain: string;
  headline: string;
  byline: string | null;
  publishedAt: IsoTime | null;
  modifiedAt: IsoTime | null;
  fetchedAt: IsoTime;
  language: string | null;
  leadImage: string | null;
  description: string | null;
  /** Clean body text, paragraphs joined by blank lines. */
  text: string;
  paragraphs: string[];
  sentences: string[];
  /** Near-duplicate fingerprint (64-bit SimHash as 16 hex digits). */
  fingerprint: string;
  storyId: string | null;
  /** Id of the article this one is a copy of (wire copy, syndication), if any. */
  duplicateOf: string | null;
  /** An opinion piece (see ExtractedPage.opinion). */
  opinion: boolean;
}

/** An article's place in time: when it was published, or else when we fetched it. */
export function articleTime(a: Pick<Article, "publishedAt" | "fetchedAt">): IsoTime {
  return a.publishedAt ?? a.fetchedAt;
}

/** An ISO 8601 date or time ("2026-11-25", "2026-11-25T12:00:00Z") as epoch ms, or null: what a
 * reader gives to ask what changed since (the API's `?since=`, `storyline digest --since`). */
export function parseIsoTime(value: string): number | null {
  const t = /^\d{4}-\d\d-\d\d/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isFinite(t) ? t : null;
}

/** The UTC day a report is of ("2026-11-24"): what a story's developments are grouped by. */
export function articleDay(a: Pick<Article, "publishedAt" | "fetchedAt">): string {
  return articleTime(a).slice(0, 10);
}

export type Platform = "hackernews" | "reddit" | "lemmy";

export interface Comment {
  id: string;
  parentId: string | null;
  author: string | null;
  text: string;
  score: number | null;
  postedAt: IsoTime | null;
  url: string | null;
}

export interface Thread {
  /** "<platform>:<platform id>", stable across re-polls. */
  id: string;
  platform: Platform;
  url: string;
  title: string | null;
  /** URL of the article the thread discusses, as submitted. */
  articleUrl: string | null;
  comments: Comment[];
  fetchedAt: IsoTime;
}

export interface Story {
  /** Stable while the story grows; the id of the story's first article cluster. */
  id: string;
  title: string;
  articleIds: string[];
  firstSeen: IsoTime;
  lastUpdated: IsoTime;
  topTerms: string[];
}

export type SentenceKind = "lead" | "fact" | "quote" | "context" | "outlook" | "reaction";

export interface BriefSentence {
  /** The sentence exactly as it stands in its source article. */
  text: string;
  /** The sentence as shown, with its attribution phrase. */
  rendered: string;
  kind: SentenceKind;
  /** Every article that carries this sentence or an equivalent one. */
  articleIds: string[];
  outlets: string[];
  /** True when only one outlet (counting wire copies once) reports it. */
  singleSource: boolean;
}

export type ParagraphRole = "lead" | "details" | "quotes" | "community" | "context" | "outlook";

export interface BriefParagraph {
  role: ParagraphRole;
  sentences: BriefSentence[];
  /** Only for the community paragraph: generated text describing the threads, not a source sentence. */
  summary?: string;
}

export interface Quote {
  text: string;
  speaker: string | null;
  articleId: string;
  outlet: string;
}

export interface ThemeComment {
  commentId: string;
  threadId: string;
  author: string | null;
  text: string;
  url: string | null;
}

export interface Theme {
  label: string;
  keyPhrases: string[];
  /** Share of the story's comments behind this theme, 0..1. */
  share: number;
  comment: ThemeComment;
}

export type Tone = "supportive" | "skeptical" | "concerned" | "divided" | "neutral" | "critical";

export interface Reaction {
  tone: Tone;
  threadCount: number;
  commentCount: number;
  themes: Theme[];
  /** The community paragraph as shown. */
  text: string;
}

export interface Coverage {
  articleId: string;
  outlet: string;
  url: string;
  headline: string;
  publishedAt: IsoTime | null;
}

export interface TimelineEntry {
  at: IsoTime;
  text: string;
  articleIds: string[];
}

export interface Brief {
  storyId: string;
  version: number;
  /** The story's `lastUpdated` this brief was written for (compared to spot stale briefs). */
  generatedAt: IsoTime;
  /** When this version's content was last changed: the newest of the story's update and its
   * threads' polls, so a rewrite for new comments moves it and writing stays deterministic.
   * Absent from briefs written before it was. */
  writtenAt?: IsoTime;
  headline: string;
  dek: string | null;
  paragraphs: BriefParagraph[];
  quotes: Quote[];
  reaction: Reaction | null;
  moreCoverage: Coverage[];
  /** Opinion pieces about the story (columns, editorials), listed apart from the reports; absent
   * from briefs written before they were. */
  opinion?: Coverage[];
  timeline: TimelineEntry[];
}

export interface SearchHit {
  articleId: string;
  storyId: string | null;
  headline: string;
  outlet: string;
  url: string;
  publishedAt: IsoTime | null;
  /** Plain text around the match; the matched terms are wrapped in \u0001 … \u0002 for the UI to highlight. */
  snippet: string;
}

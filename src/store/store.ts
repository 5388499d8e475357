import type {
  Article,
  Brief,
  IsoTime,
  NewSource,
  Outlet,
  SearchHit,
  Source,
  Story,
  Thread,
} from "../types.ts";
import type { PruneCounts } from "./prune.ts";
import type { SectionListing } from "./sections.ts";
import type { StorySplit } from "./stories.ts";

export type SourcePatch = Partial<Omit<Source, "id" | "kind" | "url">>;

export interface ArticleQuery {
  storyId?: string;
  /** Only articles not yet assigned to a story (storyId null). */
  unassigned?: boolean;
  /** Only articles fetched after this time. */
  since?: IsoTime;
  /** "stored" (default): the order articles were stored in. "time": by when each happened
   * (published, else fetched), then id: the order a batch of new articles is clustered in.
   * "clustered": assigned articles only, in the order they were first assigned to a story: the
   * order a restart restores them in, each into its stored story. */
  order?: "stored" | "time" | "clustered";
  limit?: number;
}

/** One page of articles, and where the next starts: `next` holds the last article's place in the
 * order, not its id, so the page after it is found even when that article is deleted meanwhile
 * (a prune running beside a restart's restore). Null when this page was the last. */
export interface ArticlePage {
  articles: Article[];
  next: string | null;
}

/** An outlet as its articles name it, with how many articles carry that name and domain. */
export interface ArticleOutlet {
  outlet: string;
  domain: string;
  articles: number;
}

export interface StoryQuery {
  limit?: number;
  offset?: number;
}

/**
 * The only shared state. Two implementations (SQLite, PostgreSQL) pass the same test suite.
 * "Not found" is `null`, never an exception.
 */
export interface Store {
  readonly kind: "sqlite" | "postgres";
  close(): Promise<void>;
  /**
   * Runs `fn` as one transaction: every call on this store made inside it (awaited or not, as
   * long as it starts before `fn` settles) commits together, or not at all when `fn` throws.
   * One commit is one fsync on SQLite, so batching writes is much faster. On SQLite other
   * callers wait while it runs: keep it short. Nested calls join the outer transaction.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;

  /** Adds the source; a URL already followed returns the existing source unchanged. */
  addSource(source: NewSource): Promise<Source>;
  getSourceByUrl(url: string): Promise<Source | null>;
  getSource(id: number): Promise<Source | null>;
  listSources(): Promise<Source[]>;
  updateSource(id: number, patch: SourcePatch): Promise<void>;
  deleteSource(id: number): Promise<void>;

  /** Inserts the article unless one with the same id exists; returns true when it was new. */
  putArticle(article: Article): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  /** Records URLs an article was reached by (normalised by the caller); a URL keeps its first
   * article. */
  addArticleUrls(articleId: string, urls: string[]): Promise<void>;
  /** The article reached by this URL (as recorded by addArticleUrls), or null. */
  articleIdByUrl(url: string): Promise<string | null>;
  listArticles(query?: ArticleQuery): Promise<Article[]>;
  /** Keyset paging through the archive: the page after `after` (a previous page's `next`). */
  listArticlePage(query: ArticleQuery & { limit: number }, after?: string): Promise<ArticlePage>;
  countArticles(): Promise<number>;
  /** Every (outlet name, domain) pair the articles carry, with how many articles each. */
  listArticleOutlets(): Promise<ArticleOutlet[]>;
  assignArticle(articleId: string, storyId: string, duplicateOf: string | null): Promise<void>;

  /** Inserts or replaces the thread and its comments. */
  putThread(thread: Thread): Promise<void>;
  listThreads(): Promise<Thread[]>;
  /** Threads whose article URL is one of these (canonical or fetched URLs). */
  threadsForUrls(urls: string[]): Promise<Thread[]>;
  /** Threads about any of these articles, by every URL each was reached by (fetched, canonical,
   * and each recorded by addArticleUrls); with `maxUrls`, by the first that many, in article
   * order. */
  threadsForArticles(articleIds: string[], maxUrls?: number): Promise<Thread[]>;

  putStory(story: Story): Promise<void>;
  /** Deletes the story, its brief and its recorded splits, and detaches its articles. */
  deleteStory(id: string): Promise<void>;
  /** Records that story `from` was merged into story `into` (see mergedInto). */
  recordMerge(from: string, into: string): Promise<void>;
  /** The story a merged-away story lives on in (null: none, or it was pruned since). */
  mergedInto(id: string): Promise<string | null>;
  /** Records that the clusterer split story `into` off story `from` (kept apart on restart). */
  recordSplit(from: string, into: string): Promise<void>;
  /** Every recorded split (deleting a story drops its own). */
  listSplits(): Promise<StorySplit[]>;
  /** The recorded splits a story took part in, as either side. */
  splitsOf(id: string): Promise<StorySplit[]>;
  getStory(id: string): Promise<Story | null>;
  /** Stories, most recently updated first. */
  listStories(query?: StoryQuery): Promise<Story[]>;
  /** Stories with an article from one of these outlets (as listArticleOutlets names them), most
   * recently updated first (50 unless a limit is given), and how many there are in all. */
  storiesByOutlet(
    outlets: Pick<ArticleOutlet, "outlet" | "domain">[],
    query?: StoryQuery,
  ): Promise<{ stories: Story[]; total: number }>;

  /** Records that a source reached the article (a feed listed it, or it is the page source):
   * the story is then listed under the source's section. */
  linkArticleSource(articleId: string, sourceId: number): Promise<void>;
  /** Every section some source is in, by name, with how many sources. */
  listSections(): Promise<SectionListing[]>;
  /** Stories with an article reached through a source in this section, most recently updated
   * first (50 unless a limit is given), and how many there are in all. */
  storiesBySection(
    section: string,
    query?: StoryQuery,
  ): Promise<{ stories: Story[]; total: number }>;
  /** Each story's sections, the one that brought most of its articles first (stories in none are
   * left out). */
  sectionsOfStories(storyIds: string[]): Promise<Map<string, string[]>>;

  /** Stores a new version of the story's brief (versions kept for the timeline). */
  putBrief(brief: Brief): Promise<void>;
  /** The latest version. */
  getBrief(storyId: string): Promise<Brief | null>;
  /** Every stored version, oldest first. */
  listBriefs(storyId: string): Promise<Brief[]>;

  search(query: string, limit?: number): Promise<SearchHit[]>;

  /** The retention sweep, one batch: deletes up to `limit` stories that stopped growing before
   * `before` (published and fetched), with their articles, briefs and discussion threads; the URLs
   * their articles were reached by stay known, so feeds do not bring them back. Repeat until it
   * returns no stories. */
  pruneStories(before: IsoTime, limit: number): Promise<PruneCounts>;

  /** Inserts or replaces what the operator says about these outlets (by domain, else name);
   * with `replace`, the list becomes the whole list: entries not in it are removed. */
  putOutlets(outlets: Outlet[], replace?: boolean): Promise<void>;
  /** Every outlet entry, by domain. */
  listOutlets(): Promise<Outlet[]>;

  /** Writes a consistent, compacted copy of a SQLite store to a new file, while others keep
   * reading and writing (VACUUM INTO); refuses a file that exists. PostgreSQL has pg_dump. */
  backupTo(path: string): Promise<void>;

  /** Small key/value state (a thread's first sighting and comment count). */
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;
}

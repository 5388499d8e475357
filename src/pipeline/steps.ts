// The ingest steps, free of any clustering state, so the in-process runner and the PostgreSQL
// workers share them: fetch a feed's new entry URLs, fetch and store one article, fetch one thread.
import { type Config, keepCutoff } from "../config.ts";
import { errorPageReason, extractArticle } from "../extract/index.ts";
import { parseFeed } from "../ingest/feeds/index.ts";
import { type Fetcher, nextAttempt } from "../ingest/fetch/index.ts";
import { discoverThreadUrls, fetchThread, threadRepollAt } from "../ingest/threads/index.ts";
import { log } from "../log.ts";
import type { Store } from "../store/store.ts";
import { type Article, NEVER_DUE, type Source, type Thread } from "../types.ts";
import { articleIdByUrl, buildArticle, normalizeUrl } from "./article.ts";

export interface IngestDeps {
  config: Config;
  store: Store;
  fetcher: Fetcher;
}

const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5";

/** A source is due when it is enabled and its next fetch time has come (or was never set). */
export function isDue(source: Source, now: string): boolean {
  return !source.disabled && (source.nextFetchAt === null || source.nextFetchAt <= now);
}

export interface FeedPoll {
  /** Entry URLs not stored yet. */
  urls: string[];
  /** Saves the feed's validators: call it only once every URL above is handled. */
  commit(): Promise<void>;
}

/**
 * Fetches a feed (conditionally) and returns the entry URLs not stored yet. The validators
 * (ETag, Last-Modified) are saved only through `commit`, after the entries are handled: a crash in
 * between must not leave a 304 hiding entries that were never fetched.
 */
export async function pollFeedEntries(deps: IngestDeps, source: Source): Promise<FeedPoll> {
  const outcome = await deps.fetcher.fetch(source.url, {
    etag: source.etag,
    lastModified: source.lastModified,
    accept: FEED_ACCEPT,
  });
  if (outcome.kind === "not-modified") return { urls: [], commit: async () => {} };
  const feed = await parseFeed(outcome.body, outcome.url, outcome.contentType);
  const urls: string[] = [];
  // A feed's back catalogue older than the archive keeps would be fetched only to be pruned.
  const cutoff = keepCutoff(deps.config, Date.now());
  const oldest = cutoff === null ? Number.NaN : Date.parse(cutoff);
  // Entries stored already (another feed listed them first) are linked in the commit, so a story
  // is listed under this feed's section too.
  const known: string[] = [];
  for (const entry of feed.entries) {
    if (entry.url === null) continue;
    if (entry.publishedAt !== null && Date.parse(entry.publishedAt) < oldest) continue;
    const id = await articleIdByUrl(deps.store, entry.url);
    if (id === null) urls.push(entry.url);
    else known.push(id);
  }
  const commit = () =>
    deps.store.transaction(async () => {
      for (const id of known) await deps.store.linkArticleSource(id, source.id);
      await deps.store.updateSource(source.id, {
        etag: outcome.etag,
        lastModified: outcome.lastModified,
        title: source.title ?? feed.title,
      });
    });
  return { urls, commit };
}

export interface StoredArticle {
  article: Article;
  /** False when the same article (same canonical URL) was already stored. */
  inserted: boolean;
}

/** Fetches, extracts and stores one article page; the article is committed before this resolves.
 * `sourceId` is the feed that listed it (or the page source), remembered for its section. */
export async function fetchArticle(
  deps: IngestDeps,
  url: string,
  sourceId: number | null = null,
): Promise<StoredArticle> {
  const outcome = await deps.fetcher.fetch(url, { accept: "text/html,application/xhtml+xml" });
  if (outcome.kind === "not-modified")
    throw new Error(`ingest: ${url} answered 304 without a request for it`);
  const type = outcome.contentType ?? "";
  if (type !== "" && !/html|xml/i.test(type))
    throw new Error(`extract: not an HTML page (${type})`);
  const page = extractArticle(outcome.text, outcome.url);
  if (page === null) throw new Error("extract: no article found on the page");
  const notAReport = errorPageReason(page);
  if (notAReport) throw new Error(`extract: ${outcome.url} is ${notAReport}, not an article`);
  const article = buildArticle(page, outcome.url, new Date());
  // The article and the URLs it was reached by in one commit (one disk sync). The URLs also when
  // it was stored before under another URL: a feed's redirecting link is not fetched again.
  const inserted = await deps.store.transaction(async () => {
    const isNew = await deps.store.putArticle(article);
    const urls = [url, article.url, article.canonicalUrl].map((u) => normalizeUrl(u));
    await deps.store.addArticleUrls(article.id, urls);
    if (sourceId !== null) await deps.store.linkArticleSource(article.id, sourceId);
    return isNew;
  });
  if (inserted && deps.config.discoverThreads)
    await addDiscoveredThreads(deps, article.canonicalUrl);
  return { article, inserted };
}

/** Asks the discussion sites whether the article is being discussed and follows what they find. */
async function addDiscoveredThreads(deps: IngestDeps, articleUrl: string): Promise<void> {
  try {
    const threadUrls = await discoverThreadUrls(articleUrl, deps.fetcher, deps.config.threadApis);
    for (const url of threadUrls) await deps.store.addSource({ kind: "thread", url });
  } catch (caught) {
    log("debug", "ingest", `thread discovery for ${articleUrl}: ${(caught as Error).message}`);
  }
}

export interface StoredThread {
  thread: Thread;
  /** When to poll the thread again: live threads are re-polled with backoff for 48 hours. */
  nextFetchAt: string;
  /** The comment count differs from the last poll's (true on the first). */
  changed: boolean;
}

export async function fetchAndStoreThread(
  deps: IngestDeps,
  source: Source,
  now = new Date(),
): Promise<StoredThread> {
  const thread = await fetchThread(source.url, deps.fetcher, deps.config.threadApis);
  await deps.store.putThread(thread);
  const firstSeenKey = `thread:first-seen:${source.url}`;
  const countKey = `thread:comments:${source.url}`;
  const firstSeen = (await deps.store.getState(firstSeenKey)) ?? now.toISOString();
  const changed = (await deps.store.getState(countKey)) !== String(thread.comments.length);
  await deps.store.setState(firstSeenKey, firstSeen);
  await deps.store.setState(countKey, String(thread.comments.length));
  const next = threadRepollAt(thread, new Date(firstSeen), now, changed);
  return { thread, nextFetchAt: next === null ? NEVER_DUE : next.toISOString(), changed };
}

/**
 * Records the outcome of polling a source: its next fetch time, failure count and last error.
 * `nextFetchAt` overrides the default schedule after a success (threads follow their own).
 */
export async function recordHealth(
  deps: IngestDeps,
  source: Source,
  caught: unknown,
  nextFetchAt?: string,
): Promise<void> {
  const error = caught === null ? null : (caught as Error).message;
  const retryAfterMs = (caught as { retryAfterMs?: number | null } | null)?.retryAfterMs ?? null;
  if (error !== null) log("warn", "ingest", `${source.url}: ${error}`);
  const { disabled, ...next } = nextAttempt(
    source,
    { ok: error === null, retryAfterMs },
    new Date(),
  );
  await deps.store.updateSource(source.id, {
    ...next,
    // Only ever switched off here: the operator may have disabled the source during the poll.
    ...(disabled ? { disabled } : {}),
    ...(error === null && nextFetchAt !== undefined ? { nextFetchAt } : {}),
    lastError: error,
    lastFetchedAt: new Date().toISOString(),
  });
}

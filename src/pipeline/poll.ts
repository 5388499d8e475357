import { extractArticle } from "../extract/index.ts";
import { parseFeed } from "../ingest/feeds/index.ts";
import { nextAttempt } from "../ingest/fetch/index.ts";
import { discoverThreadUrls, fetchThread } from "../ingest/threads/index.ts";
import { log } from "../log.ts";
import type { Source } from "../types.ts";
import { buildArticle, normalizeUrl } from "./article.ts";
import { rememberUrls } from "./cluster.ts";
import type { PipelineContext } from "./context.ts";

/** How many pages of one feed are fetched at once; the fetcher also limits each host. */
const PAGE_CONCURRENCY = 6;

export interface PollReport {
  source: Source;
  newArticles: number;
  error: string | null;
}

/** Polls one source, stores what it finds, and records the source's health. Never throws. */
export async function pollSource(ctx: PipelineContext, source: Source): Promise<PollReport> {
  let newArticles = 0;
  let error: string | null = null;
  let retryAfterMs: number | null = null;
  try {
    if (source.kind === "feed") newArticles = await pollFeed(ctx, source);
    else if (source.kind === "page") newArticles = (await ingestPage(ctx, source.url)) ? 1 : 0;
    else await ingestThread(ctx, source.url);
  } catch (caught) {
    error = (caught as Error).message;
    retryAfterMs = (caught as { retryAfterMs?: number | null }).retryAfterMs ?? null;
    log("warn", "ingest", `${source.url}: ${error}`);
  }
  const next = nextAttempt(source, { ok: error === null, retryAfterMs }, new Date());
  await ctx.store.updateSource(source.id, {
    ...next,
    lastError: error,
    lastFetchedAt: new Date().toISOString(),
  });
  return { source, newArticles, error };
}

async function pollFeed(ctx: PipelineContext, source: Source): Promise<number> {
  const outcome = await ctx.fetcher.fetch(source.url, {
    etag: source.etag,
    lastModified: source.lastModified,
    accept:
      "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
  });
  if (outcome.kind === "not-modified") return 0;
  const feed = await parseFeed(outcome.body, outcome.url, outcome.contentType);
  await ctx.store.updateSource(source.id, {
    etag: outcome.etag,
    lastModified: outcome.lastModified,
    title: source.title ?? feed.title,
  });
  const urls = feed.entries.map((e) => e.url).filter((u): u is string => u !== null);
  let stored = 0;
  await forEachLimited(urls, PAGE_CONCURRENCY, async (url) => {
    if (ctx.articleByUrl.has(normalizeUrl(url)) || (await ctx.store.hasArticleUrl(url))) return;
    try {
      if (await ingestPage(ctx, url)) stored++;
    } catch (caught) {
      log("warn", "ingest", `${url} (from ${source.url}): ${(caught as Error).message}`);
    }
  });
  return stored;
}

/** Fetches, extracts and stores one article page. Resolves true when a new article was stored. */
export async function ingestPage(ctx: PipelineContext, url: string): Promise<boolean> {
  const outcome = await ctx.fetcher.fetch(url, { accept: "text/html,application/xhtml+xml" });
  if (outcome.kind === "not-modified") return false;
  const type = outcome.contentType ?? "";
  if (type !== "" && !/html|xml/i.test(type)) {
    throw new Error(`extract: not an HTML page (${type})`);
  }
  const page = extractArticle(outcome.text, outcome.url);
  if (page === null) throw new Error("extract: no article found on the page");
  const article = buildArticle(page, outcome.url, new Date());
  // The article is committed before it is acknowledged (clustered, counted, or linked).
  const inserted = await ctx.store.putArticle(article);
  rememberUrls(ctx, article);
  ctx.articleByUrl.set(normalizeUrl(url), article.id);
  if (!inserted) return false;
  ctx.pending.push(article.id);
  if (ctx.config.discoverThreads) await discoverThreads(ctx, article.canonicalUrl);
  return true;
}

async function discoverThreads(ctx: PipelineContext, articleUrl: string): Promise<void> {
  try {
    const threadUrls = await discoverThreadUrls(articleUrl, ctx.fetcher, ctx.config.threadApis);
    for (const url of threadUrls) {
      if ((await ctx.store.getSourceByUrl(url)) === null) {
        await ctx.store.addSource({ kind: "thread", url });
      }
    }
  } catch (caught) {
    log("debug", "ingest", `thread discovery for ${articleUrl}: ${(caught as Error).message}`);
  }
}

async function ingestThread(ctx: PipelineContext, url: string): Promise<void> {
  const thread = await fetchThread(url, ctx.fetcher, ctx.config.threadApis);
  await ctx.store.putThread(thread);
  const articleId =
    thread.articleUrl === null ? undefined : ctx.articleByUrl.get(normalizeUrl(thread.articleUrl));
  const storyId = articleId === undefined ? null : ctx.clusterer.storyOf(articleId);
  if (storyId !== null) ctx.changedStories.add(storyId);
}

export async function forEachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

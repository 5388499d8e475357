import { log } from "../log.ts";
import { NEVER_DUE, type Source } from "../types.ts";
import { articleIdByUrl } from "./article.ts";
import type { PipelineContext } from "./context.ts";
import { isPermanent } from "./failures.ts";
import { fetchAndStoreThread, fetchArticle, pollFeedEntries, recordHealth } from "./steps.ts";

/** How many pages of one feed are fetched at once; the fetcher also limits each host. */
const PAGE_CONCURRENCY = 6;

export interface PollReport {
  source: Source;
  newArticles: number;
  error: string | null;
}

/** Polls one source in-process, stores what it finds, and records the source's health. A
 * failure of the source is reported, not thrown; only the store failing to record it throws. */
export async function pollSource(ctx: PipelineContext, source: Source): Promise<PollReport> {
  let newArticles = 0;
  let failure: unknown = null;
  let nextFetchAt: string | undefined;
  try {
    if (source.kind === "feed") newArticles = await pollFeed(ctx, source);
    else if (source.kind === "page") {
      newArticles = (await ingestPage(ctx, source.url, source.id)) ? 1 : 0;
      // Stored (now or before): fetching the same page again would change nothing.
      nextFetchAt = NEVER_DUE;
    } else nextFetchAt = await ingestThread(ctx, source);
  } catch (caught) {
    failure = caught;
  }
  await recordHealth(ctx, source, failure, nextFetchAt);
  return { source, newArticles, error: failure === null ? null : (failure as Error).message };
}

async function pollFeed(ctx: PipelineContext, source: Source): Promise<number> {
  const poll = await pollFeedEntries(ctx, source);
  let stored = 0;
  let transient = 0;
  await forEachLimited(poll.urls, PAGE_CONCURRENCY, async (url) => {
    try {
      if (await ingestPage(ctx, url, source.id)) stored++;
    } catch (caught) {
      if (!isPermanent(caught)) transient++;
      log("warn", "ingest", `${url} (from ${source.url}): ${(caught as Error).message}`);
    }
  });
  // With a page still to retry, keep the old validators so the next poll sees the entry again.
  // A page that is no article fails every time: it must not keep the feed from being saved.
  if (transient === 0) await poll.commit();
  return stored;
}

async function ingestPage(ctx: PipelineContext, url: string, sourceId: number): Promise<boolean> {
  return (await fetchArticle(ctx, url, sourceId)).inserted;
}

async function ingestThread(ctx: PipelineContext, source: Source): Promise<string> {
  const { thread, nextFetchAt, changed } = await fetchAndStoreThread(ctx, source);
  // No new comments: the story's brief would come out the same.
  const articleId =
    !changed || thread.articleUrl === null
      ? null
      : await articleIdByUrl(ctx.store, thread.articleUrl);
  const storyId = articleId === null ? null : ctx.clusterer.storyOf(articleId);
  if (storyId !== null) ctx.changedStories.add(storyId);
  return nextFetchAt;
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

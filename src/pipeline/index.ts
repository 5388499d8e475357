import type { Config } from "../config.ts";
import { createFetcher } from "../ingest/fetch/index.ts";
import { log } from "../log.ts";
import type { Store } from "../store/store.ts";
import type { Source } from "../types.ts";
import { storiesNeedingBriefs, writeChangedBriefs } from "./briefs.ts";
import { clusterPending, restoreClusterer } from "./cluster.ts";
import { newContext, type PipelineContext } from "./context.ts";
import { forEachLimited, type PollReport, pollSource } from "./poll.ts";
import { pruneIfDue } from "./prune.ts";
import { sleep } from "./sleep.ts";
import { isDue } from "./steps.ts";

export type { PipelineContext } from "./context.ts";

/** How many sources are polled at once. */
const SOURCE_CONCURRENCY = 4;
/** How often the run loop looks for sources that are due. */
const TICK_MS = 30_000;

export async function createPipeline(config: Config, store: Store): Promise<PipelineContext> {
  const ctx = newContext(config, store, createFetcher(config.fetch));
  await restoreClusterer(ctx);
  for (const storyId of await storiesNeedingBriefs(store)) ctx.changedStories.add(storyId);
  return ctx;
}

export interface RoundReport {
  polled: PollReport[];
  clustered: number;
  briefs: number;
}

export interface RoundOptions {
  /** Poll every enabled source, due or not (the demo's one round over its fresh sources). */
  all?: boolean;
  /** Also enabled sources never fetched though not due (`storyline run` on start). */
  unfetched?: boolean;
  onProgress?: (done: number, total: number, source: Source) => void;
}

/** One round: poll due sources (feeds and pages first, then threads), cluster, write briefs. */
export async function runRound(
  ctx: PipelineContext,
  options: RoundOptions = {},
): Promise<RoundReport> {
  const now = new Date().toISOString();
  const wanted = (s: Source) =>
    options.all || (options.unfetched && s.lastFetchedAt === null) ? !s.disabled : isDue(s, now);
  const sources = (await ctx.store.listSources()).filter(wanted);
  const polled: PollReport[] = [];
  let done = 0;
  const poll = async (source: Source) => {
    polled.push(await pollSource(ctx, source));
    options.onProgress?.(++done, sources.length, source);
  };
  await forEachLimited(
    sources.filter((s) => s.kind !== "thread"),
    SOURCE_CONCURRENCY,
    poll,
  );
  // Thread discovery during the first pass may have added thread sources.
  const threadSources = (await ctx.store.listSources()).filter(
    (s) => s.kind === "thread" && wanted(s),
  );
  await forEachLimited(threadSources, SOURCE_CONCURRENCY, poll);
  const clustered = await clusterPending(ctx);
  const briefs = await writeChangedBriefs(ctx);
  return { polled, clustered, briefs };
}

/** Polls until the signal aborts; the first round also polls sources never fetched unless
 * `dueOnly`. Finished threads and sources in backoff wait for their time, restart or not. */
export async function runForever(
  ctx: PipelineContext,
  signal: AbortSignal,
  dueOnly = false,
): Promise<void> {
  let first = !dueOnly;
  let prunedAt = Number.NEGATIVE_INFINITY;
  while (!signal.aborted) {
    try {
      prunedAt = await pruneIfDue(ctx, prunedAt, Date.now());
      const report = await runRound(ctx, { unfetched: first });
      first = false;
      const fresh = report.polled.reduce((n, r) => n + r.newArticles, 0);
      log(
        "info",
        "pipeline",
        `round: ${report.polled.length} sources, ${fresh} new articles, ${report.briefs} briefs`,
      );
    } catch (error) {
      // A failed round (a store error, a clustering batch rolled back) is retried next tick.
      log("error", "pipeline", `round failed: ${(error as Error).message}`);
    }
    // A listener added to a signal that has aborted already would never fire.
    if (!signal.aborted) await sleep(TICK_MS, signal);
  }
}

export async function closePipeline(ctx: PipelineContext): Promise<void> {
  await ctx.fetcher.close();
}

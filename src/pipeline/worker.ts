// A scale-out worker: takes fetch, extract and brief jobs from the PostgreSQL queue, and competes
// for the clusterer lock. Any number of these run against one database.
import type PgBoss from "pg-boss";
import type { Config } from "../config.ts";
import { createFetcher } from "../ingest/fetch/index.ts";
import { log } from "../log.ts";
import type { Store } from "../store/store.ts";
import { NEVER_DUE } from "../types.ts";
import { articleIdByUrl } from "./article.ts";
import { storiesNeedingBriefs, writeStoryBrief } from "./briefs.ts";
import { clusterPending, restoreClusterer } from "./cluster.ts";
import { newContext } from "./context.ts";
import { isPermanent } from "./failures.ts";
import { leadership } from "./leader.ts";
import { pruneIfDue } from "./prune.ts";
import { JOBS, unfinishedJobs } from "./queue.ts";
import { sleep } from "./sleep.ts";
import {
  fetchAndStoreThread,
  fetchArticle,
  type IngestDeps,
  isDue,
  pollFeedEntries,
  recordHealth,
} from "./steps.ts";

/** How often the clusterer looks for new articles and due sources. */
const CLUSTER_TICK_MS = 500;
/**
 * The clusterer waits for a burst of page fetches to finish, so that it clusters the burst in
 * publication order (as one process would) rather than in whatever order fetches finished; but it
 * never holds articles back longer than this.
 */
const SETTLE_MAX_WAIT_MS = 30_000;
/** Every this many ticks the clusterer looks for stale briefs among the latest stories... */
const STALE_SWEEP_TICKS = 20;
/** ...this many of them: older stories rarely change, and the sweep must stay cheap. */
const STALE_SWEEP_STORIES = 500;

export interface WorkerOptions {
  config: Config;
  store: Store;
  boss: PgBoss;
  concurrency: number;
  /** Take part in the clusterer election (on by default). */
  cluster?: boolean;
}

export async function runWorker(options: WorkerOptions, signal: AbortSignal): Promise<void> {
  const { config, store, boss } = options;
  const deps: IngestDeps = { config, store, fetcher: createFetcher(config.fetch) };
  const n = options.concurrency;
  const loops = [
    work<{ sourceId: number }>(boss, JOBS.poll, n, (d) => pollJob(deps, boss, d.sourceId), signal),
    work<{ url: string; sourceId?: number }>(
      boss,
      JOBS.page,
      n,
      (d) => pageJob(deps, d.url, d.sourceId ?? null),
      signal,
    ),
    work<{ storyId: string }>(
      boss,
      JOBS.brief,
      n,
      async (d) => void (await writeStoryBrief(deps, d.storyId)),
      signal,
    ),
  ];
  if (options.cluster !== false) await clusterWhileLeader(deps, boss, signal);
  await Promise.all(loops);
  await deps.fetcher.close();
}

/** How long a worker with nothing to do waits before asking the queue again. */
const IDLE_POLL_MS = 500;

/**
 * Takes jobs of one queue in batches and runs them `concurrency` at a time until the signal aborts.
 * Our own loop rather than pg-boss's `work`: that one waits its polling interval after every
 * fetch, even a fruitful one, and completes a whole batch together, which would also complete a
 * job that failed and is waiting for its retry. Here each job is completed or failed on its own.
 */
async function work<T extends object>(
  boss: PgBoss,
  name: string,
  concurrency: number,
  handle: (data: T) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    let jobs: PgBoss.Job<T>[] = [];
    try {
      jobs = await boss.fetch<T>(name, { batchSize: concurrency });
    } catch (error) {
      log("warn", "worker", `${name}: could not take jobs: ${(error as Error).message}`);
    }
    if (jobs.length === 0) {
      await sleep(IDLE_POLL_MS, signal);
      continue;
    }
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await handle(job.data);
          await boss.complete(name, job.id);
        } catch (error) {
          const message = (error as Error).message;
          log("warn", "worker", `${name} job ${job.id} failed: ${message}`);
          await boss.fail(name, job.id, { message }).catch(() => {});
        }
      }),
    );
  }
}

async function pollJob(deps: IngestDeps, boss: PgBoss, sourceId: number): Promise<void> {
  const source = (await deps.store.listSources()).find((s) => s.id === sourceId);
  if (source === undefined || source.disabled) return;
  let failure: unknown = null;
  let nextFetchAt: string | undefined;
  try {
    if (source.kind === "thread") {
      const stored = await fetchAndStoreThread(deps, source);
      const thread = stored.thread;
      nextFetchAt = stored.nextFetchAt;
      // Only with new comments (else the brief would come out the same). By the stored URL, as
      // the one-process poll finds it: a thread links whichever URL it was given, rarely the
      // canonical one the article's id hashes.
      const id =
        !stored.changed || thread.articleUrl === null
          ? null
          : await articleIdByUrl(deps.store, thread.articleUrl);
      const article = id === null ? null : await deps.store.getArticle(id);
      if (article?.storyId)
        await boss.send(
          JOBS.brief,
          { storyId: article.storyId },
          { singletonKey: article.storyId },
        );
    } else if (source.kind === "page") {
      // Stored already: fetching the same page again would change nothing (as in poll.ts).
      if ((await articleIdByUrl(deps.store, source.url)) !== null) nextFetchAt = NEVER_DUE;
      else await boss.send(JOBS.page, { url: source.url, sourceId }, { singletonKey: source.url });
    } else {
      const poll = await pollFeedEntries(deps, source);
      for (const url of poll.urls) {
        await boss.send(JOBS.page, { url, sourceId }, { singletonKey: url });
      }
      // The page jobs are durable in the queue now, so the feed's validators can be saved.
      await poll.commit();
    }
  } catch (caught) {
    failure = caught;
  }
  await recordHealth(deps, source, failure, nextFetchAt);
}

/** A page job: fetches and stores one article that a poll job queued. */
export async function pageJob(
  deps: IngestDeps,
  url: string,
  sourceId: number | null,
): Promise<void> {
  try {
    await fetchArticle(deps, url, sourceId);
  } catch (error) {
    // The feed's validators were saved once this job was queued. When a retry could mend the
    // failure, forget them, so the next poll reads the whole feed and lists this entry again (a
    // 304 would hide it once the job's retries ran out), as the one-process poll keeps the old
    // ones then. A page that is no article fails alike every time: the validators stay.
    if (sourceId !== null && !isPermanent(error))
      await deps.store.updateSource(sourceId, { etag: null, lastModified: null });
    throw error;
  }
}

/** Waits for the clusterer lock; while holding it, schedules due sources and clusters new articles. */
async function clusterWhileLeader(
  deps: IngestDeps,
  boss: PgBoss,
  signal: AbortSignal,
): Promise<void> {
  const lock = leadership(deps.config.db);
  while (!signal.aborted) {
    if (!(await lock.acquire(signal))) break;
    log("info", "worker", `pid ${process.pid} is now the clusterer`);
    const ctx = newContext(deps.config, deps.store, deps.fetcher);
    await restoreClusterer(ctx);
    // A clusterer that died between clustering and queueing briefs leaves stories without one.
    for (const storyId of await storiesNeedingBriefs(deps.store)) ctx.changedStories.add(storyId);
    let settledAt = Date.now();
    let ticks = 0;
    let prunedAt = Number.NEGATIVE_INFINITY;
    while (lock.held() && !signal.aborted) {
      try {
        prunedAt = await pruneIfDue(ctx, prunedAt, Date.now());
        await scheduleDueSources(deps, boss);
        if (
          (await unfinishedJobs(boss, JOBS.page)) === 0 ||
          Date.now() - settledAt > SETTLE_MAX_WAIT_MS
        ) {
          // Another worker may hold the lock by now if ours was lost. Checking just before the
          // batch narrows the window in which two clusterers write the same stories to one batch;
          // a batch that then fails on the other's writes is rolled back and rebuilt.
          if (!(await lock.confirm())) continue;
          await clusterPending(ctx);
          settledAt = Date.now();
        }
        if (++ticks % STALE_SWEEP_TICKS === 0) {
          // A brief job that ran while its story was still growing can leave a stale brief.
          for (const id of await storiesNeedingBriefs(deps.store, STALE_SWEEP_STORIES)) {
            ctx.changedStories.add(id);
          }
        }
        for (const storyId of ctx.changedStories) {
          await boss.send(JOBS.brief, { storyId }, { singletonKey: storyId });
        }
        ctx.changedStories.clear();
      } catch (error) {
        log("error", "worker", `clusterer tick failed: ${(error as Error).message}`);
      }
      await sleep(CLUSTER_TICK_MS, signal);
    }
  }
  await lock.release();
}

async function scheduleDueSources(deps: IngestDeps, boss: PgBoss): Promise<void> {
  const now = new Date().toISOString();
  for (const source of await deps.store.listSources()) {
    if (!isDue(source, now)) continue;
    // The singleton key keeps one pending poll per source however often this runs.
    await boss.send(JOBS.poll, { sourceId: source.id }, { singletonKey: `source-${source.id}` });
    // Mark it as scheduled so the next tick does not enqueue it again after the job completes.
    await deps.store.updateSource(source.id, {
      nextFetchAt: new Date(Date.now() + 60_000).toISOString(),
    });
  }
}

// Retention: what `STORYLINE_KEEP_DAYS` and `storyline prune` do. The store deletes stories that
// stopped growing before the cutoff; the clusterer is then rebuilt from what is left, so its memory
// stays bounded by the archive kept. A story idle for weeks is hardly ever joined again anyway: time
// decay scales a match after 30 idle days by about a thousandth.
import { keepCutoff } from "../config.ts";
import { log } from "../log.ts";
import type { PruneCounts, Store } from "../store/index.ts";
import { plural } from "../text/plural.ts";
import type { IsoTime } from "../types.ts";
import { rebuildClusterer } from "./cluster.ts";
import type { PipelineContext } from "./context.ts";

/** Stories deleted per transaction: short enough that writers waiting on SQLite barely notice. */
const PRUNE_BATCH = 200;
/** How often a long-running process prunes (and once at start). */
export const PRUNE_EVERY_MS = 24 * 3_600_000;

/** Deletes, batch by batch, every story that stopped growing before `before`; counts what each
 * committed batch deleted into `total` (so a caller sees them when a later batch fails). */
export async function pruneStore(
  store: Store,
  before: IsoTime,
  total: PruneCounts = { stories: 0, articles: 0, threads: 0 },
): Promise<PruneCounts> {
  for (;;) {
    const batch = await store.pruneStories(before, PRUNE_BATCH);
    if (batch.stories === 0) return total;
    total.stories += batch.stories;
    total.articles += batch.articles;
    total.threads += batch.threads;
  }
}

/** "2 stories, 9 articles and 1 discussion thread". */
export function pruneSummary(counts: PruneCounts): string {
  const { stories, articles, threads } = counts;
  return `${plural(stories, "story", "stories")}, ${plural(articles, "article")} and ${plural(threads, "discussion thread")}`;
}

/** Prunes the store, then rebuilds the clusterer without the pruned stories. The caller holds the
 * clusterer (one process, or the PostgreSQL clusterer lock). */
export async function pruneArchive(ctx: PipelineContext, before: IsoTime): Promise<PruneCounts> {
  const counts: PruneCounts = { stories: 0, articles: 0, threads: 0 };
  try {
    await pruneStore(ctx.store, before, counts);
  } finally {
    // Batches committed before a failure are gone from the store all the same.
    if (counts.stories > 0) {
      await rebuildClusterer(ctx);
      log(
        "info",
        "pipeline",
        `pruned ${pruneSummary(counts)} that stopped growing before ${before}`,
      );
    }
  }
  return counts;
}

/** Prunes when the configuration keeps a limited archive and the last prune is a day old; returns
 * when the last prune ran (pass it back in next time). */
export async function pruneIfDue(
  ctx: PipelineContext,
  lastAt: number,
  now: number,
): Promise<number> {
  const before = keepCutoff(ctx.config, now);
  if (before === null || now - lastAt < PRUNE_EVERY_MS) return lastAt;
  await pruneArchive(ctx, before);
  return now;
}

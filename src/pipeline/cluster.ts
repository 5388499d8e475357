import { log } from "../log.ts";
import { type Assignment, createClusterer, type Split } from "../stories/index.ts";
import { type Article, articleTime, type Story } from "../types.ts";
import type { PipelineContext } from "./context.ts";

export function clusterDoc(article: Article) {
  return {
    id: article.id,
    title: article.headline,
    text: article.text,
    publishedAt: Date.parse(articleTime(article)),
  };
}

/** Articles read per page while restoring: memory stays flat however large the archive. */
const RESTORE_PAGE = 1000;

/**
 * Rebuilds the in-memory clusterer at start-up from the assigned articles, a page at a time, in the
 * order they were first assigned: each goes back into the story the store has it in, so the
 * rebuilt clusterer holds the stored stories even after older ones were pruned. Articles stored but
 * not yet clustered (a crash between the two steps) are left for the next `clusterPending`.
 */
export async function restoreClusterer(ctx: PipelineContext): Promise<void> {
  let restored = 0;
  let after: string | undefined;
  for (;;) {
    const page = await ctx.store.listArticlePage(
      { order: "clustered", limit: RESTORE_PAGE },
      after,
    );
    for (const article of page.articles) {
      // A detached article (its story deleted) waits for clusterPending like a new one.
      if (article.storyId === null) continue;
      ctx.clusterer.restore(clusterDoc(article), article.storyId, article.duplicateOf);
    }
    restored += page.articles.length;
    if (page.next === null) break;
    after = page.next;
  }
  for (const split of await ctx.store.listSplits()) ctx.clusterer.keepApart(split.from, split.into);
  if (restored > 0) log("info", "pipeline", `restored ${restored} articles`);
}

/** Replaces the clusterer with one rebuilt from the store: after a prune, or after a batch the
 * store rolled back, which the clusterer had taken in. */
export async function rebuildClusterer(ctx: PipelineContext): Promise<void> {
  // The store is likely failing when this runs: swap the clusterer only once it is rebuilt, and
  // until then have the next batch try again first.
  ctx.clustererStale = true;
  const rebuilt = { ...ctx, clusterer: createClusterer(ctx.clusterParams) };
  await restoreClusterer(rebuilt);
  ctx.clusterer = rebuilt.clusterer;
  ctx.clustererStale = false;
}

/** Assigns every unassigned article to a story, in clustering order. */
export async function clusterPending(ctx: PipelineContext): Promise<number> {
  // By publication time, then id: within a batch, the result does not depend on which fetch
  // happened to finish first, and so is the same for one process or many workers.
  if (ctx.clustererStale) await rebuildClusterer(ctx);
  const articles = await ctx.store.listArticles({ unassigned: true, order: "time" });
  // One transaction per batch: one disk sync instead of one per article, and a crash leaves
  // either the whole batch assigned or none of it: the next start restores the stored stories and
  // clusters the batch again.
  try {
    await ctx.store.transaction(() => assignBatch(ctx, articles));
  } catch (error) {
    // The store rolled the batch back, but the clusterer took it in (and would return the same
    // stories for it next time, with none of the merges and splits): rebuild it from the store,
    // or mark it for the next batch to rebuild when the store fails that too.
    await rebuildClusterer(ctx).catch(() => {});
    throw error;
  }
  return articles.length;
}

async function assignBatch(ctx: PipelineContext, articles: Article[]): Promise<void> {
  for (const article of articles) {
    const assignment = ctx.clusterer.add(clusterDoc(article));
    await ctx.store.assignArticle(article.id, assignment.storyId, assignment.duplicateOf);
    ctx.changedStories.add(assignment.storyId);
    await applyPass(ctx, assignment);
  }
  // Stories that converged since the last pass merge now, not when the next article comes.
  if (articles.length > 0) await applyPass(ctx, ctx.clusterer.settle());
  for (const storyId of ctx.changedStories) await saveStory(ctx, storyId);
}

/** Moves articles as a merge pass decided: merges first, as the clusterer split stories after
 * merging (see mergePass). */
async function applyPass(ctx: PipelineContext, pass: Pick<Assignment, "merged" | "split">) {
  for (const merge of pass.merged) await mergeStories(ctx, merge.from, merge.into);
  for (const split of pass.split) await splitStory(ctx, split);
}

async function mergeStories(ctx: PipelineContext, from: string, into: string): Promise<void> {
  await moveArticles(ctx, from, into, null);
  // Deleting `from` drops its recorded splits, which the clusterer still keeps, now for `into`:
  // parts split off `from` stay apart from `into`, and so does the story `from` was split off,
  // unless `into` was itself split off another (the clusterer keeps one such link per story; see
  // merge in clusterer.ts).
  const intoWasSplit = (await ctx.store.splitsOf(into)).some((s) => s.into === into);
  for (const split of await ctx.store.splitsOf(from)) {
    if (split.from === from && split.into !== into) await ctx.store.recordSplit(into, split.into);
    if (split.into === from && split.from !== into && !intoWasSplit) {
      await ctx.store.recordSplit(split.from, into);
    }
  }
  await ctx.store.deleteStory(from);
  await ctx.store.recordMerge(from, into);
  ctx.changedStories.delete(from);
  ctx.changedStories.add(into);
}

async function splitStory(ctx: PipelineContext, split: Split): Promise<void> {
  await moveArticles(ctx, split.from, split.into, new Set(split.articleIds));
  await ctx.store.recordSplit(split.from, split.into);
  ctx.changedStories.add(split.from);
  ctx.changedStories.add(split.into);
}

/** Reassigns story `from`'s articles (those in `only`, or all) to story `into`. */
async function moveArticles(
  ctx: PipelineContext,
  from: string,
  into: string,
  only: Set<string> | null,
): Promise<void> {
  for (const article of await ctx.store.listArticles({ storyId: from })) {
    if (only === null || only.has(article.id)) {
      await ctx.store.assignArticle(article.id, into, article.duplicateOf);
    }
  }
}

async function saveStory(ctx: PipelineContext, storyId: string): Promise<void> {
  const articles = await ctx.store.listArticles({ storyId });
  if (articles.length === 0) return;
  const byTime = [...articles].sort((a, b) => articleTime(a).localeCompare(articleTime(b)));
  const story: Story = {
    id: storyId,
    title: byTime[0]!.headline,
    articleIds: articles.map((a) => a.id),
    firstSeen: articleTime(byTime[0]!),
    lastUpdated: articleTime(byTime[byTime.length - 1]!),
    topTerms: ctx.clusterer.topTerms(storyId, 8),
  };
  await ctx.store.putStory(story);
}

import { log } from "../log.ts";
import { writeBrief, writeBriefWithLlm } from "../write/index.ts";
import type { PipelineContext } from "./context.ts";

/** Writes a new brief version for every story that changed since the last round. */
export async function writeChangedBriefs(ctx: PipelineContext): Promise<number> {
  const ids = [...ctx.changedStories];
  ctx.changedStories.clear();
  let written = 0;
  for (const storyId of ids) {
    try {
      if (await writeStoryBrief(ctx, storyId)) written++;
    } catch (error) {
      log("error", "pipeline", `brief for ${storyId} failed: ${(error as Error).message}`);
    }
  }
  return written;
}

/** Writes one story's next brief version; needs only the store and the configuration. */
export async function writeStoryBrief(
  ctx: Pick<PipelineContext, "store" | "config">,
  storyId: string,
): Promise<boolean> {
  const story = await ctx.store.getStory(storyId);
  if (story === null) return false;
  const articles = await ctx.store.listArticles({ storyId });
  const threads = await ctx.store.threadsForArticles(articles.map((a) => a.id));
  const previous = await ctx.store.getBrief(storyId);
  const input = { story, articles, threads, previous };
  const brief =
    ctx.config.llm.url === null
      ? writeBrief(input)
      : await writeBriefWithLlm(input, ctx.config.llm);
  await ctx.store.putBrief({ ...brief, version: (previous?.version ?? 0) + 1 });
  return true;
}

/**
 * Stories whose brief is missing or was written before the story's last update: what a crash
 * between clustering (committed) and brief writing leaves behind. Briefs record the story's
 * `lastUpdated` as their `generatedAt`, so a mismatch means the story moved on. With `limit`, only
 * the most recently updated stories are looked at.
 */
export async function storiesNeedingBriefs(
  store: PipelineContext["store"],
  limit?: number,
): Promise<string[]> {
  const stale: string[] = [];
  for (const story of await store.listStories(limit === undefined ? {} : { limit })) {
    const brief = await store.getBrief(story.id);
    if (brief === null || brief.generatedAt !== story.lastUpdated) stale.push(story.id);
  }
  return stale;
}

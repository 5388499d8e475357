// prune: the retention sweep. Removes stories that stopped growing before a cutoff, with what
// only they need: their articles (and so their search entries and links to the sources that
// reached them), their briefs, the discussion threads about those articles (by any URL they were
// reached by), and the thread sources that fetched them. The URLs the articles were reached by
// stay behind in article_urls: a feed that still lists an old entry must not bring it back as new.
import type { IsoTime } from "../types.ts";
import { type Db, inJsonArray, toJson } from "./db.ts";
import { articleUrlKeys } from "./threads.ts";

export interface PruneCounts {
  stories: number;
  articles: number;
  threads: number;
}

/**
 * Deletes up to `limit` stories whose last article was published before `before` and none of whose
 * articles was fetched since (a misdated article fetched today keeps its story), in one
 * transaction. Callers repeat until it returns no stories: each batch is short, so other writers
 * wait little.
 */
export async function pruneStories(db: Db, before: IsoTime, limit: number): Promise<PruneCounts> {
  return db.tx(async (t) => {
    const rows = await t.all<{ id: string }>(
      `SELECT id FROM stories s WHERE s.last_updated < ?
         AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.fetched_at >= ?)
       ORDER BY s.last_updated, s.id LIMIT ?`,
      [before, before, limit],
    );
    if (rows.length === 0) return { stories: 0, articles: 0, threads: 0 };
    const ids = toJson(rows.map((r) => r.id));
    const articleIds = (
      await t.all<{ id: string }>(`SELECT id FROM articles WHERE ${inJsonArray(t, "story_id")}`, [
        ids,
      ])
    ).map((r) => r.id);
    // Read while the articles are there; their article_urls rows stay (see the top of this file).
    const keys = await articleUrlKeys(t, articleIds);
    await t.run(
      `DELETE FROM article_sources WHERE article_id IN
         (SELECT id FROM articles WHERE ${inJsonArray(t, "story_id")})`,
      [ids],
    );
    const articles = await t.run(`DELETE FROM articles WHERE ${inJsonArray(t, "story_id")}`, [ids]);
    await t.run(`DELETE FROM briefs WHERE ${inJsonArray(t, "story_id")}`, [ids]);
    const stories = await t.run(`DELETE FROM stories WHERE ${inJsonArray(t, "id")}`, [ids]);
    await t.run(
      `DELETE FROM story_splits WHERE ${inJsonArray(t, "from_id")} OR ${inJsonArray(t, "into_id")}`,
      [ids, ids],
    );
    await t.run(
      `DELETE FROM story_merges WHERE ${inJsonArray(t, "from_id")} OR ${inJsonArray(t, "into_id")}`,
      [ids, ids],
    );

    const threadRows = await t.all<{ id: string; url: string }>(
      `SELECT id, url FROM threads WHERE ${inJsonArray(t, "article_url_key")}`,
      [toJson(keys)],
    );
    if (threadRows.length > 0) {
      const threadIds = toJson(threadRows.map((r) => r.id));
      const threadUrls = threadRows.map((r) => r.url);
      await t.run(`DELETE FROM comments WHERE ${inJsonArray(t, "thread_id")}`, [threadIds]);
      await t.run(`DELETE FROM threads WHERE ${inJsonArray(t, "id")}`, [threadIds]);
      await t.run(`DELETE FROM sources WHERE kind = 'thread' AND ${inJsonArray(t, "url")}`, [
        toJson(threadUrls),
      ]);
      // The thread poller's bookkeeping, keyed by the source URL (see pipeline/steps.ts).
      const stateKeys = threadUrls.flatMap((u) => [
        `thread:first-seen:${u}`,
        `thread:comments:${u}`,
      ]);
      await t.run(`DELETE FROM state WHERE ${inJsonArray(t, "key")}`, [toJson(stateKeys)]);
    }
    return { stories, articles, threads: threadRows.length };
  });
}

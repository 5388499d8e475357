// stories: clusters of articles, most recently updated first.
import type { Story } from "../types.ts";
import { type Db, fromJson, toJson } from "./db.ts";
import type { ArticleOutlet, StoryQuery } from "./store.ts";

export const STORY_COLUMNS = "id, title, article_ids, first_seen, last_updated, top_terms";

export interface StoryRow {
  id: string;
  title: string;
  article_ids: string;
  first_seen: string;
  last_updated: string;
  top_terms: string;
}

export function toStory(r: StoryRow): Story {
  return {
    id: r.id,
    title: r.title,
    articleIds: fromJson<string[]>(r.article_ids),
    firstSeen: r.first_seen,
    lastUpdated: r.last_updated,
    topTerms: fromJson<string[]>(r.top_terms),
  };
}

/** Inserts or replaces the story. */
export async function putStory(db: Db, story: Story): Promise<void> {
  await db.run(
    `INSERT INTO stories (${STORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_ids = excluded.article_ids,
       first_seen = excluded.first_seen, last_updated = excluded.last_updated,
       top_terms = excluded.top_terms`,
    [
      story.id,
      story.title,
      toJson(story.articleIds),
      story.firstSeen,
      story.lastUpdated,
      toJson(story.topTerms),
    ],
  );
}

/**
 * Deletes the story and its briefs, and detaches articles still pointing at it (the clusterer
 * reassigns them), in one transaction.
 */
export async function deleteStory(db: Db, id: string): Promise<void> {
  await db.tx(async (t) => {
    await t.run("DELETE FROM stories WHERE id = ?", [id]);
    await t.run("DELETE FROM briefs WHERE story_id = ?", [id]);
    await t.run("UPDATE articles SET story_id = NULL WHERE story_id = ?", [id]);
    await t.run("UPDATE article_sources SET story_id = NULL WHERE story_id = ?", [id]);
    await t.run("DELETE FROM story_splits WHERE from_id = ? OR into_id = ?", [id, id]);
  });
}

/** Records that story `from` was merged into story `into`; stories merged into `from` before now
 * lead to `into` too, so every lookup is one hop. */
export async function recordMerge(db: Db, from: string, into: string): Promise<void> {
  await db.tx(async (t) => {
    await t.run("UPDATE story_merges SET into_id = ? WHERE into_id = ?", [into, from]);
    await t.run(
      `INSERT INTO story_merges (from_id, into_id) VALUES (?, ?)
       ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id`,
      [from, into],
    );
  });
}

/** The story a merged-away story lives on in, or null. */
export async function mergedInto(db: Db, id: string): Promise<string | null> {
  const row = await db.get<{ into_id: string }>(
    "SELECT into_id FROM story_merges WHERE from_id = ?",
    [id],
  );
  return row?.into_id ?? null;
}

/** Records that the clusterer split story `into` off story `from`. */
export async function recordSplit(db: Db, from: string, into: string): Promise<void> {
  await db.run("INSERT INTO story_splits (from_id, into_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [
    from,
    into,
  ]);
}

/** A story the clusterer split off another: `into` was split off `from`. */
export interface StorySplit {
  from: string;
  into: string;
}

/** The recorded splits a story took part in, as either side; every one when storyId is null
 * (deleteStory and prune drop those of the stories they delete). */
export async function listSplits(db: Db, storyId: string | null): Promise<StorySplit[]> {
  const where = storyId === null ? "" : "WHERE from_id = ? OR into_id = ?";
  return db.all<StorySplit>(
    `SELECT from_id AS "from", into_id AS "into" FROM story_splits ${where}
     ORDER BY from_id, into_id`,
    storyId === null ? [] : [storyId, storyId],
  );
}

export async function getStory(db: Db, id: string): Promise<Story | null> {
  const row = await db.get<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`, [id]);
  return row ? toStory(row) : null;
}

/** One indexed range scan on (last_updated DESC, id). */
export async function listStories(db: Db, query: StoryQuery = {}): Promise<Story[]> {
  // No limit given means all of them (SQLite reads a negative LIMIT as none; PostgreSQL, NULL).
  const none = db.dialect === "sqlite" ? -1 : null;
  const limit = query.limit === undefined ? none : Math.max(0, Math.floor(query.limit));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const rows = await db.all<StoryRow>(
    `SELECT ${STORY_COLUMNS} FROM stories ORDER BY last_updated DESC, id LIMIT ? OFFSET ?`,
    [limit, offset],
  );
  return rows.map(toStory);
}

/** Stories with an article from one of these outlets (name and domain as the articles carry them),
 * most recently updated first, and how many there are in all. */
export async function storiesByOutlet(
  db: Db,
  outlets: Pick<ArticleOutlet, "outlet" | "domain">[],
  query: StoryQuery = {},
): Promise<{ stories: Story[]; total: number }> {
  if (outlets.length === 0) return { stories: [], total: 0 };
  const pairs = toJson(outlets.map((o) => [o.domain, o.outlet]));
  // The pairs drive the join, so each is one range of the (outlet_domain, outlet) index; as an
  // IN list SQLite's planner scanned the whole table instead.
  const covered =
    db.dialect === "sqlite"
      ? `SELECT a.story_id FROM json_each(?) AS p CROSS JOIN articles AS a
           WHERE a.outlet_domain = p.value ->> 0 AND a.outlet = p.value ->> 1`
      : `SELECT a.story_id FROM jsonb_array_elements(?::jsonb) AS p
           JOIN articles AS a ON a.outlet_domain = p.value ->> 0 AND a.outlet = p.value ->> 1`;
  const limit = Math.max(0, Math.floor(query.limit ?? 50));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const rows = await db.all<StoryRow>(
    `SELECT ${STORY_COLUMNS} FROM stories WHERE id IN (${covered})
     ORDER BY last_updated DESC, id LIMIT ? OFFSET ?`,
    [pairs, limit, offset],
  );
  const count = await db.get<{ n: number | string }>(
    `SELECT count(DISTINCT story_id) AS n FROM (${covered}) AS c`,
    [pairs],
  );
  return { stories: rows.map(toStory), total: Number(count?.n ?? 0) };
}

// sections: the reader's own grouping of sources ("World", "Tech"), as OPML folders carry it, and
// the stories reached through a section's sources. A story is in every section whose sources
// brought one of its articles, as a story covered by a business feed and a world feed is news in
// both.
import type { Story } from "../types.ts";
import { type Db, inJsonArray, toJson } from "./db.ts";
import type { StoryQuery } from "./store.ts";
import { STORY_COLUMNS, type StoryRow, toStory } from "./stories.ts";

/** A section and how many sources are in it. */
export interface SectionListing {
  name: string;
  sources: number;
}

/** The section of this name among those listed, in any case ("tech" finds "Tech"). */
export function findSection(sections: SectionListing[], name: string): SectionListing | undefined {
  const wanted = name.trim().toLowerCase();
  return sections.find((s) => s.name.toLowerCase() === wanted);
}

/** Records that a source reached the article (a feed listed it, or it is the page source). */
export async function linkArticleSource(
  db: Db,
  articleId: string,
  sourceId: number,
): Promise<void> {
  // Only for an article still stored (a pruned one's URLs are kept, and still lead here). On
  // PostgreSQL the read locks the article's row, so a clusterer's batch moving it to another
  // story either finishes first (and the link takes the new story) or waits and moves the link.
  const lock = db.dialect === "postgres" ? " FOR SHARE" : "";
  await db.run(
    `INSERT INTO article_sources (source_id, article_id, story_id)
     SELECT ?, id, story_id FROM articles WHERE id = ?${lock} ON CONFLICT DO NOTHING`,
    [sourceId, articleId],
  );
}

/** Every section a source is in, by name. */
export async function listSections(db: Db): Promise<SectionListing[]> {
  const rows = await db.all<{ section: string; n: number | string }>(
    `SELECT section, count(*) AS n FROM sources WHERE section IS NOT NULL GROUP BY section`,
  );
  // Sorted here: the two databases collate text differently ("Business" and "apple").
  return rows
    .map((r) => ({ name: r.section, sources: Number(r.n) }))
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** The stories an article of which came through a source in this section, most recently updated
 * first (50 unless a limit is given), and how many there are in all. */
export async function storiesBySection(
  db: Db,
  section: string,
  query: StoryQuery = {},
): Promise<{ stories: Story[]; total: number }> {
  const limit = Math.max(0, Math.floor(query.limit ?? 50));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  // Newest stories first, each checked for a link through the section: a page of a busy section
  // is found among the newest stories, without reading every link the section has.
  const rows = await db.all<StoryRow>(
    `SELECT ${STORY_COLUMNS} FROM stories st WHERE EXISTS (
       SELECT 1 FROM article_sources x JOIN sources s ON s.id = x.source_id
       WHERE x.story_id = st.id AND s.section = ?)
     ORDER BY last_updated DESC, id LIMIT ? OFFSET ?`,
    [section, limit, offset],
  );
  const count = await db.get<{ n: number | string }>(
    `SELECT count(DISTINCT x.story_id) AS n FROM sources s
       JOIN article_sources x ON x.source_id = s.id
     WHERE s.section = ? AND x.story_id IS NOT NULL`,
    [section],
  );
  return { stories: rows.map(toStory), total: Number(count?.n ?? 0) };
}

/** Each story's sections, the one that brought most of its articles first. */
export async function sectionsOfStories(
  db: Db,
  storyIds: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (storyIds.length === 0) return out;
  const rows = await db.all<{ story_id: string; section: string; n: number | string }>(
    `SELECT x.story_id, s.section, count(DISTINCT x.article_id) AS n FROM article_sources x
       JOIN sources s ON s.id = x.source_id
     WHERE ${inJsonArray(db, "x.story_id")} AND s.section IS NOT NULL
     GROUP BY x.story_id, s.section`,
    [toJson(storyIds)],
  );
  rows.sort(
    (a, b) =>
      a.story_id.localeCompare(b.story_id) ||
      Number(b.n) - Number(a.n) ||
      a.section.localeCompare(b.section),
  );
  for (const r of rows) {
    const list = out.get(r.story_id) ?? [];
    list.push(r.section);
    out.set(r.story_id, list);
  }
  return out;
}

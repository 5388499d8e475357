// briefs: every version of every story's brief, kept for the timeline.
import type { Brief } from "../types.ts";
import { type Db, fromJson, toJson } from "./db.ts";

/** Stores the brief under (storyId, version); writing the same version again replaces it. */
export async function putBrief(db: Db, brief: Brief): Promise<void> {
  // Only while the story exists: a brief job that read a story the clusterer then merged away
  // must not leave a brief no story has (nothing would ever delete it). On PostgreSQL the check
  // locks the story's row: it waits for a clusterer's batch that is deleting the story (and then
  // finds it gone), or that batch's delete waits for this brief and then deletes it too.
  const lock = db.dialect === "postgres" ? " FOR KEY SHARE" : "";
  await db.run(
    `INSERT INTO briefs (story_id, version, generated_at, body)
     SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?${lock})
     ON CONFLICT (story_id, version) DO UPDATE SET generated_at = excluded.generated_at,
       body = excluded.body`,
    [brief.storyId, brief.version, brief.generatedAt, toJson(brief), brief.storyId],
  );
}

/** The latest version: one probe of the primary key. */
export async function getBrief(db: Db, storyId: string): Promise<Brief | null> {
  const row = await db.get<{ body: string }>(
    "SELECT body FROM briefs WHERE story_id = ? ORDER BY version DESC LIMIT 1",
    [storyId],
  );
  return row ? fromJson<Brief>(row.body) : null;
}

/** Every version, oldest first. */
export async function listBriefs(db: Db, storyId: string): Promise<Brief[]> {
  const rows = await db.all<{ body: string }>(
    "SELECT body FROM briefs WHERE story_id = ? ORDER BY version",
    [storyId],
  );
  return rows.map((r) => fromJson<Brief>(r.body));
}

// sources: feeds, pages and threads to poll.
import type { NewSource, Source, SourceKind } from "../types.ts";
import { type Db, type Param, str } from "./db.ts";
import type { SourcePatch } from "./store.ts";

const COLUMNS =
  "id, kind, url, title, etag, last_modified, next_fetch_at, failure_count, last_error, last_fetched_at, disabled, section";

/** Patch field → column; the only columns updateSource may touch. */
const PATCHABLE: Record<keyof SourcePatch, string> = {
  title: "title",
  etag: "etag",
  lastModified: "last_modified",
  nextFetchAt: "next_fetch_at",
  failureCount: "failure_count",
  lastError: "last_error",
  lastFetchedAt: "last_fetched_at",
  disabled: "disabled",
  section: "section",
};

interface SourceRow {
  id: number;
  kind: string;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  next_fetch_at: string | null;
  failure_count: number;
  last_error: string | null;
  last_fetched_at: string | null;
  disabled: number;
  section: string | null;
}

function toSource(r: SourceRow): Source {
  return {
    id: Number(r.id),
    kind: r.kind as SourceKind,
    url: r.url,
    title: str(r.title),
    etag: str(r.etag),
    lastModified: str(r.last_modified),
    nextFetchAt: str(r.next_fetch_at),
    failureCount: Number(r.failure_count),
    lastError: str(r.last_error),
    lastFetchedAt: str(r.last_fetched_at),
    disabled: Number(r.disabled) !== 0,
    section: str(r.section),
  };
}

/** Adds the source; adding a URL that is already there returns the existing source unchanged. */
export async function addSource(db: Db, source: NewSource): Promise<Source> {
  await db.run(
    "INSERT INTO sources (kind, url, title, section) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO NOTHING",
    [source.kind, source.url, source.title ?? null, source.section ?? null],
  );
  const added = await getSourceByUrl(db, source.url);
  if (!added) throw new Error(`store: source ${source.url} vanished after insert`);
  return added;
}

export async function getSourceByUrl(db: Db, url: string): Promise<Source | null> {
  const row = await db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE url = ?`, [url]);
  return row ? toSource(row) : null;
}

export async function getSource(db: Db, id: number): Promise<Source | null> {
  const row = await db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE id = ?`, [id]);
  return row ? toSource(row) : null;
}

export async function listSources(db: Db): Promise<Source[]> {
  const rows = await db.all<SourceRow>(`SELECT ${COLUMNS} FROM sources ORDER BY id`);
  return rows.map(toSource);
}

/** Sets the given fields; fields left out (or undefined) keep their value. */
export async function updateSource(db: Db, id: number, patch: SourcePatch): Promise<void> {
  const sets: string[] = [];
  const params: Param[] = [];
  for (const [key, column] of Object.entries(PATCHABLE) as [keyof SourcePatch, string][]) {
    const value = patch[key];
    if (value === undefined) continue;
    sets.push(`${column} = ?`);
    params.push(typeof value === "boolean" ? Number(value) : value);
  }
  if (sets.length === 0) return;
  await db.run(`UPDATE sources SET ${sets.join(", ")} WHERE id = ?`, [...params, id]);
}

/** Deletes the source and its links to the articles it reached (the articles stay). */
export async function deleteSource(db: Db, id: number): Promise<void> {
  await db.tx(async (t) => {
    await t.run("DELETE FROM article_sources WHERE source_id = ?", [id]);
    await t.run("DELETE FROM sources WHERE id = ?", [id]);
  });
}

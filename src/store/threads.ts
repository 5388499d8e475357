// threads and comments: discussions (Hacker News, Reddit, Lemmy) about articles.
import type { Comment, Platform, Thread } from "../types.ts";
import { urlsOfArticles } from "./articles.ts";
import { type Db, inJsonArray, str, toJson } from "./db.ts";

const THREAD_COLUMNS = "id, platform, url, title, article_url, fetched_at";
const COMMENT_COLUMNS = "thread_id, id, parent_id, author, text, score, posted_at, url";

interface ThreadRow {
  id: string;
  platform: string;
  url: string;
  title: string | null;
  article_url: string | null;
  fetched_at: string;
}

interface CommentRow {
  thread_id: string;
  id: string;
  parent_id: string | null;
  author: string | null;
  text: string;
  score: number | null;
  posted_at: string | null;
  url: string | null;
}

/** The form article URLs are matched in: trailing slashes dropped ("…/a/" and "…/a" are one). */
export function urlKey(url: string): string {
  return url.trim().replace(/\/+$/, "");
}

function toComment(r: CommentRow): Comment {
  return {
    id: r.id,
    parentId: str(r.parent_id),
    author: str(r.author),
    text: r.text,
    score: r.score === null ? null : Number(r.score),
    postedAt: str(r.posted_at),
    url: str(r.url),
  };
}

// All comments go in one statement, as a JSON array unpacked by the database: a thread of 500
// comments is one round trip, not 500. Position is the array index, so order is kept.
const SQLITE_INSERT_COMMENTS = `INSERT INTO comments
    (thread_id, position, id, parent_id, author, text, score, posted_at, url)
  SELECT ?, key, value ->> '$.id', value ->> '$.parentId', value ->> '$.author',
    value ->> '$.text', value ->> '$.score', value ->> '$.postedAt', value ->> '$.url'
  FROM json_each(?)`;

const PG_INSERT_COMMENTS = `INSERT INTO comments
    (thread_id, position, id, parent_id, author, text, score, posted_at, url)
  SELECT ?, c.ord - 1, c.value ->> 'id', c.value ->> 'parentId', c.value ->> 'author',
    c.value ->> 'text', (c.value ->> 'score')::double precision, c.value ->> 'postedAt',
    c.value ->> 'url'
  FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS c (value, ord)`;

/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PostgreSQL's jsonb refuses \u0000 and lone surrogates ("\ud800"), so comment fields drop NUL
 * and get U+FFFD for a lone surrogate on both stores. */
function commentsJson(comments: Comment[]): string {
  return JSON.stringify(comments, (_key, value: unknown) =>
    typeof value === "string"
      ? value.replaceAll("\0", "").replace(LONE_SURROGATE, "\uFFFD")
      : value,
  );
}

/** Inserts or replaces the thread and all its comments, atomically. */
export async function putThread(db: Db, thread: Thread): Promise<void> {
  await db.tx(async (t) => {
    await t.run(
      `INSERT INTO threads (id, platform, url, title, article_url, article_url_key, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, url = excluded.url,
         title = excluded.title, article_url = excluded.article_url,
         article_url_key = excluded.article_url_key, fetched_at = excluded.fetched_at`,
      [
        thread.id,
        thread.platform,
        thread.url,
        thread.title,
        thread.articleUrl,
        thread.articleUrl === null ? null : urlKey(thread.articleUrl),
        thread.fetchedAt,
      ],
    );
    await t.run("DELETE FROM comments WHERE thread_id = ?", [thread.id]);
    if (thread.comments.length > 0) {
      await t.run(t.dialect === "sqlite" ? SQLITE_INSERT_COMMENTS : PG_INSERT_COMMENTS, [
        thread.id,
        commentsJson(thread.comments),
      ]);
    }
  });
}

/** Attaches comments (in stored order) to thread rows, in one query for all of them. */
async function withComments(db: Db, rows: ThreadRow[]): Promise<Thread[]> {
  if (rows.length === 0) return [];
  const ids = toJson(rows.map((r) => r.id));
  const sql = `SELECT ${COMMENT_COLUMNS} FROM comments
    WHERE ${inJsonArray(db, "thread_id")} ORDER BY thread_id, position`;
  const byThread = new Map<string, Comment[]>();
  for (const r of await db.all<CommentRow>(sql, [ids])) {
    const list = byThread.get(r.thread_id);
    if (list) list.push(toComment(r));
    else byThread.set(r.thread_id, [toComment(r)]);
  }
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform as Platform,
    url: r.url,
    title: str(r.title),
    articleUrl: str(r.article_url),
    comments: byThread.get(r.id) ?? [],
    fetchedAt: r.fetched_at,
  }));
}

export async function getThread(db: Db, id: string): Promise<Thread | null> {
  const row = await db.get<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM threads WHERE id = ?`, [id]);
  return row ? ((await withComments(db, [row]))[0] ?? null) : null;
}

export async function listThreads(db: Db): Promise<Thread[]> {
  const rows = await db.all<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM threads ORDER BY id`);
  return withComments(db, rows);
}

/** Threads about any of these URLs, compared without trailing slashes. */
export function threadsForUrls(db: Db, urls: string[]): Promise<Thread[]> {
  return threadsForKeys(db, [...new Set(urls.map(urlKey))]);
}

/** The distinct urlKeys of every URL these articles were reached by (see urlsOfArticles), in
 * their order: what threads about the articles name in article_url_key. */
export async function articleUrlKeys(db: Db, articleIds: string[]): Promise<string[]> {
  return [...new Set((await urlsOfArticles(db, articleIds)).map(urlKey))];
}

/**
 * Threads about any of these articles, by every URL each was reached by: a thread may name the
 * link a feed gave or the URL before a redirect rather than the canonical one. With `maxUrls`,
 * by the first that many (a big story's first articles carry its discussions).
 */
export async function threadsForArticles(
  db: Db,
  articleIds: string[],
  maxUrls = Number.POSITIVE_INFINITY,
): Promise<Thread[]> {
  return threadsForKeys(db, (await articleUrlKeys(db, articleIds)).slice(0, maxUrls));
}

/** Keys as urlKey made them: keying one again could change it ("x/ /" keys to "x/ ", then "x"). */
async function threadsForKeys(db: Db, keys: string[]): Promise<Thread[]> {
  if (keys.length === 0) return [];
  const sql = `SELECT ${THREAD_COLUMNS} FROM threads
    WHERE ${inJsonArray(db, "article_url_key")} ORDER BY id`;
  return withComments(db, await db.all<ThreadRow>(sql, [toJson(keys)]));
}

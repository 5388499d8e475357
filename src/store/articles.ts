// articles: extracted pages, in the order they were stored (seq).
import type { Article } from "../types.ts";
import { type Db, fromJson, inJsonArray, type Param, str, toJson } from "./db.ts";
import { searchColumns } from "./search.ts";
import type { ArticleOutlet, ArticlePage, ArticleQuery } from "./store.ts";

const COLUMNS = `id, url, canonical_url, outlet, outlet_domain, headline, byline, published_at,
  modified_at, fetched_at, language, lead_image, description, text, paragraphs, sentences,
  fingerprint, story_id, duplicate_of, opinion`;

interface ArticleRow {
  id: string;
  url: string;
  canonical_url: string;
  outlet: string;
  outlet_domain: string;
  headline: string;
  byline: string | null;
  published_at: string | null;
  modified_at: string | null;
  fetched_at: string;
  language: string | null;
  lead_image: string | null;
  description: string | null;
  text: string;
  paragraphs: string;
  sentences: string;
  fingerprint: string;
  story_id: string | null;
  duplicate_of: string | null;
  opinion: number;
}

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    outlet: r.outlet,
    outletDomain: r.outlet_domain,
    headline: r.headline,
    byline: str(r.byline),
    publishedAt: str(r.published_at),
    modifiedAt: str(r.modified_at),
    fetchedAt: r.fetched_at,
    language: str(r.language),
    leadImage: str(r.lead_image),
    description: str(r.description),
    text: r.text,
    paragraphs: fromJson<string[]>(r.paragraphs),
    sentences: fromJson<string[]>(r.sentences),
    fingerprint: r.fingerprint,
    storyId: str(r.story_id),
    duplicateOf: str(r.duplicate_of),
    opinion: Number(r.opinion) !== 0,
  };
}

function articleParams(a: Article): Param[] {
  return [
    a.id,
    a.url,
    a.canonicalUrl,
    a.outlet,
    a.outletDomain,
    a.headline,
    a.byline,
    a.publishedAt,
    a.modifiedAt,
    a.fetchedAt,
    a.language,
    a.leadImage,
    a.description,
    a.text,
    toJson(a.paragraphs),
    toJson(a.sentences),
    a.fingerprint,
    a.storyId,
    a.duplicateOf,
    a.opinion ? 1 : 0,
  ];
}

// With the search terms of headline and text, which the search index reads (see search.ts).
const INSERT = `INSERT INTO articles (${COLUMNS}, search_headline, search_text)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO NOTHING`;

/** Inserts unless an article with this id exists; true when it was new. One statement, atomic. */
export async function putArticle(db: Db, article: Article): Promise<boolean> {
  const params = [...articleParams(article), ...searchColumns(article.headline, article.text)];
  return (await db.run(INSERT, params)) === 1;
}

export async function getArticle(db: Db, id: string): Promise<Article | null> {
  const row = await db.get<ArticleRow>(`SELECT ${COLUMNS} FROM articles WHERE id = ?`, [id]);
  return row ? toArticle(row) : null;
}

/** Records URLs the article was reached by; a URL already recorded keeps its first article. */
export async function addArticleUrls(db: Db, articleId: string, urls: string[]): Promise<void> {
  for (const url of new Set(urls)) {
    await db.run(
      "INSERT INTO article_urls (url, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
      [url, articleId],
    );
  }
}

export async function articleIdByUrl(db: Db, url: string): Promise<string | null> {
  const row = await db.get<{ article_id: string }>(
    "SELECT article_id FROM article_urls WHERE url = ?",
    [url],
  );
  return row?.article_id ?? null;
}

/**
 * Every URL these articles were reached by: fetched, canonical, and each recorded by
 * addArticleUrls (the link before a redirect, a feed's spelling, an old spelling), distinct, in the
 * order of the ids, each article's fetched and canonical URLs before its recorded ones: a cap on
 * the list keeps the first articles' URLs. One query however many articles.
 */
export async function urlsOfArticles(db: Db, articleIds: string[]): Promise<string[]> {
  const unique = [...new Set(articleIds)];
  if (unique.length === 0) return [];
  const ids = toJson(unique);
  const rows = await db.all<{ article_id: string; url: string; rank: number | string }>(
    `SELECT id AS article_id, url, 0 AS rank FROM articles WHERE ${inJsonArray(db, "id")}
     UNION ALL SELECT id, canonical_url, 1 FROM articles WHERE ${inJsonArray(db, "id")}
     UNION ALL SELECT article_id, url, 2 FROM article_urls WHERE ${inJsonArray(db, "article_id")}`,
    [ids, ids, ids],
  );
  // Sorted here, not in SQL: the two databases collate URLs differently, and a capped list must
  // be the same on both.
  const position = new Map(unique.map((id, i) => [id, i]));
  rows.sort(
    (a, b) =>
      position.get(a.article_id)! - position.get(b.article_id)! ||
      Number(a.rank) - Number(b.rank) ||
      (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
  );
  return [...new Set(rows.map((r) => r.url))];
}

/** The ORDER BY key of an order, as a list of expressions. */
function orderKey(db: Db, order: "stored" | "time" | "clustered"): string[] {
  if (order === "stored") return ["seq"];
  if (order === "clustered") return ["cluster_seq"];
  // Byte order on PostgreSQL too (its default collation may not be), as the pipeline compares
  // strings.
  const collate = db.dialect === "postgres" ? ' COLLATE "C"' : "";
  return [`coalesce(published_at, fetched_at)${collate}`, `id${collate}`];
}

/** Articles in the chosen order, optionally of one story, unassigned, or fetched after `since`. */
export async function listArticles(db: Db, query: ArticleQuery = {}): Promise<Article[]> {
  const rows = await selectArticles(db, query, []);
  return rows.map(toArticle);
}

/** The page of articles after the place `after` names (a previous page's `next`). */
export async function listArticlePage(
  db: Db,
  query: ArticleQuery & { limit: number },
  after?: string,
): Promise<ArticlePage> {
  const rows = await selectArticles(db, query, after === undefined ? [] : parseCursor(after));
  const last = rows.at(-1);
  const keys = orderKey(db, query.order ?? "stored").length;
  const next =
    last !== undefined && rows.length >= query.limit
      ? toJson(Array.from({ length: keys }, (_, i) => last[`page_key${i}`] as Param))
      : null;
  return { articles: rows.map(toArticle), next };
}

function parseCursor(cursor: string): Param[] {
  const values = fromJson<unknown>(cursor);
  if (
    !Array.isArray(values) ||
    !values.every((v) => typeof v === "string" || typeof v === "number")
  ) {
    throw new Error(`store: not an article page cursor: ${cursor}`);
  }
  return values as Param[];
}

/** The rows of a query, each with its order key as page_key0.., after the key `after` if given. */
async function selectArticles(
  db: Db,
  query: ArticleQuery,
  after: Param[],
): Promise<(ArticleRow & Record<string, unknown>)[]> {
  const where: string[] = [];
  const params: Param[] = [];
  if (query.storyId !== undefined) {
    where.push("story_id = ?");
    params.push(query.storyId);
  }
  if (query.unassigned) where.push("story_id IS NULL");
  if (query.since !== undefined) {
    where.push("fetched_at > ?");
    params.push(query.since);
  }
  const key = orderKey(db, query.order ?? "stored");
  if (query.order === "clustered") where.push("cluster_seq IS NOT NULL");
  if (after.length > 0) {
    if (after.length !== key.length) throw new Error("store: article page cursor of another order");
    where.push(`(${key.join(", ")}) > (${key.map(() => "?").join(", ")})`);
    params.push(...after);
  }
  const keyColumns = key.map((k, i) => `${k} AS page_key${i}`).join(", ");
  let sql = `SELECT ${COLUMNS}, ${keyColumns} FROM articles`;
  if (where.length > 0) sql += ` WHERE ${where.join(" AND ")}`;
  sql += ` ORDER BY ${key.join(", ")}`;
  if (query.limit !== undefined) {
    sql += " LIMIT ?";
    params.push(Math.max(0, Math.floor(query.limit)));
  }
  return db.all<ArticleRow & Record<string, unknown>>(sql, params);
}

/** Every (outlet name, domain) pair the articles carry, with how many articles have it. */
export async function listArticleOutlets(db: Db): Promise<ArticleOutlet[]> {
  const rows = await db.all<{ outlet: string; outlet_domain: string; n: number | string }>(
    "SELECT outlet_domain, outlet, count(*) AS n FROM articles GROUP BY outlet_domain, outlet",
  );
  return rows.map((r) => ({ outlet: r.outlet, domain: r.outlet_domain, articles: Number(r.n) }));
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db.get<{ n: number | string }>("SELECT count(*) AS n FROM articles");
  return Number(row?.n ?? 0);
}

export async function assignArticle(
  db: Db,
  articleId: string,
  storyId: string,
  duplicateOf: string | null,
): Promise<void> {
  // The first assignment numbers the article in clustering order; moves (story merges) keep it.
  await db.run(
    `UPDATE articles SET story_id = ?, duplicate_of = ?,
       cluster_seq = coalesce(cluster_seq, (SELECT coalesce(max(cluster_seq), 0) + 1 FROM articles))
     WHERE id = ?`,
    [storyId, duplicateOf, articleId],
  );
  // The links to the sources that reached it carry its story (see sections.ts).
  await db.run("UPDATE article_sources SET story_id = ? WHERE article_id = ?", [
    storyId,
    articleId,
  ]);
}

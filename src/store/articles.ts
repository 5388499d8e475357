// articles: extracted pages, in the order they were stored (seq).
import { hasUnspacedScript, tokenize } from "../text/terms.ts";
import type { Article } from "../types.ts";
import { type Db, fromJson, type Param, str, toJson } from "./db.ts";
import type { ArticleOutlet, ArticleQuery } from "./store.ts";

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

const INSERT = `INSERT INTO articles (${COLUMNS}, search_words)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;

/** The words of the headline and text written in a script without spaces, space-separated, for
 * the search index (see migration 14); null when there are none. */
export function searchWords(a: Pick<Article, "headline" | "text">): string | null {
  const all = `${a.headline}\n${a.text}`;
  if (!hasUnspacedScript(all)) return null;
  return tokenize(all)
    .filter((word) => hasUnspacedScript(word))
    .join(" ");
}

/** Inserts unless an article with this id exists; true when it was new. One statement, atomic. */
export async function putArticle(db: Db, article: Article): Promise<boolean> {
  return (await db.run(INSERT, [...articleParams(article), searchWords(article)])) === 1;
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

/** The ORDER BY key of an order, and the same key read from the row that a page starts after. */
function orderKey(db: Db, order: "stored" | "time" | "clustered"): [string, string] {
  if (order === "stored") return ["seq", "seq"];
  if (order === "clustered") return ["cluster_seq", "cluster_seq"];
  // Byte order on PostgreSQL too (its default collation may not be), as the pipeline compares
  // strings.
  const collate = db.dialect === "postgres" ? ' COLLATE "C"' : "";
  return [
    `coalesce(published_at, fetched_at)${collate}, id${collate}`,
    "coalesce(published_at, fetched_at), id",
  ];
}

/** Articles in the chosen order, optionally of one story, unassigned, or fetched after `since`. */
export async function listArticles(db: Db, query: ArticleQuery = {}): Promise<Article[]> {
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
  const [key, keyOfAfter] = orderKey(db, query.order ?? "stored");
  if (query.order === "clustered") where.push("cluster_seq IS NOT NULL");
  if (query.afterId !== undefined) {
    where.push(`(${key}) > (SELECT ${keyOfAfter} FROM articles WHERE id = ?)`);
    params.push(query.afterId);
  }
  let sql = `SELECT ${COLUMNS} FROM articles`;
  if (where.length > 0) sql += ` WHERE ${where.join(" AND ")}`;
  sql += ` ORDER BY ${key}`;
  if (query.limit !== undefined) {
    sql += " LIMIT ?";
    params.push(Math.max(0, Math.floor(query.limit)));
  }
  const rows = await db.all<ArticleRow>(sql, params);
  return rows.map(toArticle);
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

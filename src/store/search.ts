// search: full-text search over article headline and text. SQLite uses FTS5 (articles_fts),
// PostgreSQL a generated tsvector with a GIN index. User input never reaches either query
// language as syntax: it is cut into word tokens, and every token must match (AND).
import type { SearchHit } from "../types.ts";
import type { Db } from "./db.ts";

/** Longer queries are cut: more terms only narrow the result and cost time. */
const MAX_QUERY_TOKENS = 32;
/** Default number of hits. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Upper bound on hits per query, whatever the caller asks. */
const MAX_SEARCH_LIMIT = 200;
/** A headline match counts this many times a body match (FTS5 bm25 column weight). */
const HEADLINE_WEIGHT = 5;
/** Snippet length in tokens (FTS5) / words (ts_headline). */
const SNIPPET_WORDS = 24;

const START = "\u0001";
const STOP = "\u0002";
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a user query, lower-cased, de-duplicated, at most MAX_QUERY_TOKENS. */
export function queryTokens(query: string): string[] {
  const words = query.toLowerCase().match(WORD) ?? [];
  return [...new Set(words)].slice(0, MAX_QUERY_TOKENS);
}

/** FTS5 MATCH text: each token a quoted string, so nothing in it is an operator. */
export function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replaceAll('"', '""')}"`).join(" ");
}

interface HitRow {
  id: string;
  story_id: string | null;
  headline: string;
  outlet: string;
  url: string;
  published_at: string | null;
  snippet: string | null;
}

const SQLITE_SEARCH = `SELECT a.id, a.story_id, a.headline, a.outlet, a.canonical_url AS url,
    a.published_at, snippet(articles_fts, -1, char(1), char(2), '…', ${SNIPPET_WORDS}) AS snippet
  FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
  WHERE articles_fts MATCH ?
  ORDER BY bm25(articles_fts, ${HEADLINE_WEIGHT}.0, 1.0), a.seq DESC
  LIMIT ?`;

// Headlines are computed only for the page of hits, never for every match.
const PG_SEARCH = `WITH q AS (SELECT plainto_tsquery('english', ?) AS q),
  hits AS (
    SELECT a.seq, a.id, a.story_id, a.headline, a.outlet, a.canonical_url AS url,
      a.published_at, a.text, ts_rank(a.search, q.q) AS rank
    FROM articles a, q WHERE a.search @@ q.q
    ORDER BY rank DESC, a.seq DESC LIMIT ?)
  SELECT h.id, h.story_id, h.headline, h.outlet, h.url, h.published_at,
    CASE WHEN position(chr(1) IN s.body) > 0 THEN s.body
      ELSE ts_headline('english', h.headline, q.q, ?) END AS snippet
  FROM hits h, q, LATERAL (SELECT ts_headline('english', h.text, q.q, ?) AS body) s
  ORDER BY h.rank DESC, h.seq DESC`;

const PG_HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=${SNIPPET_WORDS}, MinWords=${Math.floor(SNIPPET_WORDS / 2)}, MaxFragments=2, FragmentDelimiter=" … "`;

export async function search(
  db: Db,
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
): Promise<SearchHit[]> {
  const tokens = queryTokens(query);
  const n = Math.min(MAX_SEARCH_LIMIT, Math.max(0, Math.floor(limit)));
  if (tokens.length === 0 || n === 0) return [];
  const rows =
    db.dialect === "sqlite"
      ? await db.all<HitRow>(SQLITE_SEARCH, [ftsQuery(tokens), n])
      : await db.all<HitRow>(PG_SEARCH, [
          tokens.join(" "),
          n,
          PG_HEADLINE_OPTIONS,
          PG_HEADLINE_OPTIONS,
        ]);
  return rows.map((r) => ({
    articleId: r.id,
    storyId: r.story_id,
    headline: r.headline,
    outlet: r.outlet,
    url: r.url,
    publishedAt: r.published_at,
    snippet: r.snippet ?? "",
  }));
}

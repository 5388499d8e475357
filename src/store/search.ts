// search: full-text search over article headline and text. One tokenizer decides what matches, on
// both stores: searchTerms (text/search-terms.ts) turns headline and text into terms (lower-cased,
// accents folded, stemmed, Chinese, Japanese and Thai cut into words), stored space-separated in
// search_headline and search_text (migration 18), and turns the query into terms the same way.
// Each database only indexes those terms whole: SQLite's FTS5 with its ascii tokenizer (every
// non-ASCII character is part of a word, and terms hold no ASCII but letters and digits),
// PostgreSQL a tsvector read from them as lexemes, not through its parser
// (article_search_vector).
// Neither drops a stop word, so the same query gives the same hits; only ranking differs.
// User input never reaches either query language as syntax: it is cut into terms, each quoted,
// and every term must match (AND). Snippets are cut from the original text here, the same way
// on both stores.
import {
  pushSearchTerms,
  type SearchWordSpan,
  searchTerms,
  searchWordSpans,
} from "../text/search-terms.ts";
import { wholeCharacterEnd } from "../text/shorten.ts";
import type { SearchHit } from "../types.ts";
import type { Db } from "./db.ts";

/** Longer queries are cut: more terms only narrow the result and cost time. */
const MAX_QUERY_TOKENS = 32;
/** Default number of hits. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Upper bound on hits per query, whatever the caller asks. */
const MAX_SEARCH_LIMIT = 200;
/** A headline match counts this many times a body match (FTS5 bm25 column weight, and the
 * tsvector's weight A against B). */
const HEADLINE_WEIGHT = 5;
/**
 * Broad queries rank only their newest this-many matches (by insertion order), so search cost
 * stays flat as the archive grows instead of scoring every article that mentions "government".
 */
const MAX_RANKED_MATCHES = 1_000;
/** Snippet length in words. */
const SNIPPET_WORDS = 24;
/** Words shown before a snippet's first match. */
const SNIPPET_LEAD = 4;
/** Longest word, or text between words, that a snippet shows whole: a run of 20,000 emoji or a
 * 50,000-letter "word" (inline data in a page) would otherwise be most of it. */
const MAX_SNIPPET_PIECE = 80;

const START = "\u0001";
const STOP = "\u0002";

/** PostgreSQL's limit on the bytes of a tsvector's terms (MAXSTRPOS). article_search_vector reads
 * each column's terms one per occurrence, so it counts every occurrence's bytes; the tsvector then
 * holds each distinct term once (padded to even, with a position count) and up to 256 positions of
 * 2 bytes each. Past either count it fails the insert, or migration 18 on an old archive. */
const MAX_TSVECTOR_BYTES = 1_048_575;
const MAX_TSVECTOR_POSITIONS = 256;

/** The search columns of an article: its headline's and text's terms, space-separated, as many
 * as PostgreSQL indexes (a megabyte of terms), the same on SQLite so both find the same articles. */
export function searchColumns(headline: string, text: string): [string, string] {
  const counts = new Map<string, number>();
  let stored = 0;
  const indexable = (terms: string[]) => {
    let read = 0;
    let n = 0;
    for (; n < terms.length; n++) {
      const term = terms[n]!;
      const bytes = Buffer.byteLength(term);
      const count = counts.get(term) ?? 0;
      const grows = (count === 0 ? bytes + 3 : 0) + (count < MAX_TSVECTOR_POSITIONS ? 2 : 0);
      if (read + bytes > MAX_TSVECTOR_BYTES || stored + grows > MAX_TSVECTOR_BYTES) break;
      read += bytes;
      stored += grows;
      counts.set(term, count + 1);
    }
    return terms.slice(0, n).join(" ");
  };
  return [indexable(searchTerms(headline)), indexable(searchTerms(text))];
}

/** The terms of a user query, de-duplicated, at most MAX_QUERY_TOKENS, as searchColumns makes
 * them of articles. */
export function queryTokens(query: string): string[] {
  return [...new Set(searchTerms(query))].slice(0, MAX_QUERY_TOKENS);
}

/** FTS5 MATCH text: each token a quoted string, so nothing in it is an operator. */
export function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replaceAll('"', '""')}"`).join(" ");
}

/** tsquery text: each token a quoted lexeme (taken as written, not parsed or stemmed again),
 * joined by the operator: & to match, | to rank. */
export function tsQuery(tokens: string[], operator: "&" | "|" = "&"): string {
  return tokens
    .map((t) => `'${t.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`)
    .join(` ${operator} `);
}

interface HitRow {
  id: string;
  story_id: string | null;
  headline: string;
  outlet: string;
  url: string;
  published_at: string | null;
  text: string;
}

const SQLITE_SEARCH = `WITH top AS (
    SELECT rowid AS seq, bm25(articles_fts, ${HEADLINE_WEIGHT}.0, 1.0) AS score
    FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= coalesce((
      SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
      ORDER BY rowid DESC LIMIT 1 OFFSET ${MAX_RANKED_MATCHES - 1}), 0)
    ORDER BY score, rowid DESC LIMIT ?)
  SELECT a.id, a.story_id, a.headline, a.outlet, a.canonical_url AS url, a.published_at, a.text
  FROM top JOIN articles a ON a.seq = top.seq
  ORDER BY top.score, top.seq DESC`;

// ts_rank's weights are {D, C, B, A}: the text is B, the headline A. q is NOT MATERIALIZED so the
// planner sees the query's terms: for a term most articles hold ("the") it then reads the newest
// articles backwards instead of the whole posting list (8 ms at 120,000 articles, not 220).
// Ranked by the terms' counts (q.any), without proximity, like bm25 on SQLite: ranking by q.q
// compares the positions of every pair of terms, 60 ms for "the news of" over 1,000 matches.
const PG_SEARCH = `WITH q AS NOT MATERIALIZED (SELECT ?::tsquery AS q, ?::tsquery AS any),
  recent AS (
    SELECT a.seq FROM articles a, q WHERE a.search @@ q.q
    ORDER BY a.seq DESC LIMIT ${MAX_RANKED_MATCHES}),
  hits AS (
    SELECT a.seq, a.id, a.story_id, a.headline, a.outlet, a.canonical_url AS url,
      a.published_at, a.text, ts_rank('{0, 0, ${1 / HEADLINE_WEIGHT}, 1}', a.search, q.any) AS rank
    FROM recent JOIN articles a ON a.seq = recent.seq, q
    ORDER BY rank DESC, a.seq DESC LIMIT ?)
  SELECT id, story_id, headline, outlet, url, published_at, text FROM hits
  ORDER BY rank DESC, seq DESC`;

export async function search(
  db: Db,
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
): Promise<SearchHit[]> {
  const tokens = queryTokens(query);
  const n = Math.min(MAX_SEARCH_LIMIT, Math.max(0, Math.floor(limit)));
  if (tokens.length === 0 || n === 0) return [];
  const fts = ftsQuery(tokens);
  const rows =
    db.dialect === "sqlite"
      ? await db.all<HitRow>(SQLITE_SEARCH, [fts, fts, n])
      : await db.tx(async (t) => {
          // A prepared statement soon runs on a generic plan, which cannot see the terms and
          // guesses few matches: reading all of "the" then costs 20 ms at 30,000 articles.
          await t.exec("SET LOCAL plan_cache_mode = force_custom_plan");
          return t.all<HitRow>(PG_SEARCH, [tsQuery(tokens), tsQuery(tokens, "|"), n]);
        });
  const wanted = new Map(tokens.map((t, i) => [t, i]));
  return rows.map((r) => ({
    articleId: r.id,
    storyId: r.story_id,
    headline: r.headline,
    outlet: r.outlet,
    url: r.url,
    publishedAt: r.published_at,
    snippet: snippet(r.headline, r.text, wanted),
  }));
}

/** The passage of the text with the most of the query's terms, each matching word between START
 * and STOP; the headline instead when it has more of them. */
function snippet(headline: string, text: string, wanted: ReadonlyMap<string, number>): string {
  const body = passage(text, wanted);
  const head = passage(headline, wanted);
  return head.terms > body.terms ? head.text : body.text;
}

/** The bits of the query terms a word gives (bit i: term i). */
function termBits(word: string, wanted: ReadonlyMap<string, number>): number {
  const terms: string[] = [];
  pushSearchTerms(word, terms);
  let bits = 0;
  for (const t of terms) {
    const i = wanted.get(t);
    if (i !== undefined) bits |= 1 << i;
  }
  return bits;
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** The SNIPPET_WORDS words of a text that hold the most distinct query terms (the first such), and
 * how many they hold. Reads words only until a passage holds them all: most hits need few. */
function passage(
  written: string,
  wanted: ReadonlyMap<string, number>,
): { text: string; terms: number } {
  // Marker characters in the text would read as marks.
  const text = written.replaceAll(START, "").replaceAll(STOP, "");
  const next = searchWordSpans(text);
  const words: SearchWordSpan[] = [];
  /** Whether the text has a word k, reading on to it. */
  const has = (k: number) => {
    while (words.length <= k) {
      const read = next.next();
      if (read.done) return false;
      words.push(read.value);
    }
    return true;
  };
  const between = (piece: string) => (piece.length > MAX_SNIPPET_PIECE ? "…" : piece);
  if (!has(0)) return { text: between(text.trim()), terms: 0 };
  const bits: number[] = [];
  const bitsAt = (k: number) =>
    (bits[k] ??= termBits(text.slice(words[k]!.start, words[k]!.end), wanted));
  let from = 0;
  let most = 0;
  for (let i = 0; most < wanted.size && has(i); i++) {
    if (bitsAt(i) === 0) continue;
    const start = Math.max(0, i - SNIPPET_LEAD);
    let covered = 0;
    for (let k = start; k < start + SNIPPET_WORDS && has(k); k++) covered |= bitsAt(k);
    const count = bitCount(covered);
    if (count > most) {
      most = count;
      from = start;
    }
  }
  let to = from;
  while (to < from + SNIPPET_WORDS && has(to)) to++;
  let out = from > 0 ? "…" : between(text.slice(0, words[0]!.start).trimStart());
  for (let k = from; k < to; k++) {
    const whole = text.slice(words[k]!.start, words[k]!.end);
    const word = shortened(whole);
    if (k > from) {
      const gap = text.slice(words[k - 1]!.end, words[k]!.start);
      out += gap.length > MAX_SNIPPET_PIECE ? " … " : gap;
    }
    out += bitsAt(k) === 0 ? word : `${START}${word}${STOP}`;
    if (word.length < whole.length) out += "…";
  }
  out += has(to) ? "…" : between(text.slice(words[to - 1]!.end).trimEnd());
  return { text: out, terms: most };
}

/** The text, or its first MAX_SNIPPET_PIECE characters when longer (one fewer rather than half
 * of a surrogate pair). */
function shortened(text: string): string {
  if (text.length <= MAX_SNIPPET_PIECE) return text;
  return text.slice(0, wholeCharacterEnd(text, MAX_SNIPPET_PIECE));
}

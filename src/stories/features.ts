// What the clusterer reads of an article, in two steps:
// - articleFeatures: a pure function of the text (terms with their weights, the fingerprint and the
//   containment anchors). It needs none of the clusterer's state, so it can run anywhere, ahead of
//   the ordered assignment (on another thread, or in the worker that extracted the article).
// - featureVector: the terms as a sparse vector of term ids with raw weights (damped term frequency
//   times feature-group weight, no IDF yet: the IDF is the running one, applied when vectors are
//   compared).

import { type Fingerprint64, simhashOfWords, wordHashes } from "../text/fingerprint.ts";
import {
  bigrams,
  capitalisedEntities,
  contentTermsOf,
  hasUnspacedScript,
  sublinearTf,
  tokenize,
} from "../text/terms.ts";
import { anchorsOf } from "./containment.ts";
import type { ClusterParams } from "./params.ts";
import type { SparseVector } from "./sparse.ts";
import type { Vocabulary } from "./vocabulary.ts";
import { ENTITY_PREFIX } from "./vocabulary.ts";

interface FeatureInput {
  title: string;
  text: string;
}

type Weights = Pick<
  ClusterParams,
  | "titleWeight"
  | "entityWeight"
  | "bigramWeight"
  | "maxBodyWords"
  | "duplicateMinWords"
  | "passageWords"
>;

/** Fewest words before a fingerprint is trusted to mark a copy. */
const MIN_FINGERPRINT_WORDS = 8;

/** Terms with their weighted counts: an article's (headline and lead), or one passage's. */
export interface TermCounts {
  /** Distinct words and entities (ENTITY_PREFIX + name), in order of first sight. */
  terms: string[];
  /** Each term's count, scaled by its part (title) and group (entity) weight. */
  counts: number[];
  /** Distinct word pairs and their counts scaled by bigramWeight too (none while it is 0). */
  bigrams: string[];
  bigramCounts: number[];
}

export interface ArticleFeatures extends TermCounts {
  /** SimHash of the body (of headline and body when the body is short). */
  fingerprint: Fingerprint64;
  /** Whether the text is long enough for its fingerprint to mark a copy. */
  fingerprinted: boolean;
  /** The body's containment anchors (see containment.ts). */
  anchors: number[];
  /** The text beyond the first maxBodyWords words ("" when there is none, or passages are off),
   * cut into passages (passagesOf) and read only when the lead joins no story (see passageWords). */
  rest: string;
}

/** Characters per word, about, in text written without spaces (a Chinese or Japanese word is one
 * to three characters): how a word count is read there, where spaces count nothing. */
const UNSPACED_CHARS_PER_WORD = 2;

function firstWords(text: string, max: number): string {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 32 && ++spaces >= max) return text.slice(0, i);
  }
  const chars = max * UNSPACED_CHARS_PER_WORD;
  return text.length > chars && hasUnspacedScript(text) ? text.slice(0, chars) : text;
}

/** The text's first `max` passages of `size` words each (the last one may be shorter): cut at
 * every size-th run of spaces, without splitting the rest of a long text. Text written without
 * spaces is cut by its length instead. */
export function passagesOf(text: string, size: number, max: number): string[] {
  if (hasUnspacedScript(text)) {
    const chars = size * UNSPACED_CHARS_PER_WORD;
    const pieces: string[] = [];
    for (let at = 0; at < text.length && pieces.length < max; at += chars) {
      const piece = text.slice(at, at + chars).trim();
      if (piece !== "") pieces.push(piece);
    }
    return pieces;
  }
  const out: string[] = [];
  const space = /\s+/g;
  let start = 0;
  let words = 0;
  for (let m = space.exec(text); m !== null && out.length < max; m = space.exec(text)) {
    if (m.index === 0) {
      start = space.lastIndex;
      continue;
    }
    if (++words < size) continue;
    out.push(text.slice(start, m.index));
    start = space.lastIndex;
    words = 0;
  }
  if (out.length < max && start < text.length) out.push(text.slice(start));
  return out;
}

function tally(counts: Map<string, number>, term: string, count: number): void {
  counts.set(term, (counts.get(term) ?? 0) + count);
}

/** Counts a part's words, word pairs (when bigramWeight is on) and entities, scaled. */
function tallyPart(
  text: string,
  tokens: readonly string[],
  scale: number,
  w: Weights,
  terms: Map<string, number>,
  pairs: Map<string, number> | null,
): void {
  if (text === "") return;
  const words = contentTermsOf(tokens);
  for (const t of words) tally(terms, t, scale);
  if (pairs !== null && w.bigramWeight > 0) {
    const weight = scale * w.bigramWeight;
    for (const b of bigrams(words)) tally(pairs, b, weight);
  }
  if (w.entityWeight > 0) {
    const weight = scale * w.entityWeight;
    for (const e of capitalisedEntities(text)) tally(terms, ENTITY_PREFIX + e, weight);
  }
}

/** A passage's terms, weighted as body text. No word pairs: featureVector counts each pair's
 * document frequency, and a passage is not a document. */
export function passageTerms(text: string, w: Weights): TermCounts {
  const terms = new Map<string, number>();
  tallyPart(text, tokenize(text), 1, w, terms, null);
  return { terms: [...terms.keys()], counts: [...terms.values()], bigrams: [], bigramCounts: [] };
}

/** The article's features, from its title and text alone. */
export function articleFeatures(doc: FeatureInput, w: Weights): ArticleFeatures {
  const titleTokens = tokenize(doc.title);
  const textTokens = tokenize(doc.text);
  // Maps keep their terms in order of first sight.
  const termCounts = new Map<string, number>();
  const bigramCounts = new Map<string, number>();
  const addPart = (text: string, tokens: readonly string[], scale: number) =>
    tallyPart(text, tokens, scale, w, termCounts, bigramCounts);
  addPart(doc.title, titleTokens, w.titleWeight);
  const body = firstWords(doc.text, w.maxBodyWords);
  // A long text is cut at maxBodyWords and tokenized again; a shorter one reuses its tokens.
  addPart(body, body === doc.text ? textTokens : tokenize(body), 1);

  // A wire copy keeps its body but may change its headline: a body long enough is fingerprinted
  // on its own, a short one with its headline.
  const bodyHashes = wordHashes(textTokens);
  const long = textTokens.length >= w.duplicateMinWords;
  const words = long ? textTokens.length : textTokens.length + titleTokens.length;
  return {
    terms: [...termCounts.keys()],
    counts: [...termCounts.values()],
    bigrams: [...bigramCounts.keys()],
    bigramCounts: [...bigramCounts.values()],
    fingerprint: simhashOfWords(long ? bodyHashes : wordHashes([...titleTokens, ...textTokens])),
    // Too short to tell a copy from a coincidence: indexed, never matched.
    fingerprinted: words >= MIN_FINGERPRINT_WORDS,
    anchors: anchorsOf(bodyHashes),
    rest: w.passageWords > 0 ? doc.text.slice(body.length) : "",
  };
}

/** Sublinear above one mention; fractional weights (a lone bigram) stay as they are. */
function damp(count: number): number {
  return count <= 1 ? count : sublinearTf(count);
}

/** Scratch for featureVector: (term id, position) packed into one number per term, sorted. */
let packed = new Float64Array(256);
/** Positions fit in 12 bits: articles have far fewer distinct terms (the rest fall back to the
 * Map path below). */
const POSITION_BITS = 4096;

/** The features' terms as a vector sorted by term id, with sublinear weights; counts the
 * bigrams' document frequency (collocations are pairs that earlier articles used too). */
export function featureVector(
  f: TermCounts,
  w: Pick<ClusterParams, "bigramMinDf">,
  vocab: Vocabulary,
): SparseVector {
  if (f.bigrams.length === 0 && f.terms.length < POSITION_BITS) return wordVector(f, vocab);
  const counts = new Map<number, number>();
  for (let i = 0; i < f.terms.length; i++) counts.set(vocab.wordId(f.terms[i]!), f.counts[i]!);
  if (f.bigrams.length > 0) {
    const seen = new Set<number>();
    for (let i = 0; i < f.bigrams.length; i++) {
      const id = vocab.bigramId(f.bigrams[i]!);
      seen.add(id);
      // Only collocations: a one-off pair never matches and only dilutes the vector.
      if (vocab.df(id) >= w.bigramMinDf) counts.set(id, (counts.get(id) ?? 0) + f.bigramCounts[i]!);
    }
    vocab.countBigrams(seen);
  }
  const ids = Int32Array.from(counts.keys()).sort();
  const weights = new Float32Array(ids.length);
  for (let i = 0; i < ids.length; i++) weights[i] = damp(counts.get(ids[i]!)!);
  return { ids, weights };
}

/** The same vector when there are only words, which are distinct, so need no summing: each id
 * and its position are packed into one double (exact: ids stay below 2^31), and one numeric sort
 * of those orders the terms, where a Map, its key iterator and a lookup per term cost three times
 * as much (featureVector was the clusterer's largest single cost after the candidate search). */
function wordVector(f: TermCounts, vocab: Vocabulary): SparseVector {
  const n = f.terms.length;
  if (n > packed.length) packed = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) packed[i] = vocab.wordId(f.terms[i]!) * POSITION_BITS + i;
  const order = packed.subarray(0, n).sort();
  const ids = new Int32Array(n);
  const weights = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const key = order[k]!;
    const i = key % POSITION_BITS;
    ids[k] = (key - i) / POSITION_BITS;
    weights[k] = damp(f.counts[i]!);
  }
  return { ids, weights };
}

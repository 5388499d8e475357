// Term ids and the running document frequency behind the IDF.
// Words and entities get sequential ids (their names are kept for topTerms). Bigrams are hashed into
// a fixed table instead: their number grows almost linearly with the stream, and keeping a string
// per bigram would cost more memory per article than everything else together.

import { hash32 } from "../text/fingerprint.ts";
import { grown } from "./arrays.ts";
import { IdIndex } from "./ids.ts";

/** Bigram ids start here, above any word id a stream will reach. */
export const BIGRAM_BASE = 1 << 30;
/** Hashed bigram slots (2^20, 4 MB of counts): collisions merge rare bigrams' counts, harmlessly. */
export const BIGRAM_SLOTS = 1 << 20;
const BIGRAM_SEED = 0x2545f491;
/** Entities are kept apart from words by this prefix ("@condoleezza_rice"). */
export const ENTITY_PREFIX = "@";
/** ln(k) is looked up for k below this (most terms are rare: the IDF is 1 + ln(N + 1) - ln(df + 1),
 * the hottest arithmetic of the clusterer) and computed above it, where a table as long as the
 * stream would miss the cache on every lookup. 32 KB. */
const LOG_TABLE = 1 << 12;
const LOGS = Float64Array.from({ length: LOG_TABLE }, (_, k) => Math.log(k));

export class Vocabulary {
  private readonly names: string[] = [];
  /** Word to id, by the word's 64 hash bits alone (see IdIndex). */
  private readonly ids = new IdIndex(this.names, false);
  private wordDf = new Int32Array(1024);
  /** 1 for entity ids (names starting with ENTITY_PREFIX). */
  private entity = new Uint8Array(1024);
  private readonly bigramDf = new Int32Array(BIGRAM_SLOTS);
  /** Articles counted so far (the N of the IDF). */
  docCount = 0;
  private logDocs = 0;

  /** Id of a word or entity, assigned on first sight. */
  wordId(term: string): number {
    const known = this.ids.get(term);
    if (known >= 0) return known;
    const id = this.names.length;
    this.names.push(term);
    this.ids.add(term, id);
    if (id >= this.wordDf.length) {
      this.wordDf = grown(this.wordDf, this.wordDf.length * 2);
      this.entity = grown(this.entity, this.wordDf.length);
    }
    if (term.startsWith(ENTITY_PREFIX)) this.entity[id] = 1;
    return id;
  }

  isEntity(id: number): boolean {
    return id < BIGRAM_BASE && this.entity[id] === 1;
  }

  bigramId(bigram: string): number {
    return BIGRAM_BASE + (hash32(bigram, BIGRAM_SEED) & (BIGRAM_SLOTS - 1));
  }

  /** The term's name, or null for bigrams (hashed, nameless). */
  name(id: number): string | null {
    return id < BIGRAM_BASE ? (this.names[id] ?? null) : null;
  }

  df(id: number): number {
    return id < BIGRAM_BASE ? this.wordDf[id]! : this.bigramDf[id - BIGRAM_BASE]!;
  }

  /** Smoothed running IDF (same formula as terms.ts idf), from cached logarithms where df is small. */
  idf(id: number): number {
    const k = this.df(id) + 1;
    return 1 + this.logDocs - (k < LOG_TABLE ? LOGS[k]! : Math.log(k));
  }

  /** Counts one article containing these (distinct) terms; bigrams are counted by countBigrams. */
  countDocument(termIds: Int32Array): void {
    this.docCount++;
    this.logDocs = Math.log(this.docCount + 1);
    for (const id of termIds) if (id < BIGRAM_BASE) this.wordDf[id]!++;
  }

  /** Counts one article's (distinct) bigrams, kept in its vector or not: the document frequency
   * that decides which pairs are collocations. */
  countBigrams(ids: Iterable<number>): void {
    for (const id of ids) this.bigramDf[id - BIGRAM_BASE]!++;
  }
}

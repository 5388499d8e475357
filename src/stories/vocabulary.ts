// Term ids and the running document frequency behind the IDF.
// Words and entities get sequential ids (their names are kept for topTerms). Bigrams are hashed into
// a fixed table instead: their number grows almost linearly with the stream, and keeping a string
// per bigram would cost more memory per article than everything else together.

import { hash32 } from "../text/fingerprint.ts";
import { grown } from "./arrays.ts";

/** Bigram ids start here, above any word id a stream will reach. */
export const BIGRAM_BASE = 1 << 30;
/** Hashed bigram slots (2^20, 4 MB of counts): collisions merge rare bigrams' counts, harmlessly. */
export const BIGRAM_SLOTS = 1 << 20;
const BIGRAM_SEED = 0x2545f491;
const WORD_SEED = 0x6b43a9b5;
const CHECK_SEED = 0x1f83d9ab;
/** Int32 words per word-table slot: id + 1 and the word's two hashes. */
const SLOT_WORDS = 3;
/** Entities are kept apart from words by this prefix ("@condoleezza_rice"). */
export const ENTITY_PREFIX = "@";
/** ln(k) is looked up for k below this (most terms are rare: the IDF is 1 + ln(N + 1) - ln(df + 1),
 * the hottest arithmetic of the clusterer) and computed above it, where a table as long as the
 * stream would miss the cache on every lookup. 32 KB. */
const LOG_TABLE = 1 << 12;
const LOGS = Float64Array.from({ length: LOG_TABLE }, (_, k) => Math.log(k));

export class Vocabulary {
  /** Open-addressing table from word to id: per slot, id + 1 (0: empty) and two 32-bit hashes of
   * the word, side by side, so a lookup reads one slot. Words are told apart by the 64 bits alone,
   * not by their characters: comparing those read a second, distant run of memory on every lookup
   * (at a million articles the table no longer fits the cache, and that was 7 us an article). Two
   * of a million words share 64 bits with odds of about 3 in 100 million, and would then share an
   * id, as hashed bigrams share a slot. (A Map with a million string keys missed the cache several
   * times a lookup.) At most half full. */
  private slots = new Int32Array(SLOT_WORDS * 4096);
  private readonly names: string[] = [];
  private wordDf = new Int32Array(1024);
  /** 1 for entity ids (names starting with ENTITY_PREFIX). */
  private entity = new Uint8Array(1024);
  private readonly bigramDf = new Int32Array(BIGRAM_SLOTS);
  /** Articles counted so far (the N of the IDF). */
  docCount = 0;
  private logDocs = 0;

  /** Id of a word or entity, assigned on first sight. */
  wordId(term: string): number {
    const hash = hash32(term, WORD_SEED) | 0;
    const check = hash32(term, CHECK_SEED) | 0;
    const slots = this.slots;
    const mask = slots.length / SLOT_WORDS - 1;
    let i = hash & mask;
    for (let entry = slots[SLOT_WORDS * i]!; entry !== 0; entry = slots[SLOT_WORDS * i]!) {
      const at = SLOT_WORDS * i;
      if (slots[at + 1] === hash && slots[at + 2] === check) return entry - 1;
      i = (i + 1) & mask;
    }
    const id = this.names.length;
    const at = SLOT_WORDS * i;
    slots[at] = id + 1;
    slots[at + 1] = hash;
    slots[at + 2] = check;
    this.names.push(term);
    if (2 * this.names.length > mask + 1) this.growSlots();
    if (id >= this.wordDf.length) {
      this.wordDf = grown(this.wordDf, this.wordDf.length * 2);
      this.entity = grown(this.entity, this.wordDf.length);
    }
    if (term.startsWith(ENTITY_PREFIX)) this.entity[id] = 1;
    return id;
  }

  private growSlots(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT_WORDS - 1;
    for (let j = 0; j < old.length; j += SLOT_WORDS) {
      if (old[j] === 0) continue;
      let i = old[j + 1]! & mask;
      while (slots[SLOT_WORDS * i] !== 0) i = (i + 1) & mask;
      slots.set(old.subarray(j, j + SLOT_WORDS), SLOT_WORDS * i);
    }
    this.slots = slots;
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

// Inverted index from term id to the stories listed under it, newest first, capped per term.
// Each term's list is a block in one shared Int32Array (no object, array or map entry per term):
// blocks start at MIN_BLOCK entries and double as the list grows, and once a list holds `cap`
// stories its block becomes a ring that overwrites the oldest. So a term costs a few bytes plus its
// block, a lookup is two typed-array reads, and the index never holds more than `cap` a term.

import { grown } from "./arrays.ts";
import { BIGRAM_BASE, BIGRAM_SLOTS } from "./vocabulary.ts";

/** Entries at the tail checked before appending, so a busy story is not listed over and over. */
const RECENT_CHECK = 4;
/** Smallest block: most terms (rare names) only ever list a story or two. */
const MIN_BLOCK = 4;

export class Postings {
  /** Block sizes by class: MIN_BLOCK doubling, the last one the full ring. */
  private readonly sizes: number[] = [];
  /** The full ring's size: `cap` stories readable, and RECENT_CHECK to skip repeats. */
  private readonly ring: number;
  private arena = new Int32Array(1 << 16);
  private used = 0;
  /** Head of each class's list of freed blocks (linked through their first entry), or -1. */
  private readonly freeHead: number[];
  /** Per word id t, side by side: [2t] its block's offset, [2t + 1] stories ever appended (0: no
   * block). */
  private words = new Int32Array(2 * 1024);
  /** The same for hashed bigram slots, allocated on the first bigram. */
  private bigrams: Int32Array | null = null;

  constructor(private readonly cap: number) {
    this.ring = Math.max(cap, RECENT_CHECK);
    for (let size = MIN_BLOCK; size < this.ring; size *= 2) this.sizes.push(size);
    this.sizes.push(this.ring);
    this.freeHead = this.sizes.map(() => -1);
  }

  add(termId: number, story: number): void {
    if (this.cap <= 0) return;
    const bigram = termId >= BIGRAM_BASE;
    const key = 2 * (bigram ? termId - BIGRAM_BASE : termId);
    if (!bigram && key >= this.words.length) this.growWords(key);
    const table = bigram ? this.bigramTable() : this.words;
    const n = table[key + 1]!;
    const ring = this.ring;
    let start = table[key]!;
    if (n > 0) {
      // Repeats are checked among the newest RECENT_CHECK entries the first version's list held:
      // a plain array trimmed to `cap` whenever it reached 2 * cap (sparse.test.ts keeps it as the
      // reference). With cap >= RECENT_CHECK that is simply the newest RECENT_CHECK.
      const listed = n < 2 * this.cap ? n : this.cap + ((n - 2 * this.cap) % this.cap);
      const check = Math.min(RECENT_CHECK, listed);
      for (let k = 1; k <= check; k++) if (this.arena[start + ((n - k) % ring)] === story) return;
    }
    const cls = this.classOf(n);
    if (n === 0 || (cls > 0 && n === this.sizes[cls - 1])) {
      // First entry, or the block is full and a bigger class is due: move to a new block.
      const block = this.allocate(cls);
      if (n > 0) {
        this.arena.copyWithin(block, start, start + n);
        this.release(start, cls - 1);
      }
      start = block;
      table[key] = start;
    }
    this.arena[start + (n % ring)] = story;
    table[key + 1] = n + 1;
  }

  /** Copies the stories under a term into `out`, newest first, at most `cap`; returns how many. */
  newest(termId: number, out: Int32Array): number {
    const bigram = termId >= BIGRAM_BASE;
    const key = 2 * (bigram ? termId - BIGRAM_BASE : termId);
    const table = bigram ? this.bigrams : this.words;
    if (table === null || key >= table.length) return 0;
    const start = table[key]!;
    const n = table[key + 1]!;
    const m = Math.min(n, this.cap);
    const ring = this.ring;
    let at = (n - 1) % ring;
    for (let k = 0; k < m; k++) {
      out[k] = this.arena[start + at]!;
      at = at === 0 ? ring - 1 : at - 1;
    }
    return m;
  }

  /** The one story ever listed under a term, or -1 when none or several were. */
  soleStory(termId: number): number {
    const bigram = termId >= BIGRAM_BASE;
    const key = 2 * (bigram ? termId - BIGRAM_BASE : termId);
    const table = bigram ? this.bigrams : this.words;
    if (table === null || key >= table.length || table[key + 1] !== 1) return -1;
    return this.arena[table[key]!]!;
  }

  /** The class whose block holds entry number n (0-based). */
  private classOf(n: number): number {
    let cls = 0;
    while (cls < this.sizes.length - 1 && n >= this.sizes[cls]!) cls++;
    return cls;
  }

  private allocate(cls: number): number {
    const free = this.freeHead[cls]!;
    if (free >= 0) {
      this.freeHead[cls] = this.arena[free]!;
      return free;
    }
    const size = this.sizes[cls]!;
    if (this.used + size > this.arena.length) {
      const length = Math.max(this.arena.length * 2, this.used + size);
      this.arena = grown(this.arena.subarray(0, this.used), length);
    }
    const block = this.used;
    this.used += size;
    return block;
  }

  private release(block: number, cls: number): void {
    this.arena[block] = this.freeHead[cls]!;
    this.freeHead[cls] = block;
  }

  private growWords(key: number): void {
    let size = this.words.length;
    while (size <= key) size *= 2;
    this.words = grown(this.words, size);
  }

  private bigramTable(): Int32Array {
    if (this.bigrams === null) this.bigrams = new Int32Array(2 * BIGRAM_SLOTS);
    return this.bigrams;
  }
}

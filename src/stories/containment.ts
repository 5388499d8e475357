// Wire-copy detection by containment: does an earlier article reappear, nearly whole, inside this
// one? Syndicated copies add datelines, credit lines and local paragraphs, which move a SimHash far
// from the original, but they keep the original's word sequences. Each text is cut into word
// shingles, and a content-defined sample of them (the "anchors": shingles whose hash falls in one
// residue class, so original and copy sample the same shingles wherever they sit) is indexed. The
// share of an earlier article's anchors found in the new one estimates how much of it was copied.
// Buckets are linked lists in one typed array (16 bytes an anchor: next entry, owner and hash side
// by side, so each step of a scan reads one cache line), newest first, scanned to a cap.

import { grown } from "./arrays.ts";

/** Words per shingle: five-word sequences are rarely shared by chance, even between reports of one event. */
const SHINGLE_WORDS = 5;
/** One shingle in this many is an anchor (by hash): ~40 anchors for a 300-word article. */
const SAMPLE_MASK = 7;
/** Words read per text: copies are caught by their opening thousands of words; bounds the cost. */
const MAX_WORDS = 2000;
/** Hash-table slots for anchors at first (256 KB of heads). The table doubles whenever it holds more
 * anchors than slots: each step of a chain is a cache miss at a million articles, so chains are
 * kept to about one entry (with a fixed 2^20 slots they grew to ~5 and the lookups to 10 times
 * their cost at 10k articles). */
const INITIAL_SLOTS = 1 << 16;
/** Int32 words per entry (next, owner, hash, padding to 16 bytes so none straddles a line). */
const ENTRY = 4;

export interface ContainmentParams {
  /** Share of an earlier article's anchors found in the new one for it to be a copy. */
  minContainment: number;
  /** Fewest anchors an original needs: fewer leave too much to chance (short texts use SimHash). */
  minAnchors: number;
  /** The copy may add at most this many times the original's anchors (credit lines, local news);
   * more and it is a new article that quotes the old one. */
  maxGrowth: number;
  /** Entries examined per bucket, newest first. */
  bucketCap: number;
}

function mix(h: number, w: number): number {
  let x = Math.imul(h ^ w, 0x9e3779b1);
  x ^= x >>> 15;
  return Math.imul(x, 0x85ebca6b) >>> 0;
}

/** The distinct anchor hashes of a text, given its word hashes (in order). */
export function anchorsOf(wordHashes: ArrayLike<number>): number[] {
  const out: number[] = [];
  const n = Math.min(wordHashes.length, MAX_WORDS) - SHINGLE_WORDS + 1;
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = mix(h, wordHashes[i + k]!);
    h ^= h >>> 13;
    if ((h & SAMPLE_MASK) === 0) out.push(h >>> 0);
  }
  out.sort((a, b) => a - b);
  let m = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[m++] = out[i]!;
  out.length = m;
  return out;
}

export class ContainmentIndex {
  private heads = new Int32Array(INITIAL_SLOTS).fill(-1);
  /** Per entry e, at ENTRY * e: the next (older) entry in its bucket or -1, the article, the hash. */
  private entry = new Int32Array(ENTRY * 4096);
  private entries = 0;
  /** Anchors per article (by article number). */
  private anchorCount = new Uint16Array(1024);
  private hitStamp = new Int32Array(1024);
  private hitCount = new Uint16Array(1024);
  private stamp = 0;
  private readonly hits: number[] = [];

  constructor(private readonly p: ContainmentParams) {}

  /** The earlier article (number) most contained in these anchors, or -1. Lowest number on ties. */
  find(anchors: readonly number[]): number {
    const stamp = ++this.stamp;
    this.hits.length = 0;
    for (const h of anchors) {
      const entry = this.entry;
      const hash = h | 0;
      let e = this.heads[slot(h, this.heads.length)]!;
      for (let seen = 0; e >= 0 && seen < this.p.bucketCap; seen++, e = entry[ENTRY * e]!) {
        if (entry[ENTRY * e + 2] !== hash) continue;
        const a = entry[ENTRY * e + 1]!;
        if (this.hitStamp[a] !== stamp) {
          this.hitStamp[a] = stamp;
          this.hitCount[a] = 0;
          this.hits.push(a);
        }
        this.hitCount[a]!++;
      }
    }
    let best = -1;
    let bestShare = this.p.minContainment;
    for (const a of this.hits) {
      const own = this.anchorCount[a]!;
      if (own < this.p.minAnchors || anchors.length > this.p.maxGrowth * own) continue;
      const share = this.hitCount[a]! / own;
      if (share > bestShare || (share === bestShare && (best < 0 || a < best))) {
        best = a;
        bestShare = share;
      }
    }
    return best;
  }

  /** Indexes article number `a` (numbers are given in order: 0, 1, 2, ...). */
  add(a: number, anchors: readonly number[]): void {
    this.ensureArticle(a);
    this.anchorCount[a] = Math.min(anchors.length, 0xffff);
    for (const h of anchors) {
      const e = this.entries++;
      if (ENTRY * e >= this.entry.length) this.entry = grown(this.entry, 2 * this.entry.length);
      this.entry[ENTRY * e + 1] = a;
      this.entry[ENTRY * e + 2] = h | 0;
      this.link(e);
    }
    if (this.entries > this.heads.length) this.rehash();
  }

  /** Puts entry e at the head of its bucket. */
  private link(e: number): void {
    const s = slot(this.entry[ENTRY * e + 2]!, this.heads.length);
    this.entry[ENTRY * e] = this.heads[s]!;
    this.heads[s] = e;
  }

  /** Doubles the slots and relinks every entry, oldest first, so each bucket stays newest first. */
  private rehash(): void {
    this.heads = new Int32Array(this.heads.length * 2).fill(-1);
    for (let e = 0; e < this.entries; e++) this.link(e);
  }

  private ensureArticle(a: number): void {
    if (a < this.anchorCount.length) return;
    const size = Math.max(a + 1, this.anchorCount.length * 2);
    this.anchorCount = grown(this.anchorCount, size);
    this.hitStamp = grown(this.hitStamp, size);
    this.hitCount = grown(this.hitCount, size);
  }
}

/** The bucket of an anchor hash (its low bits are the sample's residue, the same for all). */
function slot(h: number, slots: number): number {
  return (h >>> 3) & (slots - 1);
}

// Near-duplicate fingerprints: 64-bit SimHash (Charikar 2002; Manku et al., WWW 2007) over word
// shingles. Two texts that differ by a few words land a few bits apart; unrelated texts ~32 apart.

import { tokenize } from "./terms.ts";

/** Words per shingle: 3 keeps word order (so a reordered text is not a copy) yet survives small edits. */
const SHINGLE_WORDS = 3;

/** A 64-bit fingerprint as two unsigned 32-bit halves, so no BigInt is needed on hot paths. */
export interface Fingerprint64 {
  hi: number;
  lo: number;
}

/** 32-bit MurmurHash3-style string hash with a seed (two seeds give 64 independent-enough bits). */
export function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEED_HI = 0x9747b28c;
const SEED_LO = 0x5bd1e995;

/** Mixes three 32-bit word hashes into one shingle hash (order-sensitive). */
function mix3(a: number, b: number, c: number, seed: number): number {
  let h = Math.imul(a ^ seed, 0x9e3779b1);
  h = Math.imul((h ^ b) + ((h << 6) | 0) + (h >>> 2), 0x85ebca6b);
  h = Math.imul((h ^ c) + ((h << 6) | 0) + (h >>> 2), 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
}

/** For each 4-bit value, its bits spread one to a byte: adding it to a 32-bit word counts four
 * votes at once, one counter per byte. */
const SPREAD = Int32Array.from({ length: 16 }, (_, x) => {
  let out = 0;
  for (let i = 0; i < 4; i++) out |= ((x >>> i) & 1) << (8 * i);
  return out;
});
/** Words added before the byte counters (at most 255) are flushed into the totals. */
const FLUSH_EVERY = 255;

/** Votes for each of 32 bits: eight words of four byte-wide counters (bit 4j + i in byte i of
 * word j), added a nibble at a time and flushed into 32 totals before a byte can overflow. */
class BitVotes {
  private readonly lanes = new Int32Array(8);
  private readonly totals = new Int32Array(32);
  private pending = 0;

  add(bits: number): void {
    const lanes = this.lanes;
    for (let j = 0; j < 8; j++) lanes[j]! += SPREAD[(bits >>> (4 * j)) & 15]!;
    if (++this.pending === FLUSH_EVERY) this.flush();
  }

  /** The bits voted for by more than half of n; resets the counts. */
  majority(n: number): number {
    this.flush();
    let out = 0;
    for (let b = 0; b < 32; b++) if (2 * this.totals[b]! > n) out |= 1 << b;
    this.totals.fill(0);
    return out >>> 0;
  }

  private flush(): void {
    for (let j = 0; j < 8; j++) {
      const lane = this.lanes[j]!;
      for (let i = 0; i < 4; i++) this.totals[4 * j + i]! += (lane >>> (8 * i)) & 0xff;
      this.lanes[j] = 0;
    }
    this.pending = 0;
  }
}

const votesHi = new BitVotes();
const votesLo = new BitVotes();

/** Hashes of words (as tokenize gives them), the input of simhashOfWords and shingle sketches. */
export function wordHashes(words: readonly string[]): Uint32Array {
  const out = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = hash32(words[i]!, SEED_HI);
  return out;
}

/** SimHash of word shingles, from the words' hashes (see wordHashes). */
export function simhashOfWords(hashes: ArrayLike<number>): Fingerprint64 {
  const count = hashes.length;
  const n = count < SHINGLE_WORDS ? Math.min(count, 1) : count - 2;
  for (let i = 0; i < n; i++) {
    const a = hashes[i]!;
    const b = i + 1 < count ? hashes[i + 1]! : 0;
    const c = i + 2 < count ? hashes[i + 2]! : 0;
    votesHi.add(mix3(a, b, c, SEED_HI));
    votesLo.add(mix3(a, b, c, SEED_LO));
  }
  // A bit is set when more than half of the shingles voted for it.
  return { hi: votesHi.majority(n), lo: votesLo.majority(n) };
}

/** SimHash of a text's word shingles (all words, stop words too: copies keep their function words). */
export function simhash(text: string): Fingerprint64 {
  return simhashOfWords(wordHashes(tokenize(text)));
}

/** Set bits in a 32-bit integer. */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits that differ between two fingerprints, 0..64. */
export function hammingDistance(a: Fingerprint64, b: Fingerprint64): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0);
}

/** 16 lowercase hex digits. */
export function toHex(f: Fingerprint64): string {
  return f.hi.toString(16).padStart(8, "0") + f.lo.toString(16).padStart(8, "0");
}

/** Parses 16 hex digits, or null when the string is not one. */
export function fromHex(hex: string): Fingerprint64 | null {
  if (!/^[0-9a-f]{16}$/i.test(hex)) return null;
  return {
    hi: Number.parseInt(hex.slice(0, 8), 16) >>> 0,
    lo: Number.parseInt(hex.slice(8), 16) >>> 0,
  };
}

/** 64-bit SimHash of a text as 16 hex digits (what `Article.fingerprint` holds). */
export function fingerprint(text: string): string {
  return toHex(simhash(text));
}

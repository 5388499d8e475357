// Every story's compact state, as columns of typed arrays indexed by story number: its truncated
// centroid, size, time span, cached norm and merge alias. Scoring a candidate story then reads a
// few adjacent slots instead of following pointers through objects, which at a million articles
// missed the cache at every hop.
// Centroids live in one arena: a block per story holding term ids then their weights (one
// ArrayBuffer seen as Int32 and Float32), sized by doubling classes up to the longest centroid
// kept, and recycled through per-class free lists when a centroid moves or is merged away.

import { grown } from "./arrays.ts";
import type { IdfOf, SparseVector, SpreadVector } from "./sparse.ts";

/** Smallest centroid block, in terms. */
const MIN_BLOCK = 8;

export class Stories {
  /** Public ids ("s-" + first article id). */
  readonly ids: string[] = [];
  /** Article index of the first article: the older story is the one with the smaller index. */
  firstArticle = new Int32Array(1024);
  size = new Int32Array(1024);
  /** Size at the story's last merge check (0: never checked). */
  checkedSize = new Int32Array(1024);
  /** Earliest and latest known publication times (NaN while no article had a date). */
  firstAt = new Float64Array(1024);
  lastAt = new Float64Array(1024);
  /** Cached norm of the IDF-weighted centroid and the article count it was computed at (-1: stale). */
  norm = new Float64Array(1024);
  normAt = new Float64Array(1024);
  /** The story this one was merged into, or -1 while it lives. 4 bytes a story, so the array
   * stays in cache while every posting entry of a candidate search is resolved through it. */
  alias = new Int32Array(1024);
  /** Centroid block offset (in 32-bit words), class and length (terms). */
  private start = new Int32Array(1024);
  private block = new Int8Array(1024);
  length = new Int32Array(1024);
  /** Block sizes (terms) by class: MIN_BLOCK doubling, the last one maxTerms. */
  private readonly sizes: number[] = [];
  private readonly freeHead: number[];
  private buffer = new ArrayBuffer(1 << 20);
  termIds = new Int32Array(this.buffer);
  termWeights = new Float32Array(this.buffer);
  private used = 0;

  /** maxTerms: the longest centroid ever stored. */
  constructor(maxTerms: number) {
    for (let size = MIN_BLOCK; size < maxTerms; size *= 2) this.sizes.push(size);
    this.sizes.push(Math.max(maxTerms, 1));
    this.freeHead = this.sizes.map(() => -1);
  }

  get count(): number {
    return this.ids.length;
  }

  /** Adds an empty story; returns its number. */
  add(id: string, firstArticle: number): number {
    const s = this.ids.length;
    this.ids.push(id);
    if (s >= this.size.length) this.grow(s * 2);
    this.firstArticle[s] = firstArticle;
    this.size[s] = 0;
    this.checkedSize[s] = 0;
    this.firstAt[s] = Number.NaN;
    this.lastAt[s] = Number.NaN;
    this.norm[s] = 0;
    this.normAt[s] = -1;
    this.alias[s] = -1;
    this.length[s] = 0;
    this.block[s] = -1;
    return s;
  }

  touch(s: number, at: number): void {
    if (!Number.isFinite(at)) return;
    if (!(at >= this.firstAt[s]!)) this.firstAt[s] = at;
    if (!(at <= this.lastAt[s]!)) this.lastAt[s] = at;
  }

  /** Time between a moment (or span) and a story's span; NaN when either is unknown. */
  gapMs(s: number, from: number, to: number): number {
    const first = this.firstAt[s]!;
    if (!Number.isFinite(first) || !Number.isFinite(from)) return Number.NaN;
    return Math.max(0, from - this.lastAt[s]!, first - to);
  }

  /** The centroid as a vector (views into the arena: valid until the next centroid change). */
  centroid(s: number): SparseVector {
    const start = this.start[s]!;
    const n = this.length[s]!;
    const cap = n === 0 ? 0 : this.sizes[this.block[s]!]!;
    return {
      ids: this.termIds.subarray(start, start + n),
      weights: this.termWeights.subarray(start + cap, start + cap + n),
    };
  }

  /** Where the centroid's weights start in termWeights (its ids start at centroidStart). */
  centroidStart(s: number): number {
    return this.start[s]!;
  }

  weightsStart(s: number): number {
    return this.length[s] === 0 ? this.start[s]! : this.start[s]! + this.sizes[this.block[s]!]!;
  }

  /** dot(spread vector, centroid of s), with the IDF the spread vector was loaded with. */
  dot(s: number, spread: SpreadVector): number {
    return spread.dotRange(
      this.termIds,
      this.termWeights,
      this.start[s]!,
      this.weightsStart(s),
      this.length[s]!,
    );
  }

  /** Euclidean norm of the IDF-weighted centroid. */
  centroidNorm(s: number, idf: IdfOf): number {
    const ids = this.termIds;
    const weights = this.termWeights;
    const start = this.start[s]!;
    const w = this.weightsStart(s);
    let sum = 0;
    for (let i = 0; i < this.length[s]!; i++) {
      const x = weights[w + i]! * idf(ids[start + i]!);
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  /** Replaces the centroid with the first n terms of (ids, weights). */
  setCentroid(s: number, ids: Int32Array, weights: Float32Array, n: number): void {
    let cls = this.block[s]!;
    if (cls < 0 || n > this.sizes[cls]!) {
      if (cls >= 0) this.release(s);
      cls = 0;
      while (this.sizes[cls]! < n) cls++;
      this.start[s] = this.allocate(cls);
      this.block[s] = cls;
    }
    const start = this.start[s]!;
    const cap = this.sizes[cls]!;
    this.termIds.set(ids.subarray(0, n), start);
    this.termWeights.set(weights.subarray(0, n), start + cap);
    this.length[s] = n;
  }

  /** Empties the centroid (a story merged away), recycling its block. */
  clearCentroid(s: number): void {
    if (this.block[s]! >= 0) this.release(s);
    this.block[s] = -1;
    this.length[s] = 0;
  }

  private allocate(cls: number): number {
    const free = this.freeHead[cls]!;
    if (free >= 0) {
      this.freeHead[cls] = this.termIds[free]!;
      return free;
    }
    const words = 2 * this.sizes[cls]!;
    if (this.used + words > this.termIds.length) {
      const buffer = new ArrayBuffer(Math.max(this.buffer.byteLength * 2, (this.used + words) * 4));
      new Int32Array(buffer).set(this.termIds.subarray(0, this.used));
      this.buffer = buffer;
      this.termIds = new Int32Array(buffer);
      this.termWeights = new Float32Array(buffer);
    }
    const at = this.used;
    this.used += words;
    return at;
  }

  private release(s: number): void {
    const cls = this.block[s]!;
    this.termIds[this.start[s]!] = this.freeHead[cls]!;
    this.freeHead[cls] = this.start[s]!;
  }

  private grow(size: number): void {
    this.firstArticle = grown(this.firstArticle, size);
    this.size = grown(this.size, size);
    this.checkedSize = grown(this.checkedSize, size);
    this.firstAt = grown(this.firstAt, size);
    this.lastAt = grown(this.lastAt, size);
    this.norm = grown(this.norm, size);
    this.normAt = grown(this.normAt, size);
    this.alias = grown(this.alias, size);
    this.start = grown(this.start, size);
    this.length = grown(this.length, size);
    this.block = grown(this.block, size);
  }
}

/** Multiplier for similarity across a time gap: 1 within the grace period, halving per half-life. */
export function decay(gap: number, graceMs: number, halfLifeMs: number): number {
  if (!Number.isFinite(gap) || gap <= graceMs) return 1;
  return 0.5 ** ((gap - graceMs) / halfLifeMs);
}

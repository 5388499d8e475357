// Every story's compact state, indexed by story number: its truncated centroid, size, time span,
// cached norm and merge alias. What scoring a candidate reads (first time, norm, size, where its
// centroid is) sits in one row of eight doubles, 64 bytes: one cache line a story. At a million
// articles the candidates of an article are scattered over the archive, and a column per field
// (the first layout) cost a cache miss per field read: rows took 64.5 -> 61.6 us per article at
// 1M on the bench's stream, the same at 10k. The latest time and the merge alias are the exception:
// the candidate search reads both for every posting entry (hundreds an article), before any
// scoring, and as two small columns (12 bytes a story) they stay in cache where rows do not.
// Centroids live in one arena: a block per story holding term ids then their weights (one
// ArrayBuffer seen as Int32 and Float32), sized by doubling classes up to the longest centroid
// kept, and recycled through per-class free lists when a centroid moves or is merged away.

import { grown } from "./arrays.ts";
import type { IdfOf, SparseVector, SpreadVector } from "./sparse.ts";

/** Smallest centroid block, in terms. */
const MIN_BLOCK = 8;

/** A story's row: its fields' offsets (seven fields, padded to eight so a row is one cache line). */
const ROW = 8;
/** Earliest known publication time (NaN while no article had a date). */
const FIRST_AT = 0;
/** Cached norm of the IDF-weighted centroid and the article count it was computed at (-1: stale). */
const NORM = 1;
const NORM_AT = 2;
const SIZE = 3;
/** Centroid block offset (in 32-bit words) and length (terms). */
const START = 4;
const LENGTH = 5;
/** Articles whose words are in the centroid: the size less the copies (see reports). */
const REPORTS = 6;

export class Stories {
  /** Public ids ("s-" + first article id). */
  readonly ids: string[] = [];
  /** Article index of the first article: the older story is the one with the smaller index. */
  firstArticle = new Int32Array(1024);
  /** Size at the story's last merge check, and reports at its last split check (0: never
   * checked): each check waits for the story to grow by mergeRecheckGrowth. */
  mergeCheckedSize = new Int32Array(1024);
  splitCheckedReports = new Int32Array(1024);
  private rows = new Float64Array(1024 * ROW);
  /** Latest known publication time (NaN while no article had a date), and the story this one was
   * merged into (-1 while it lives): columns, not row fields (see the top of this file). */
  private lastAtColumn = new Float64Array(1024);
  private aliasColumn = new Int32Array(1024);
  /** Centroid block class. */
  private block = new Int8Array(1024);
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
    if (s >= this.firstArticle.length) this.grow(s * 2);
    this.firstArticle[s] = firstArticle;
    this.mergeCheckedSize[s] = 0;
    this.splitCheckedReports[s] = 0;
    this.block[s] = -1;
    const r = s * ROW;
    const rows = this.rows;
    rows[r + FIRST_AT] = Number.NaN;
    rows[r + NORM] = 0;
    rows[r + NORM_AT] = -1;
    rows[r + SIZE] = 0;
    this.lastAtColumn[s] = Number.NaN;
    this.aliasColumn[s] = -1;
    rows[r + START] = 0;
    rows[r + LENGTH] = 0;
    rows[r + REPORTS] = 0;
    return s;
  }

  size(s: number): number {
    return this.rows[s * ROW + SIZE]!;
  }

  /** Counts n more articles in the story, of which `reports` added their words to its centroid
   * (a wire copy adds none). */
  grewBy(s: number, n: number, reports = n): void {
    this.rows[s * ROW + SIZE]! += n;
    this.rows[s * ROW + REPORTS]! += reports;
  }

  /** Articles whose words are in the centroid: what a centroid's steadiness rests on. */
  reports(s: number): number {
    return this.rows[s * ROW + REPORTS]!;
  }

  lastAt(s: number): number {
    return this.lastAtColumn[s]!;
  }

  firstAt(s: number): number {
    return this.rows[s * ROW + FIRST_AT]!;
  }

  alias(s: number): number {
    return this.aliasColumn[s]!;
  }

  setAlias(s: number, into: number): void {
    this.aliasColumn[s] = into;
  }

  /** The cached norm; stale when normAt is -1. */
  cachedNorm(s: number): number {
    return this.rows[s * ROW + NORM]!;
  }

  /** The article count the cached norm was computed at; -1 when stale. */
  normAt(s: number): number {
    return this.rows[s * ROW + NORM_AT]!;
  }

  setNorm(s: number, norm: number, at: number): void {
    this.rows[s * ROW + NORM] = norm;
    this.rows[s * ROW + NORM_AT] = at;
  }

  /** Marks the cached norm stale (the centroid changed). */
  staleNorm(s: number): void {
    this.rows[s * ROW + NORM_AT] = -1;
  }

  /** Forgets the story's time span (until the next touch), for a split to rebuild it. */
  clearSpan(s: number): void {
    this.rows[s * ROW + FIRST_AT] = Number.NaN;
    this.lastAtColumn[s] = Number.NaN;
  }

  touch(s: number, at: number): void {
    if (!Number.isFinite(at)) return;
    const r = s * ROW;
    const rows = this.rows;
    if (!(at >= rows[r + FIRST_AT]!)) rows[r + FIRST_AT] = at;
    if (!(at <= this.lastAtColumn[s]!)) this.lastAtColumn[s] = at;
  }

  /** Time between a moment (or span) and a story's span; NaN when either is unknown. */
  gapMs(s: number, from: number, to: number): number {
    const r = s * ROW;
    const first = this.rows[r + FIRST_AT]!;
    if (!Number.isFinite(first) || !Number.isFinite(from)) return Number.NaN;
    return Math.max(0, from - this.lastAtColumn[s]!, first - to);
  }

  /** The centroid as a vector (views into the arena: valid until the next centroid change). */
  centroid(s: number): SparseVector {
    const start = this.centroidStart(s);
    const n = this.centroidLength(s);
    const cap = n === 0 ? 0 : this.sizes[this.block[s]!]!;
    return {
      ids: this.termIds.subarray(start, start + n),
      weights: this.termWeights.subarray(start + cap, start + cap + n),
    };
  }

  /** Where the centroid's term ids start in termIds. */
  centroidStart(s: number): number {
    return this.rows[s * ROW + START]!;
  }

  /** Terms in the centroid. */
  centroidLength(s: number): number {
    return this.rows[s * ROW + LENGTH]!;
  }

  /** Where the centroid's weights start in termWeights: after its block's ids. */
  weightsStart(s: number): number {
    const start = this.centroidStart(s);
    return this.centroidLength(s) === 0 ? start : start + this.sizes[this.block[s]!]!;
  }

  /** dot(spread vector, centroid of s), with the IDF the spread vector was loaded with. */
  dot(s: number, spread: SpreadVector): number {
    return spread.dotRange(
      this.termIds,
      this.termWeights,
      this.centroidStart(s),
      this.weightsStart(s),
      this.centroidLength(s),
    );
  }

  /** Euclidean norm of the IDF-weighted centroid. */
  centroidNorm(s: number, idf: IdfOf): number {
    // sparse.norm over the arena in place, without the two views centroid() would allocate.
    const ids = this.termIds;
    const weights = this.termWeights;
    const start = this.centroidStart(s);
    const w = this.weightsStart(s);
    const n = this.centroidLength(s);
    let sum = 0;
    for (let i = 0; i < n; i++) {
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
      this.rows[s * ROW + START] = this.allocate(cls);
      this.block[s] = cls;
    }
    const start = this.centroidStart(s);
    const cap = this.sizes[cls]!;
    this.termIds.set(ids.subarray(0, n), start);
    this.termWeights.set(weights.subarray(0, n), start + cap);
    this.rows[s * ROW + LENGTH] = n;
  }

  /** Empties the centroid (a story merged away), recycling its block. */
  clearCentroid(s: number): void {
    if (this.block[s]! >= 0) this.release(s);
    this.block[s] = -1;
    this.rows[s * ROW + LENGTH] = 0;
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
    const start = this.centroidStart(s);
    this.termIds[start] = this.freeHead[cls]!;
    this.freeHead[cls] = start;
  }

  private grow(size: number): void {
    this.firstArticle = grown(this.firstArticle, size);
    this.mergeCheckedSize = grown(this.mergeCheckedSize, size);
    this.splitCheckedReports = grown(this.splitCheckedReports, size);
    this.rows = grown(this.rows, size * ROW);
    this.lastAtColumn = grown(this.lastAtColumn, size);
    this.aliasColumn = grown(this.aliasColumn, size);
    this.block = grown(this.block, size);
  }
}

/** Multiplier for similarity across a time gap: 1 within the grace period, halving per half-life. */
export function decay(gap: number, graceMs: number, halfLifeMs: number): number {
  if (!Number.isFinite(gap) || gap <= graceMs) return 1;
  return 0.5 ** ((gap - graceMs) / halfLifeMs);
}

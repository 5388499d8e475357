// Sparse vectors as parallel typed arrays sorted by term id: 8 bytes a term. Stored weights carry
// no IDF; every operation takes the current IDF of each term. dot() is the reference product;
// the clusterer's hot paths use SpreadVector, sum and TopK, which give bit-identical results
// without allocating per article (sparse.test.ts checks them against the plain definitions).

import { grown } from "./arrays.ts";
import { BIGRAM_BASE, BIGRAM_SLOTS } from "./vocabulary.ts";

export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export type IdfOf = (termId: number) => number;

/** Euclidean norm of the IDF-weighted vector. */
export function norm(v: SparseVector, idf: IdfOf): number {
  let sum = 0;
  for (let i = 0; i < v.ids.length; i++) {
    const x = v.weights[i]! * idf(v.ids[i]!);
    sum += x * x;
  }
  return Math.sqrt(sum);
}

/** Dot product of the IDF-weighted vectors. */
export function dot(a: SparseVector, b: SparseVector, idf: IdfOf): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      const f = idf(x);
      sum += a.weights[i]! * b.weights[j]! * f * f;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** One vector spread out by term id, for many dot products with it (an article against its
 * candidate stories): each product walks only the other vector and tests one bit per term, where
 * a merge of two sorted lists branches unpredictably at every step. Sums the same products in the
 * same (term id) order as dot(), so the results are identical. */
export class SpreadVector {
  /** One bit per term id below BIGRAM_BASE, then (lazily) per hashed bigram slot; for each term
   * spread, side by side, its weight and its IDF (taken at load: the IDF holds still while one
   * vector is compared with its candidates, and a matched term then costs one cache line). */
  private wordBits = new Int32Array(1024);
  private wordTerm = new Float64Array(2 * 1024 * 32);
  private bigramBits: Int32Array | null = null;
  private bigramTerm: Float64Array | null = null;
  /** The ids spread (copied: the vector may change before the next load clears them). */
  private loaded = new Int32Array(256);
  private loadedLength = 0;

  /** Spreads v (replacing the vector spread before), with the current IDF. */
  load(v: SparseVector, idf: IdfOf): void {
    this.clear();
    const ids = v.ids;
    if (ids.length > this.loaded.length) this.loaded = new Int32Array(ids.length * 2);
    this.loaded.set(ids);
    this.loadedLength = ids.length;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < BIGRAM_BASE) {
        if (id >>> 5 >= this.wordBits.length) this.growWords(id);
        this.wordBits[id >>> 5]! |= 1 << (id & 31);
        this.wordTerm[2 * id] = v.weights[i]!;
        this.wordTerm[2 * id + 1] = idf(id);
      } else {
        const slot = id - BIGRAM_BASE;
        if (this.bigramBits === null) {
          this.bigramBits = new Int32Array(BIGRAM_SLOTS >>> 5);
          this.bigramTerm = new Float64Array(2 * BIGRAM_SLOTS);
        }
        this.bigramBits[slot >>> 5]! |= 1 << (slot & 31);
        this.bigramTerm![2 * slot] = v.weights[i]!;
        this.bigramTerm![2 * slot + 1] = idf(id);
      }
    }
  }

  /** dot with the vector of n terms at ids[idStart..] and weights[weightStart..]. */
  dotRange(
    ids: Int32Array,
    weights: Float32Array,
    idStart: number,
    weightStart: number,
    n: number,
  ): number {
    const bits = this.wordBits;
    const words = bits.length;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const id = ids[idStart + j]!;
      if (id < BIGRAM_BASE) {
        const word = id >>> 5;
        if (word >= words || (bits[word]! & (1 << (id & 31))) === 0) continue;
        const f = this.wordTerm[2 * id + 1]!;
        sum += this.wordTerm[2 * id]! * weights[weightStart + j]! * f * f;
      } else if (this.bigramBits !== null) {
        const slot = id - BIGRAM_BASE;
        if ((this.bigramBits[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
        const f = this.bigramTerm![2 * slot + 1]!;
        sum += this.bigramTerm![2 * slot]! * weights[weightStart + j]! * f * f;
      }
    }
    return sum;
  }

  private clear(): void {
    const ids = this.loaded;
    for (let i = 0; i < this.loadedLength; i++) {
      const id = ids[i]!;
      if (id < BIGRAM_BASE) this.wordBits[id >>> 5] = 0;
      else this.bigramBits![(id - BIGRAM_BASE) >>> 5] = 0;
    }
    this.loadedLength = 0;
  }

  private growWords(id: number): void {
    let size = this.wordBits.length;
    while (size <= id >>> 5) size *= 2;
    this.wordBits = grown(this.wordBits, size);
    this.wordTerm = grown(this.wordTerm, 2 * size * 32);
  }
}

/** Scratch for sum(): the merged vector before it is truncated or copied out. */
let sumIds = new Int32Array(256);
let sumWeights = new Float32Array(256);
let sumMass = new Float64Array(256);
let sumSelect = new Float64Array(256);

/** The result of sum(): the first `length` terms of ids and weights, valid until the next call. */
export interface Summed {
  ids: Int32Array;
  weights: Float32Array;
  length: number;
}

const summed: Summed = { ids: sumIds, weights: sumWeights, length: 0 };

/** a + scale * b; when it holds more than `max` terms, only the `keep` heaviest (IDF-weighted
 * mass; ties keep the lower ids), still sorted by id. Merged into scratch arrays, which are
 * returned: nothing is allocated. */
export function sum(
  a: SparseVector,
  b: SparseVector,
  scale: number,
  max: number,
  keep: number,
  idf: IdfOf,
): Summed {
  const size = a.ids.length + b.ids.length;
  if (size > sumIds.length) {
    sumIds = new Int32Array(size * 2);
    sumWeights = new Float32Array(size * 2);
    sumMass = new Float64Array(size * 2);
    sumSelect = new Float64Array(size * 2);
  }
  const ids = sumIds;
  const weights = sumWeights;
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      ids[n] = x;
      weights[n++] = a.weights[i++]! + scale * b.weights[j++]!;
    } else if (x < y) {
      ids[n] = x;
      weights[n++] = a.weights[i++]!;
    } else {
      ids[n] = y;
      weights[n++] = scale * b.weights[j++]!;
    }
  }
  for (; i < ai.length; i++, n++) {
    ids[n] = ai[i]!;
    weights[n] = a.weights[i]!;
  }
  for (; j < bi.length; j++, n++) {
    ids[n] = bi[j]!;
    weights[n] = scale * b.weights[j]!;
  }
  summed.ids = ids;
  summed.weights = weights;
  summed.length = n <= max || n <= keep ? n : keepHeaviest(ids, weights, n, keep, idf);
  return summed;
}

/** Keeps, in place, the k heaviest of the first n terms of (ids, weights) (k < n), still sorted
 * by id (ties keep the lower ids); returns k. */
function keepHeaviest(
  ids: Int32Array,
  weights: Float32Array,
  n: number,
  k: number,
  idf: IdfOf,
): number {
  const mass = sumMass;
  for (let i = 0; i < n; i++) mass[i] = weights[i]! * idf(ids[i]!);
  sumSelect.set(mass.subarray(0, n));
  const cut = kthSmallest(sumSelect, n, n - k);
  let above = 0;
  for (let i = 0; i < n; i++) if (mass[i]! > cut) above++;
  let ties = k - above;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (mass[i]! > cut || (mass[i] === cut && ties-- > 0)) {
      ids[m] = ids[i]!;
      weights[m++] = weights[i]!;
    }
  }
  return k;
}

/** The value at position r (0-based) of the first n values in ascending order (quickselect, the
 * values reordered in place): what sorting them all and reading position r would give. */
function kthSmallest(values: Float64Array, n: number, r: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (r <= j) hi = j;
    else if (r >= i) lo = i;
    else return values[r]!;
  }
  return values[r]!;
}

/** The k heaviest of the items offered (by mass; ties: the one offered first), heaviest first.
 * Items must be offered in ascending index order. Insertion into a sorted buffer: O(n) when, as
 * usual, few items beat the current k-th. */
export class TopK {
  index: Int32Array;
  mass: Float64Array;
  size = 0;
  private k = 0;

  constructor(capacity = 16) {
    this.index = new Int32Array(capacity);
    this.mass = new Float64Array(capacity);
  }

  reset(k: number): void {
    if (k > this.index.length) {
      this.index = new Int32Array(k);
      this.mass = new Float64Array(k);
    }
    this.k = k;
    this.size = 0;
  }

  offer(index: number, mass: number): void {
    let n = this.size;
    if (n === this.k) {
      if (n === 0 || !(mass > this.mass[n - 1]!)) return;
      n--;
    }
    let j = n;
    for (; j > 0 && this.mass[j - 1]! < mass; j--) {
      this.index[j] = this.index[j - 1]!;
      this.mass[j] = this.mass[j - 1]!;
    }
    this.index[j] = index;
    this.mass[j] = mass;
    this.size = n + 1;
  }
}

/** Indexes of the n heaviest terms (IDF-weighted), heaviest first. */
export function heaviest(v: SparseVector, n: number, idf: IdfOf): number[] {
  const order = Array.from(v.ids.keys());
  const mass = order.map((i) => v.weights[i]! * idf(v.ids[i]!));
  order.sort((x, y) => mass[y]! - mass[x]! || x - y);
  return order.slice(0, n);
}

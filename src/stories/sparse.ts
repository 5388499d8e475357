// Sparse vectors as parallel typed arrays sorted by term id: 8 bytes a term, merge-join products.
// Stored weights carry no IDF; every operation takes the current IDF of each term.

import { BIGRAM_BASE, BIGRAM_SLOTS } from "./vocabulary.ts";

export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export type IdfOf = (termId: number) => number;

export const EMPTY: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0) };

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
  /** One bit per term id below BIGRAM_BASE, then (lazily) per hashed bigram slot. */
  private wordBits = new Int32Array(1024);
  private wordWeight = new Float32Array(1024 * 32);
  private bigramBits: Int32Array | null = null;
  private bigramWeight: Float32Array | null = null;
  private spread: SparseVector = EMPTY;

  /** Spreads v (replacing the vector spread before). */
  load(v: SparseVector): void {
    this.clear();
    this.spread = v;
    const ids = v.ids;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < BIGRAM_BASE) {
        if (id >>> 5 >= this.wordBits.length) this.growWords(id);
        this.wordBits[id >>> 5]! |= 1 << (id & 31);
        this.wordWeight[id] = v.weights[i]!;
      } else {
        const slot = id - BIGRAM_BASE;
        if (this.bigramBits === null) {
          this.bigramBits = new Int32Array(BIGRAM_SLOTS >>> 5);
          this.bigramWeight = new Float32Array(BIGRAM_SLOTS);
        }
        this.bigramBits[slot >>> 5]! |= 1 << (slot & 31);
        this.bigramWeight![slot] = v.weights[i]!;
      }
    }
  }

  /** dot(spread vector, b, idf), by b's terms. */
  dot(b: SparseVector, idf: IdfOf): number {
    const bits = this.wordBits;
    const words = bits.length;
    const ids = b.ids;
    let sum = 0;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      if (id < BIGRAM_BASE) {
        const word = id >>> 5;
        if (word >= words || (bits[word]! & (1 << (id & 31))) === 0) continue;
        const f = idf(id);
        sum += this.wordWeight[id]! * b.weights[j]! * f * f;
      } else if (this.bigramBits !== null) {
        const slot = id - BIGRAM_BASE;
        if ((this.bigramBits[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
        const f = idf(id);
        sum += this.bigramWeight![slot]! * b.weights[j]! * f * f;
      }
    }
    return sum;
  }

  private clear(): void {
    const ids = this.spread.ids;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < BIGRAM_BASE) this.wordBits[id >>> 5] = 0;
      else this.bigramBits![(id - BIGRAM_BASE) >>> 5] = 0;
    }
    this.spread = EMPTY;
  }

  private growWords(id: number): void {
    let size = this.wordBits.length;
    while (size <= id >>> 5) size *= 2;
    const bits = new Int32Array(size);
    bits.set(this.wordBits);
    this.wordBits = bits;
    const weight = new Float32Array(size * 32);
    weight.set(this.wordWeight);
    this.wordWeight = weight;
  }
}

/** Scratch for sum(): the merged vector before it is truncated or copied out. */
let sumIds = new Int32Array(256);
let sumWeights = new Float32Array(256);
let sumMass = new Float64Array(256);
let sumSelect = new Float64Array(256);

/** a + scale * b as a new vector; when it holds more than `max` terms, only the `keep` heaviest
 * (see truncate). Merges into scratch arrays, so only the result is allocated. */
export function sum(
  a: SparseVector,
  b: SparseVector,
  scale: number,
  max: number,
  keep: number,
  idf: IdfOf,
): SparseVector {
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
  if (n <= max || n <= keep) return { ids: ids.slice(0, n), weights: weights.slice(0, n) };
  return heaviestOf(ids, weights, n, keep, idf);
}

/** The first n terms of (ids, weights) cut to the k heaviest (k < n), as a new vector. */
function heaviestOf(
  ids: Int32Array,
  weights: Float32Array,
  n: number,
  k: number,
  idf: IdfOf,
): SparseVector {
  const mass = sumMass;
  for (let i = 0; i < n; i++) mass[i] = weights[i]! * idf(ids[i]!);
  sumSelect.set(mass.subarray(0, n));
  const cut = kthSmallest(sumSelect, n, n - k);
  let above = 0;
  for (let i = 0; i < n; i++) if (mass[i]! > cut) above++;
  let ties = k - above;
  const keptIds = new Int32Array(k);
  const keptWeights = new Float32Array(k);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (mass[i]! > cut || (mass[i] === cut && ties-- > 0)) {
      keptIds[m] = ids[i]!;
      keptWeights[m++] = weights[i]!;
    }
  }
  return { ids: keptIds, weights: keptWeights };
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

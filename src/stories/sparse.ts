// Sparse vectors as parallel typed arrays sorted by term id: 8 bytes a term, merge-join products.
// Stored weights carry no IDF; every operation takes the current IDF of each term.

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

/** a + scale * b, as a new vector. */
export function addScaled(a: SparseVector, b: SparseVector, scale: number): SparseVector {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  const weights = new Float32Array(ids.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const x = i < a.ids.length ? a.ids[i]! : Number.MAX_SAFE_INTEGER;
    const y = j < b.ids.length ? b.ids[j]! : Number.MAX_SAFE_INTEGER;
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
  return { ids: ids.slice(0, n), weights: weights.slice(0, n) };
}

/** The k terms with the most IDF-weighted mass, still sorted by id (ties keep the lower ids). */
export function truncate(v: SparseVector, k: number, idf: IdfOf): SparseVector {
  const n = v.ids.length;
  if (n <= k) return v;
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) mass[i] = v.weights[i]! * idf(v.ids[i]!);
  const cut = mass.slice().sort()[n - k]!;
  let above = 0;
  for (let i = 0; i < n; i++) if (mass[i]! > cut) above++;
  let ties = k - above;
  const ids = new Int32Array(k);
  const weights = new Float32Array(k);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (mass[i]! > cut || (mass[i] === cut && ties-- > 0)) {
      ids[m] = v.ids[i]!;
      weights[m++] = v.weights[i]!;
    }
  }
  return { ids, weights };
}

/** Indexes of the n heaviest terms (IDF-weighted), heaviest first. */
export function heaviest(v: SparseVector, n: number, idf: IdfOf): number[] {
  const order = Array.from(v.ids.keys());
  const mass = order.map((i) => v.weights[i]! * idf(v.ids[i]!));
  order.sort((x, y) => mass[y]! - mass[x]! || x - y);
  return order.slice(0, n);
}

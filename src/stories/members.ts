// Which articles each story holds, and the heaviest terms each article brought to it: what a split
// check reads (see split.ts) and what a split moves. A story's articles form a list linked through
// `next` (merging two stories joins their lists in constant time), and every article's terms sit in
// one shared pool: about 180 bytes an article, no object per article.

import { grown } from "./arrays.ts";
import type { SparseVector } from "./sparse.ts";

export class Members {
  /** Per article: the next article of its story (-1: the last), where its terms start in the pool,
   * how many it has (0: a wire copy, which brought none), how many distinct terms it had in all
   * (what tells a long report from a short one), and its publication time. */
  private next = new Int32Array(1024).fill(-1);
  private termStart = new Int32Array(1024);
  private termCount = new Uint16Array(1024);
  private distinctTerms = new Uint16Array(1024);
  private at = new Float64Array(1024);
  /** Per story: its first and last article (-1: none). */
  private head = new Int32Array(1024).fill(-1);
  private tail = new Int32Array(1024).fill(-1);
  /** Per story: the story it was split from (-1: none; see keepApart). */
  private splitFrom = new Int32Array(1024).fill(-1);
  private poolIds = new Int32Array(1 << 16);
  private poolWeights = new Float32Array(1 << 16);
  private used = 0;

  /** Appends article a to story s with the first n of its terms, in any order, of `distinct` in
   * all (both 0 for a copy). */
  add(
    a: number,
    s: number,
    at: number,
    ids: ArrayLike<number>,
    weights: ArrayLike<number>,
    n: number,
    distinct: number,
  ) {
    this.ensureArticle(a);
    this.ensureStory(s);
    if (this.used + n > this.poolIds.length) {
      this.poolIds = grown(this.poolIds, (this.used + n) * 2);
      this.poolWeights = grown(this.poolWeights, (this.used + n) * 2);
    }
    for (let i = 0; i < n; i++) {
      this.poolIds[this.used + i] = ids[i]!;
      this.poolWeights[this.used + i] = weights[i]!;
    }
    sortByTerm(this.poolIds, this.poolWeights, this.used, n);
    this.termStart[a] = this.used;
    this.termCount[a] = n;
    this.distinctTerms[a] = Math.min(distinct, 0xffff);
    this.used += n;
    this.at[a] = at;
    this.append(s, a);
  }

  /** Moves every article of story `from` to the end of story `into`. */
  join(into: number, from: number): void {
    this.ensureStory(Math.max(into, from));
    const first = this.head[from]!;
    if (first < 0) return;
    if (this.tail[into]! < 0) this.head[into] = first;
    else this.next[this.tail[into]!] = first;
    this.tail[into] = this.tail[from]!;
    this.head[from] = -1;
    this.tail[from] = -1;
  }

  /** Records that story t was split from story s: the two are never merged back. */
  keepApart(t: number, s: number): void {
    this.ensureStory(Math.max(t, s));
    this.splitFrom[t] = s;
  }

  /** The story that story t was split from, or -1. */
  splitOf(t: number): number {
    return t < this.splitFrom.length ? this.splitFrom[t]! : -1;
  }

  /** The articles of story s, in the order they joined it (a merged story's after the other's). */
  list(s: number): number[] {
    const out: number[] = [];
    if (s >= this.head.length) return out;
    for (let a = this.head[s]!; a >= 0; a = this.next[a]!) out.push(a);
    return out;
  }

  /** Makes `articles` the whole of story s, in that order. */
  setList(s: number, articles: number[]): void {
    this.ensureStory(s);
    this.head[s] = -1;
    this.tail[s] = -1;
    for (const a of articles) {
      this.next[a] = -1;
      this.append(s, a);
    }
  }

  /** Article a's terms, sorted by id, with the weights it added to its story's centroid (views into
   * the pool: valid until the next add). Empty for a copy. */
  terms(a: number): SparseVector {
    const start = this.termStart[a]!;
    const n = this.termCount[a]!;
    return {
      ids: this.poolIds.subarray(start, start + n),
      weights: this.poolWeights.subarray(start, start + n),
    };
  }

  time(a: number): number {
    return this.at[a]!;
  }

  /** Distinct terms article a had (0 for a copy). */
  distinct(a: number): number {
    return this.distinctTerms[a]!;
  }

  private append(s: number, a: number): void {
    this.next[a] = -1;
    if (this.tail[s]! < 0) this.head[s] = a;
    else this.next[this.tail[s]!] = a;
    this.tail[s] = a;
  }

  private ensureArticle(a: number): void {
    if (a < this.next.length) return;
    const size = Math.max(a + 1, this.next.length * 2);
    this.next = grown(this.next, size, -1);
    this.termStart = grown(this.termStart, size);
    this.termCount = grown(this.termCount, size);
    this.distinctTerms = grown(this.distinctTerms, size);
    this.at = grown(this.at, size);
  }

  private ensureStory(s: number): void {
    if (s < this.head.length) return;
    const size = Math.max(s + 1, this.head.length * 2);
    this.head = grown(this.head, size, -1);
    this.tail = grown(this.tail, size, -1);
    this.splitFrom = grown(this.splitFrom, size, -1);
  }
}

/** Sorts n (id, weight) pairs from `start` by id, in place: insertion sort, as n is at most a few
 * dozen. */
function sortByTerm(ids: Int32Array, weights: Float32Array, start: number, n: number): void {
  for (let i = start + 1; i < start + n; i++) {
    const id = ids[i]!;
    const weight = weights[i]!;
    let j = i;
    for (; j > start && ids[j - 1]! > id; j--) {
      ids[j] = ids[j - 1]!;
      weights[j] = weights[j - 1]!;
    }
    ids[j] = id;
    weights[j] = weight;
  }
}

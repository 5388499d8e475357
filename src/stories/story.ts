// One story's compact state: a truncated centroid, its size and time span (merge aliases live
// in the clusterer's typed array).

import type { SparseVector } from "./sparse.ts";
import { EMPTY } from "./sparse.ts";

export class StoryState {
  /** Sum of its articles' length-normalised vectors, truncated to the heaviest terms. */
  vector: SparseVector = EMPTY;
  size = 0;
  /** Earliest and latest known publication times (NaN while no article had a date). */
  firstAt = Number.NaN;
  lastAt = Number.NaN;
  /** Cached norm of the IDF-weighted centroid and the article count it was computed at (-1: stale). */
  norm = 0;
  normAt = -1;

  constructor(
    readonly id: string,
    /** Article index of its first article: the older story is the one with the smaller index. */
    readonly firstArticle: number,
  ) {}

  touch(at: number): void {
    if (!Number.isFinite(at)) return;
    if (!(at >= this.firstAt)) this.firstAt = at;
    if (!(at <= this.lastAt)) this.lastAt = at;
  }
}

/** Time between a moment (or span) and a story's span; NaN when either is unknown. */
export function gapMs(story: StoryState, from: number, to: number): number {
  if (!Number.isFinite(story.firstAt) || !Number.isFinite(from)) return Number.NaN;
  return Math.max(0, from - story.lastAt, story.firstAt - to);
}

/** Multiplier for similarity across a time gap: 1 within the grace period, halving per half-life. */
export function decay(gap: number, graceMs: number, halfLifeMs: number): number {
  if (!Number.isFinite(gap) || gap <= graceMs) return 1;
  return 0.5 ** ((gap - graceMs) / halfLifeMs);
}

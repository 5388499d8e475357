// Near-duplicate lookup over 64-bit SimHash fingerprints with LSH banding: the fingerprint is cut
// into 8 bands of 8 bits, and two fingerprints at most 7 bits apart share at least one band exactly
// (pigeonhole). Buckets are linked lists in typed arrays (32 bytes an article), newest first; only
// the newest entries of a bucket are examined, since copies follow their original within days.

import type { Fingerprint64 } from "../text/fingerprint.ts";
import { popcount32 } from "../text/fingerprint.ts";

const BANDS = 8;
const BAND_SLOTS = 1 << 8;

function band(f: Fingerprint64, b: number): number {
  const word = b < 4 ? f.hi : f.lo;
  return ((word >>> ((b % 4) * 8)) & 0xff) + b * BAND_SLOTS;
}

export class DuplicateIndex {
  private readonly heads = new Int32Array(BANDS * BAND_SLOTS).fill(-1);
  private next = new Int32Array(BANDS * 1024);
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private count = 0;

  constructor(
    private readonly maxDistance: number,
    private readonly bucketCap: number,
  ) {}

  /** The closest earlier entry within maxDistance (lowest index on ties), or -1. */
  find(f: Fingerprint64): number {
    let best = -1;
    let bestDistance = this.maxDistance + 1;
    for (let b = 0; b < BANDS; b++) {
      let entry = this.heads[band(f, b)]!;
      for (let seen = 0; entry >= 0 && seen < this.bucketCap; seen++) {
        const d =
          popcount32((f.hi ^ this.hi[entry]!) >>> 0) + popcount32((f.lo ^ this.lo[entry]!) >>> 0);
        if (d < bestDistance || (d === bestDistance && entry < best)) {
          best = entry;
          bestDistance = d;
        }
        entry = this.next[entry * BANDS + b]!;
      }
    }
    return best;
  }

  /** Adds a fingerprint; returns its entry number (0, 1, 2, ... in order of addition). */
  add(f: Fingerprint64): number {
    const entry = this.count++;
    if (entry >= this.hi.length) this.grow();
    this.hi[entry] = f.hi;
    this.lo[entry] = f.lo;
    for (let b = 0; b < BANDS; b++) {
      const slot = band(f, b);
      this.next[entry * BANDS + b] = this.heads[slot]!;
      this.heads[slot] = entry;
    }
    return entry;
  }

  private grow(): void {
    const size = this.hi.length * 2;
    const hi = new Uint32Array(size);
    hi.set(this.hi);
    this.hi = hi;
    const lo = new Uint32Array(size);
    lo.set(this.lo);
    this.lo = lo;
    const next = new Int32Array(size * BANDS);
    next.set(this.next);
    this.next = next;
  }
}

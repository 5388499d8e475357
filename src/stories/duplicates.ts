// Near-duplicate lookup over 64-bit SimHash fingerprints with LSH banding: the fingerprint is cut
// into 8 bands of 8 bits, and two fingerprints at most 7 bits apart share at least one band exactly
// (pigeonhole). Each bucket keeps only its newest `bucketCap` entries, since copies follow their
// original within days: a ring of fingerprints and entry numbers, contiguous in typed arrays, so a
// lookup scans memory in order (a linked list through every article ever added missed the cache
// on each step) and the index has a fixed size whatever the stream's length.

import type { Fingerprint64 } from "../text/fingerprint.ts";
import { popcount32 } from "../text/fingerprint.ts";

const BANDS = 8;
const BAND_SLOTS = 1 << 8;

function band(f: Fingerprint64, b: number): number {
  const word = b < 4 ? f.hi : f.lo;
  return ((word >>> ((b % 4) * 8)) & 0xff) + b * BAND_SLOTS;
}

export class DuplicateIndex {
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly entries: Int32Array;
  /** Fingerprints ever added to each bucket (the ring position is this modulo bucketCap). */
  private readonly added = new Int32Array(BANDS * BAND_SLOTS);
  private count = 0;

  constructor(
    private readonly maxDistance: number,
    private readonly bucketCap: number,
  ) {
    const slots = BANDS * BAND_SLOTS * bucketCap;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.entries = new Int32Array(slots);
  }

  /** The closest earlier entry within maxDistance (lowest index on ties), or -1. */
  find(f: Fingerprint64): number {
    let best = -1;
    let bestDistance = this.maxDistance + 1;
    const cap = this.bucketCap;
    for (let b = 0; b < BANDS; b++) {
      const bucket = band(f, b);
      const base = bucket * cap;
      const end = base + Math.min(this.added[bucket]!, cap);
      for (let i = base; i < end; i++) {
        const d = popcount32((f.hi ^ this.hi[i]!) >>> 0) + popcount32((f.lo ^ this.lo[i]!) >>> 0);
        if (d > bestDistance) continue;
        const entry = this.entries[i]!;
        if (d < bestDistance || entry < best) {
          best = entry;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  /** Adds a fingerprint; returns its entry number (0, 1, 2, ... in order of addition). */
  add(f: Fingerprint64): number {
    const entry = this.count++;
    for (let b = 0; b < BANDS; b++) {
      const bucket = band(f, b);
      const i = bucket * this.bucketCap + (this.added[bucket]!++ % this.bucketCap);
      this.hi[i] = f.hi;
      this.lo[i] = f.lo;
      this.entries[i] = entry;
    }
    return entry;
  }
}

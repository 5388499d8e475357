// Strings to their numbers (article ids, vocabulary words), in an open-addressing table of two
// 32-bit hashes per slot. A Map with a million string keys missed the cache several times a lookup
// (4.5 us an article at a million in the bench's profile, for one lookup and one insert), and a
// table that compared characters stored elsewhere missed twice (7 us an article for the words).
// Here a lookup reads one slot.

import { hash32 } from "../text/fingerprint.ts";

const SEED = 0x3c6ef372;
const CHECK_SEED = 0x7f4a7c15;
/** Int32 words per slot: number + 1 (0: empty) and the string's two hashes. */
const SLOT_WORDS = 3;

export class IdIndex {
  private slots = new Int32Array(SLOT_WORDS * 1024);
  private count = 0;

  /**
   * `keys[n]` is the string numbered n. With `confirm`, a string whose two hashes match is compared
   * with keys[n] before it is taken (article ids: a false match would lose an article). Without,
   * the 64 bits alone tell strings apart (vocabulary words: two of a million share them with odds
   * of about 3 in 100 million, and would then share an id, as hashed bigrams share a slot).
   */
  constructor(
    private readonly keys: readonly string[],
    private readonly confirm: boolean,
  ) {}

  /** The string's number, or -1. */
  get(key: string): number {
    const hash = hash32(key, SEED) | 0;
    const check = hash32(key, CHECK_SEED) | 0;
    const slots = this.slots;
    const mask = slots.length / SLOT_WORDS - 1;
    for (let i = hash & mask; slots[SLOT_WORDS * i] !== 0; i = (i + 1) & mask) {
      const at = SLOT_WORDS * i;
      if (slots[at + 1] !== hash || slots[at + 2] !== check) continue;
      const n = slots[at]! - 1;
      if (!this.confirm || this.keys[n] === key) return n;
    }
    return -1;
  }

  /** Numbers a string not yet in the table. */
  add(key: string, n: number): void {
    this.put(hash32(key, SEED) | 0, hash32(key, CHECK_SEED) | 0, n + 1, this.slots);
    if (2 * ++this.count > this.slots.length / SLOT_WORDS) this.grow();
  }

  private put(hash: number, check: number, entry: number, slots: Int32Array): void {
    const mask = slots.length / SLOT_WORDS - 1;
    let i = hash & mask;
    while (slots[SLOT_WORDS * i] !== 0) i = (i + 1) & mask;
    const at = SLOT_WORDS * i;
    slots[at] = entry;
    slots[at + 1] = hash;
    slots[at + 2] = check;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let j = 0; j < old.length; j += SLOT_WORDS) {
      if (old[j] !== 0) this.put(old[j + 1]!, old[j + 2]!, old[j]!, slots);
    }
    this.slots = slots;
  }
}

// The clusterer's fast paths must give exactly what their plain definitions give: bit-identical
// floats and the same orders, or assignments drift. Each is checked on random inputs against a
// straightforward reference.

import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../text/random.ts";
import { Postings } from "./postings.ts";
import type { SparseVector } from "./sparse.ts";
import { dot, heaviest, SpreadVector, sum, TopK } from "./sparse.ts";
import { BIGRAM_BASE } from "./vocabulary.ts";

function randomVector(random: () => number, terms: number, vocabulary: number): SparseVector {
  const ids = new Set<number>();
  while (ids.size < terms) {
    const id = Math.floor(random() * vocabulary);
    ids.add(random() < 0.1 ? BIGRAM_BASE + id : id);
  }
  const sorted = Int32Array.from(ids).sort();
  // Few distinct weights, so equal masses (ties) occur.
  const weights = Float32Array.from(sorted, () => Math.ceil(random() * 4) / 2);
  return { ids: sorted, weights };
}

const idf = (id: number) => 1 + ((id * 2654435761) % 97) / 13;

test("SpreadVector products equal dot() bit for bit", () => {
  const random = mulberry32(1);
  const spread = new SpreadVector();
  for (let round = 0; round < 200; round++) {
    const a = randomVector(random, 1 + Math.floor(random() * 60), 300);
    spread.load(a, idf);
    for (let k = 0; k < 5; k++) {
      const b = randomVector(random, Math.floor(random() * 130), 300);
      assert.equal(spread.dotRange(b.ids, b.weights, 0, 0, b.ids.length), dot(a, b, idf));
    }
  }
});

test("sum() equals adding then keeping the heaviest by a full sort", () => {
  const random = mulberry32(2);
  for (let round = 0; round < 300; round++) {
    const a = randomVector(random, Math.floor(random() * 130), 400);
    const b = randomVector(random, Math.floor(random() * 60), 400);
    const scale = random();
    const merged = new Map<number, number>();
    for (let i = 0; i < a.ids.length; i++) merged.set(a.ids[i]!, a.weights[i]!);
    for (let j = 0; j < b.ids.length; j++) {
      const id = b.ids[j]!;
      const old = merged.get(id);
      merged.set(id, old === undefined ? scale * b.weights[j]! : old + scale * b.weights[j]!);
    }
    const ids = Int32Array.from(merged.keys()).sort();
    const weights = Float32Array.from(ids, (id) => merged.get(id)!);
    let expected: SparseVector = { ids, weights };
    if (ids.length > 128) {
      // The reference truncation: sorted masses, the (n - k)-th as the cut, ties to lower ids.
      const mass = Float64Array.from(ids, (id, i) => weights[i]! * idf(id));
      const cut = mass.slice().sort()[ids.length - 64]!;
      let ties = 64 - mass.filter((m) => m > cut).length;
      const keep = Array.from(ids.keys()).filter(
        (i) => mass[i]! > cut || (mass[i] === cut && ties-- > 0),
      );
      expected = {
        ids: Int32Array.from(keep, (i) => ids[i]!),
        weights: Float32Array.from(keep, (i) => weights[i]!),
      };
    }
    const got = sum(a, b, scale, 128, 64, idf);
    assert.deepEqual(got.ids.slice(0, got.length), expected.ids);
    assert.deepEqual(got.weights.slice(0, got.length), expected.weights);
  }
});

test("TopK keeps the order of a full sort (mass, then index)", () => {
  const random = mulberry32(3);
  const top = new TopK();
  for (let round = 0; round < 300; round++) {
    const v = randomVector(random, Math.floor(random() * 80), 200);
    const k = Math.floor(random() * 20);
    top.reset(k);
    for (let i = 0; i < v.ids.length; i++) top.offer(i, v.weights[i]! * idf(v.ids[i]!));
    assert.deepEqual(Array.from(top.index.subarray(0, top.size)), heaviest(v, k, idf));
  }
});

/** The posting list as it was first written: a plain array trimmed to `cap` at 2 * cap. */
class ListPostings {
  private readonly lists = new Map<number, number[]>();
  constructor(private readonly cap: number) {}
  add(term: number, story: number): void {
    const list = this.lists.get(term) ?? [];
    this.lists.set(term, list);
    for (let i = list.length - 1; i >= 0 && i >= list.length - 4; i--)
      if (list[i] === story) return;
    list.push(story);
    if (list.length >= 2 * this.cap) list.splice(0, list.length - this.cap);
  }
  newest(term: number): number[] {
    const list = this.lists.get(term) ?? [];
    return list.slice(Math.max(0, list.length - this.cap)).reverse();
  }
}

test("posting rings list what trimmed arrays listed, newest first", () => {
  for (const cap of [1, 2, 3, 5, 64, 100]) {
    const random = mulberry32(cap);
    const rings = new Postings(cap);
    const lists = new ListPostings(cap);
    const out = new Int32Array(cap);
    for (let step = 0; step < 20_000; step++) {
      const term =
        random() < 0.05 ? BIGRAM_BASE + Math.floor(random() * 5) : Math.floor(random() * 40);
      // Few stories, so repeats within the recent entries are common.
      const story = Math.floor(random() * (random() < 0.5 ? 6 : 500));
      rings.add(term, story);
      lists.add(term, story);
      if (step % 97 === 0) {
        for (const t of [term, 3, BIGRAM_BASE + 1, 1 << 20]) {
          const n = rings.newest(t, out);
          assert.deepEqual(Array.from(out.subarray(0, n)), lists.newest(t), `cap ${cap}`);
        }
      }
    }
  }
});

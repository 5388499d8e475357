// Clustering metrics against gold labels: NMI, ACC (best one-to-one mapping) and B-cubed.
// Pure functions over two parallel label arrays (found, gold), one entry per item.

import { maxAssignment } from "./hungarian.ts";

export interface ClusteringScores {
  nmi: number;
  acc: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  goldCount: number;
  foundCount: number;
}

/** Dense ids 0..k-1 for arbitrary labels, in first-seen order. */
function densify<T>(labels: readonly T[]): { ids: number[]; k: number } {
  const seen = new Map<T, number>();
  const ids = labels.map((l) => {
    let id = seen.get(l);
    if (id === undefined) {
      id = seen.size;
      seen.set(l, id);
    }
    return id;
  });
  return { ids, k: seen.size };
}

function contingency(found: number[], gold: number[], kf: number, kg: number): number[][] {
  const table = Array.from({ length: kf }, () => new Array<number>(kg).fill(0));
  for (let i = 0; i < found.length; i++) table[found[i]!]![gold[i]!]!++;
  return table;
}

function entropy(counts: number[], n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/** Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default). */
export function nmi(found: readonly unknown[], gold: readonly unknown[]): number {
  const f = densify(found);
  const g = densify(gold);
  const n = found.length;
  const table = contingency(f.ids, g.ids, f.k, g.k);
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = new Array<number>(g.k).fill(0);
  for (const r of table) {
    r.forEach((c, j) => {
      cols[j]! += c;
    });
  }
  let mi = 0;
  for (let i = 0; i < table.length; i++) {
    table[i]!.forEach((c, j) => {
      if (c > 0) mi += (c / n) * Math.log((n * c) / (rows[i]! * cols[j]!));
    });
  }
  const hf = entropy(rows, n);
  const hg = entropy(cols, n);
  if (hf === 0 && hg === 0) return 1;
  return Math.max(0, mi / ((hf + hg) / 2));
}

/** Accuracy under the best one-to-one mapping of found stories to gold stories (Hungarian). */
export function accuracy(found: readonly unknown[], gold: readonly unknown[]): number {
  if (found.length === 0) return 1;
  const f = densify(found);
  const g = densify(gold);
  const table = contingency(f.ids, g.ids, f.k, g.k);
  // Rows must not outnumber columns: put the smaller side on the rows.
  const weights =
    f.k <= g.k ? table : Array.from({ length: g.k }, (_, j) => table.map((r) => r[j]!));
  const match = maxAssignment(weights);
  let correct = 0;
  match.forEach((col, row) => {
    if (col >= 0) correct += weights[row]![col]!;
  });
  return correct / found.length;
}

/** B-cubed precision, recall (means over items) and their harmonic mean (Bagga & Baldwin 1998),
 * from sparse counts of (found, gold) pairs, so it runs on a million items. */
export function bcubed(found: readonly unknown[], gold: readonly unknown[]) {
  const f = densify(found);
  const g = densify(gold);
  const both = new Map<number, number>();
  const fSize = new Array<number>(f.k).fill(0);
  const gSize = new Array<number>(g.k).fill(0);
  for (let i = 0; i < found.length; i++) {
    const key = f.ids[i]! * g.k + g.ids[i]!;
    both.set(key, (both.get(key) ?? 0) + 1);
    fSize[f.ids[i]!]!++;
    gSize[g.ids[i]!]!++;
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < found.length; i++) {
    const shared = both.get(f.ids[i]! * g.k + g.ids[i]!)!;
    p += shared / fSize[f.ids[i]!]!;
    r += shared / gSize[g.ids[i]!]!;
  }
  const n = found.length || 1;
  const precision = p / n;
  const recall = r / n;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function scoreClustering(
  found: readonly unknown[],
  gold: readonly unknown[],
): ClusteringScores {
  if (found.length !== gold.length) throw new Error("stories: found and gold differ in length");
  const b = bcubed(found, gold);
  return {
    nmi: nmi(found, gold),
    acc: accuracy(found, gold),
    bcubedPrecision: b.precision,
    bcubedRecall: b.recall,
    bcubedF1: b.f1,
    goldCount: new Set(gold).size,
    foundCount: new Set(found).size,
  };
}

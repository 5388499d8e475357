// The naive baseline the clusterer is measured against: one pass, word TF-IDF with a running IDF,
// each cluster a centroid of normalised article vectors (IDF frozen when added), join the most
// similar centroid above one threshold. No entities, bigrams, time decay, candidates or merging.

import { contentTerms, countTerms, idf, sublinearTf } from "../text/terms.ts";

/** Default threshold: the value at which the baseline does best on googlenews-dev title+snippet. */
export const NAIVE_THRESHOLD = 0.1;

export function naiveClusters(texts: readonly string[], threshold = NAIVE_THRESHOLD): number[] {
  const df = new Map<string, number>();
  const centroids: Map<string, number>[] = [];
  const squares: number[] = [];
  const byTerm = new Map<string, Set<number>>();
  const labels: number[] = [];
  texts.forEach((text, n) => {
    const counts = countTerms(contentTerms(text));
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const vec = new Map<string, number>();
    let sq = 0;
    for (const [t, c] of counts) {
      const w = sublinearTf(c) * idf(df.get(t)!, n + 1);
      vec.set(t, w);
      sq += w * w;
    }
    const len = Math.sqrt(sq) || 1;
    for (const [t, w] of vec) vec.set(t, w / len);
    const label = bestCentroid(vec, centroids, squares, byTerm, threshold);
    const target = label >= 0 ? label : centroids.push(new Map()) - 1;
    if (label < 0) squares.push(0);
    const centroid = centroids[target]!;
    for (const [t, w] of vec) {
      const old = centroid.get(t) ?? 0;
      centroid.set(t, old + w);
      squares[target]! += (old + w) ** 2 - old ** 2;
      const set = byTerm.get(t) ?? new Set<number>();
      byTerm.set(t, set);
      set.add(target);
    }
    labels.push(target);
  });
  return labels;
}

function bestCentroid(
  vec: Map<string, number>,
  centroids: Map<string, number>[],
  squares: number[],
  byTerm: Map<string, Set<number>>,
  threshold: number,
): number {
  const dots = new Map<number, number>();
  for (const [t, w] of vec) {
    for (const c of byTerm.get(t) ?? [])
      dots.set(c, (dots.get(c) ?? 0) + w * centroids[c]!.get(t)!);
  }
  let best = -1;
  let bestScore = threshold;
  for (const [c, d] of [...dots].sort((a, b) => a[0] - b[0])) {
    const score = d / (Math.sqrt(squares[c]!) || 1);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

// One evaluation run: Storyline's clusterer and the naive baseline on the same items, same order.

import { createClusterer } from "../index.ts";
import { NAIVE_THRESHOLD, naiveClusters } from "../naive.ts";
import type { ClusterParams } from "../params.ts";
import type { EvalItem, TextMode } from "./data.ts";
import { docText } from "./data.ts";
import type { ClusteringScores } from "./metrics.ts";
import { scoreClustering } from "./metrics.ts";

export interface SystemResult extends ClusteringScores {
  itemsPerSecond: number;
}

export interface EvalRun {
  storyline: SystemResult;
  /** Storyline's final story for each item, in stream order. */
  assignments: { id: string; story: string }[];
  naive: SystemResult & { threshold: number };
  /** The baseline at whichever swept threshold gives it the best ACC on these very items. */
  naiveBest: SystemResult & { threshold: number };
}

/** Thresholds swept for the baseline's best case. */
const NAIVE_SWEEP = [0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];

export function runStoryline(items: EvalItem[], mode: TextMode, params: Partial<ClusterParams>) {
  const clusterer = createClusterer(params);
  const start = performance.now();
  for (const item of items)
    clusterer.add({ id: item.id, publishedAt: item.at, ...docText(item, mode) });
  const seconds = (performance.now() - start) / 1000;
  const assignments = items.map((i) => ({ id: i.id, story: clusterer.storyOf(i.id)! }));
  const scores = scoreClustering(
    assignments.map((a) => a.story),
    items.map((i) => i.gold),
  );
  return { result: { ...scores, itemsPerSecond: items.length / seconds }, assignments };
}

export function runNaive(items: EvalItem[], mode: TextMode, threshold: number) {
  const texts = items.map((i) => {
    const d = docText(i, mode);
    return `${d.title}\n${d.text}`;
  });
  const start = performance.now();
  const labels = naiveClusters(texts, threshold);
  const seconds = (performance.now() - start) / 1000;
  const scores = scoreClustering(
    labels,
    items.map((i) => i.gold),
  );
  return { ...scores, itemsPerSecond: items.length / seconds, threshold };
}

export function evaluate(
  items: EvalItem[],
  mode: TextMode,
  params: Partial<ClusterParams> = {},
  naiveThreshold = NAIVE_THRESHOLD,
): EvalRun {
  const { result, assignments } = runStoryline(items, mode, params);
  const naive = runNaive(items, mode, naiveThreshold);
  let naiveBest = naive;
  for (const t of NAIVE_SWEEP) {
    const r = t === naiveThreshold ? naive : runNaive(items, mode, t);
    if (r.acc > naiveBest.acc) naiveBest = r;
  }
  return { storyline: result, assignments, naive, naiveBest };
}

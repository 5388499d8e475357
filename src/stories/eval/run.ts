// One evaluation run: Storyline's clusterer and the naive baseline on the same items, same order.

import { mulberry32 } from "../../text/random.ts";
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
  // The pipeline settles at the end of each batch; here the file is one batch.
  clusterer.settle();
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

/** The items in a seeded random order (Fisher-Yates), the same for the same seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One system's scores over several stream orders. */
export interface OrderSpread {
  runs: ClusteringScores[];
  mean: Pick<ClusteringScores, "nmi" | "acc" | "bcubedF1">;
  min: Pick<ClusteringScores, "nmi" | "acc" | "bcubedF1">;
  max: Pick<ClusteringScores, "nmi" | "acc" | "bcubedF1">;
}

function spread(runs: ClusteringScores[]): OrderSpread {
  const keys = ["nmi", "acc", "bcubedF1"] as const;
  const pick = (f: (xs: number[]) => number) =>
    Object.fromEntries(keys.map((k) => [k, f(runs.map((r) => r[k]))])) as OrderSpread["mean"];
  return {
    runs,
    mean: pick((xs) => xs.reduce((a, b) => a + b, 0) / xs.length),
    min: pick((xs) => Math.min(...xs)),
    max: pick((xs) => Math.max(...xs)),
  };
}

/**
 * Both systems on the given order and on `orders - 1` seeded shuffles of it (seeds 1, 2, ...): an
 * online clusterer's result depends on which items come first, and one order is one draw. The
 * baseline keeps one threshold throughout (pass its best on the given order).
 */
export function evaluateOrders(
  items: EvalItem[],
  mode: TextMode,
  params: Partial<ClusterParams>,
  naiveThreshold: number,
  orders: number,
): { storyline: OrderSpread; naive: OrderSpread } {
  const storyline: ClusteringScores[] = [];
  const naive: ClusteringScores[] = [];
  for (let seed = 0; seed < orders; seed++) {
    const order = seed === 0 ? items : shuffled(items, seed);
    storyline.push(runStoryline(order, mode, params).result);
    naive.push(runNaive(order, mode, naiveThreshold));
  }
  return { storyline: spread(storyline), naive: spread(naive) };
}

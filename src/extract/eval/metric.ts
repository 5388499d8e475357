// The article-extraction benchmark's body metric, reimplemented exactly: words are `\w+` in
// Python's Unicode sense, texts become 4-word shingles with counts, each page's TP/FP/FN are
// normalised to sum 1, precision and recall are means over the pages where they are defined,
// and F1 is the harmonic mean of those two means.

/** Shingle length of the benchmark. */
export const SHINGLE_WORDS = 4;

// Python's `\w` (str.isalnum() or "_"): letters and numbers of any script, not combining marks.
const WORD = /[\p{L}\p{N}_]+/gu;

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Shingles with counts; a text shorter than n words is one shingle of all its words. */
export function shingles(text: string, n = SHINGLE_WORDS): Map<string, number> {
  const words = tokenize(text);
  const out = new Map<string, number>();
  const windows = Math.max(1, words.length - n + 1);
  for (let i = 0; i < windows; i++) {
    const slice = words.slice(i, i + n);
    if (slice.length === 0) continue;
    const key = slice.join("\u0000");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised TP/FP/FN of one page (all zero when both texts have no words). */
export function pageCounts(truth: string, predicted: string): PageCounts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  if (sum === 0) return { tp, fp, fn };
  return { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

export function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function scorePages(pages: PageCounts[]): Scores {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}

/** Scores predictions against truth; a page missing from `predicted` counts as empty. */
export function scoreBodies(
  truth: Record<string, string>,
  predicted: Record<string, string | undefined>,
): Scores {
  return scorePages(Object.keys(truth).map((id) => pageCounts(truth[id]!, predicted[id] ?? "")));
}

// Small token helpers for the writer: lower-case \w+ words, content words, numbers, overlaps.
import { hasUnspacedScript, tokenize } from "../text/terms.ts";

const STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from as is are was were be been being " +
    "it its this that these those he she they we you i his her their our your my me him them us " +
    "has have had do does did not no so than then there here who whom which what when where why " +
    "how will would can could should may might must shall about into over after before also just " +
    "said says say told more most some any all such up out one s t only very much many other new " +
    "says its it's according its"
  ).split(" "),
);

/** Lower-case word tokens, split on \w+ (Unicode letters and digits); Chinese, Japanese or Thai
 * cut into words by the text tools (\w+ would take a whole clause as one). */
export function words(text: string): string[] {
  if (hasUnspacedScript(text)) return tokenize(text);
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Content words: not stop words, not single characters. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/** Numbers by value ("5.5", "1,200" → "1200", "6.0" → "6"), so that claims can be compared by
 * their figures. */
export function numbers(text: string): string[] {
  const found = text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
  return found.map(figureValue);
}

/** "6.0" and "6" are one figure: its digits without separators, then as a number. */
function figureValue(written: string): string {
  const digits = written.replace(/,/g, "").replace(/\.$/, "");
  const n = Number(digits);
  return Number.isFinite(n) ? String(n) : digits;
}

/** The figures of a text by what each counts ("52.4 per cent" → per: 52.4, "12 homes" → homes: 12):
 * the word after a figure says what it measures, so an age and a vote share in two sentences are
 * not read as two outlets disagreeing. A bare figure ("Marchetti, 43,") counts "". */
export function figures(text: string): Map<string, Set<string>> {
  const byUnit = new Map<string, Set<string>>();
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)(%?)\s*(\p{L}*)/gu)) {
    const word = m[3]!.toLowerCase();
    const unit = m[2] === "%" || word === "percent" ? "per" : word;
    const values = byUnit.get(unit) ?? new Set<string>();
    values.add(figureValue(m[1]!));
    byUnit.set(unit, values);
  }
  return byUnit;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Share of `a`'s words that `b` also has. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / a.size;
}

export type Vector = Map<string, number>;

export function cosine(a: Vector, b: Vector, normA: number, normB: number): number {
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y !== undefined) dot += x * y;
  }
  return dot / (normA * normB);
}

export function norm(v: Vector): number {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  return Math.sqrt(sum);
}

/** Collapses runs of whitespace, for verbatim checks that tolerate re-wrapping. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

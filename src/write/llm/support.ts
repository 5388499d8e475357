// Checks each generated sentence against the source sentences it cites: enough shared words,
// every number and name it states found in those sentences, and no claim turned around (a
// negation added or dropped, "rose" for "fell"). Unsupported sentences are dropped.
import { NEGATION, opposed, sidesOf } from "../../text/opposites.ts";
import { splitSentences } from "../../text/sentences.ts";
import { contentWords, numbers } from "../tokens.ts";

/** Share of a generated sentence's content words that its cited sentences must contain. */
const MIN_WORD_SUPPORT = 0.7;

export interface Generated {
  text: string;
  cited: number[];
}

/** Sentences of the model's answer with the [n] citations they end with (or carry anywhere). */
export function parseAnswer(answer: string): Generated[] {
  const out: Generated[] = [];
  for (const raw of splitSentences(answer.replace(/^\s*[-*•]\s*/gm, ""))) {
    const cited = [...raw.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const text = raw
      .replace(/\s*\[\d+\]/g, "")
      .replace(/\s+([.,;:!?])/g, "$1")
      .trim();
    if (/[\p{L}]/u.test(text)) out.push({ text, cited: [...new Set(cited)] });
  }
  return out;
}

/** Capitalised words not at the start of the sentence: names, places, organisations. */
function names(text: string): string[] {
  const tokens = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return tokens.slice(1).filter((t) => /^\p{Lu}/u.test(t));
}

export function isSupported(g: Generated, sources: string[]): boolean {
  if (g.cited.length === 0) return false;
  const cited = g.cited.map((n) => sources[n - 1]);
  if (cited.some((s) => s === undefined)) return false;
  const evidence = cited.join(" ");
  const words = new Set(contentWords(g.text));
  const have = new Set(contentWords(evidence));
  if (words.size === 0) return false;
  let shared = 0;
  for (const w of words) if (have.has(w)) shared++;
  if (shared / words.size < MIN_WORD_SUPPORT) return false;
  // Negations and opposites are the words the overlap cannot see: "did not hold" shares every
  // content word with "held". Negation is read per cited sentence that bears on this one: a "no
  // injuries were reported" beside it neither turns it around nor lends it a "not".
  const negates = NEGATION.test(g.text);
  const bearing = cited.filter((s) => contentWords(s!).some((w) => words.has(w)));
  if (!bearing.some((s) => NEGATION.test(s!) === negates)) return false;
  const lower = (text: string) => text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  if (opposed(sidesOf(lower(g.text)), sidesOf(lower(evidence)))) return false;
  const sourceNumbers = new Set(numbers(evidence));
  if (!numbers(g.text).every((n) => sourceNumbers.has(n))) return false;
  const sourceWords = new Set(evidence.match(/[\p{L}][\p{L}'’-]*/gu) ?? []);
  return names(g.text).every((n) => sourceWords.has(n));
}

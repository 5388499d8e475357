// Baselines for brief evaluation, cut to the same number of words as the brief they compare with.

import { mulberry32 } from "../../text/random.ts";
import type { Article } from "../../types.ts";
import { tokens } from "./rouge.ts";

/** First sentences of the first source until `words` words, the last sentence cut to fit. */
export function leadBaseline(articles: Article[], words: number): string {
  return cut(articles[0]?.sentences ?? [], words);
}

/** Sentences drawn at random (seeded) from all sources until `words` words. */
export function randomBaseline(articles: Article[], words: number, seed: number): string {
  const pool = articles.flatMap((a) => a.sentences);
  const next = mulberry32(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return cut(pool, words);
}

function cut(sentences: string[], words: number): string {
  const out: string[] = [];
  for (const s of sentences) {
    if (out.length >= words) break;
    out.push(...tokens(s));
  }
  return out.slice(0, words).join(" ");
}

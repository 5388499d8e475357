// Sentiment of a short text with wink-nlp's built-in analyser: a number in -1..1.
import { getWink } from "./sentences.ts";

export function sentiment(text: string): number {
  if (text.trim() === "") return 0;
  const { nlp, its } = getWink();
  const score = nlp.readDoc(text).out(its.sentiment) as unknown as number;
  return Number.isFinite(score) ? Math.max(-1, Math.min(1, score)) : 0;
}

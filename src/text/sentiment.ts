// Sentiment of a short text with wink-nlp's built-in analyser: a number in -1..1.
// Sentiment needs only sentence boundaries and negation, not part-of-speech tagging or entities:
// a second wink instance with that short pipeline gives the same scores about eight times faster.
import { createRequire } from "node:module";
import type { ItsHelpers, WinkMethods } from "wink-nlp";

const require = createRequire(import.meta.url);

/** The wink pipeline steps that sentiment depends on. */
const SENTIMENT_PIPE = ["sbd", "negation", "sentiment"];

let lean: { nlp: WinkMethods; its: ItsHelpers } | null = null;

function getLean(): { nlp: WinkMethods; its: ItsHelpers } {
  if (lean === null) {
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkMethods;
    const nlp = winkNLP(require("wink-eng-lite-web-model"), SENTIMENT_PIPE);
    lean = { nlp, its: nlp.its };
  }
  return lean;
}

export function sentiment(text: string): number {
  if (text.trim() === "") return 0;
  const { nlp, its } = getLean();
  const score = nlp.readDoc(text).out(its.sentiment) as unknown as number;
  return Number.isFinite(score) ? Math.max(-1, Math.min(1, score)) : 0;
}

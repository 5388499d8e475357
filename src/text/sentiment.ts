// Sentiment of a short text with wink-nlp's built-in analyser: a number in -1..1; and, for
// discussion comments, the same reading with part-of-speech tags (one pass gives both).
// Sentiment needs only sentence boundaries and negation, not part-of-speech tagging or entities:
// a second wink instance with that short pipeline gives the same scores about eight times faster.
import { winkWith } from "./wink.ts";

/** The wink pipeline steps that sentiment depends on. */
const SENTIMENT_PIPE = ["sbd", "negation", "sentiment"];
/** The same, with part-of-speech tags for noun phrases (still no entities: those cost most). */
const TAGGED_PIPE = [...SENTIMENT_PIPE, "pos"];

function clamp(score: unknown): number {
  const n = score as number;
  return Number.isFinite(n) ? Math.max(-1, Math.min(1, n)) : 0;
}

export function sentiment(text: string): number {
  if (text.trim() === "") return 0;
  const { read, its } = winkWith(SENTIMENT_PIPE);
  return clamp(read(text).out(its.sentiment));
}

/** Universal part-of-speech tags as wink writes them ("NOUN", "PROPN", "ADJ", "VERB", …). */
export interface TaggedWord {
  /** As written. */
  text: string;
  pos: string;
  /** Index of the sentence the word stands in. */
  sentence: number;
}

export interface TaggedText {
  sentiment: number;
  words: TaggedWord[];
}

/** Sentiment and part-of-speech tags of a short text in one pass. */
export function tagText(text: string): TaggedText {
  if (text.trim() === "") return { sentiment: 0, words: [] };
  const { read, its } = winkWith(TAGGED_PIPE);
  const doc = read(text);
  const words: TaggedWord[] = [];
  doc.sentences().each((s, i) => {
    const tokens = s.tokens();
    const texts = tokens.out() as string[];
    const tags = tokens.out(its.pos) as string[];
    for (let k = 0; k < texts.length; k++)
      words.push({ text: texts[k]!, pos: tags[k] ?? "X", sentence: i });
  });
  return { sentiment: clamp(doc.out(its.sentiment)), words };
}

// wink-nlp instances, one per pipeline: a short pipeline is much faster than the full one (the
// sentiment of a comment needs neither part-of-speech tags nor entities), so each user asks for
// only the steps it reads.
import { createRequire } from "node:module";
import type { ItsHelpers, WinkMethods } from "wink-nlp";

const require = createRequire(import.meta.url);

export interface Wink {
  nlp: WinkMethods;
  its: ItsHelpers;
  /** nlp.readDoc on the text with its long runs broken (see breakLongRuns): what to read with. */
  read(text: string): ReturnType<WinkMethods["readDoc"]>;
}

const instances = new Map<string, Wink>();

/** The wink instance running these pipeline steps (all of them when none are given). */
export function winkWith(pipe?: string[]): Wink {
  const key = pipe?.join(",") ?? "";
  let w = instances.get(key);
  if (!w) {
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkMethods;
    const nlp = winkNLP(require("wink-eng-lite-web-model"), pipe);
    w = { nlp, its: nlp.its, read: (text) => nlp.readDoc(breakLongRuns(text)) };
    instances.set(key, w);
  }
  return w;
}

/** Longest run of non-space characters wink is given whole. Its tokenizer's time grows with the
 * square of a run's length beyond a few thousand characters ("a-a-a-…" of 50,000 characters took
 * 22 s, a run of "a" 4 s), and a page can hold such a run (a row of dashes, an inline blob). No
 * word or link is this long, so only such junk is cut. */
export const MAX_WINK_RUN = 1_000;

/** JavaScript's \s, by UTF-16 code unit. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The text for wink: in a run of non-space characters, the character after each MAX_WINK_RUN of
 * them becomes a space (two for a character outside the BMP), so the result has the text's length
 * and offsets in it are offsets in the text. One pass: a regular expression ran out of stack on a
 * run of millions. */
export function breakLongRuns(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) run = 0;
    else if (c >= 0xdc00 && c <= 0xdfff)
      continue; // counted with the unit before it
    else if (++run > MAX_WINK_RUN) {
      const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      parts.push(text.slice(from, i), pair ? "  " : " ");
      from = i + (pair ? 2 : 1);
      i = from - 1;
      run = 0;
    }
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(from));
  return parts.join("");
}

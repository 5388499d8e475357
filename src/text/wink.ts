// wink-nlp instances, one per pipeline: a short pipeline is much faster than the full one (the
// sentiment of a comment needs neither part-of-speech tags nor entities), so each user asks for
// only the steps it reads.
import { createRequire } from "node:module";
import type { ItsHelpers, WinkMethods } from "wink-nlp";

const require = createRequire(import.meta.url);

export interface Wink {
  nlp: WinkMethods;
  its: ItsHelpers;
}

const instances = new Map<string, Wink>();

/** The wink instance running these pipeline steps (all of them when none are given). */
export function winkWith(pipe?: string[]): Wink {
  const key = pipe?.join(",") ?? "";
  let w = instances.get(key);
  if (!w) {
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkMethods;
    const nlp = winkNLP(require("wink-eng-lite-web-model"), pipe);
    w = { nlp, its: nlp.its };
    instances.set(key, w);
  }
  return w;
}

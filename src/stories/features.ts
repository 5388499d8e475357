// An article as a sparse bag of term ids with raw weights (term frequency times feature-group
// weight, no IDF yet: the IDF is the running one, applied when vectors are compared).

import {
  bigrams,
  capitalisedEntities,
  contentTermsOf,
  sublinearTf,
  tokenize,
} from "../text/terms.ts";
import type { ClusterParams } from "./params.ts";
import type { SparseVector } from "./sparse.ts";
import type { Vocabulary } from "./vocabulary.ts";
import { ENTITY_PREFIX } from "./vocabulary.ts";

interface FeatureInput {
  title: string;
  text: string;
}

/** The title's and the text's word tokens (tokenize()), shared with fingerprinting. */
export interface Tokens {
  title: string[];
  text: string[];
}

type Weights = Pick<
  ClusterParams,
  "titleWeight" | "entityWeight" | "bigramWeight" | "bigramMinDf" | "maxBodyWords"
>;

function firstWords(text: string, max: number): string {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 32 && ++spaces >= max) return text.slice(0, i);
  }
  return text;
}

function addPart(
  counts: Map<number, number>,
  seen: Set<number>,
  text: string,
  tokens: readonly string[],
  scale: number,
  w: Weights,
  vocab: Vocabulary,
) {
  if (text === "") return;
  const words = contentTermsOf(tokens);
  for (const t of words) {
    const id = vocab.wordId(t);
    counts.set(id, (counts.get(id) ?? 0) + scale);
  }
  if (w.bigramWeight > 0) {
    for (const b of bigrams(words)) {
      const id = vocab.bigramId(b);
      seen.add(id);
      // Only collocations: a pair earlier articles used too. A one-off pair never matches and
      // only dilutes the vector.
      if (vocab.df(id) >= w.bigramMinDf)
        counts.set(id, (counts.get(id) ?? 0) + scale * w.bigramWeight);
    }
  }
  if (w.entityWeight > 0) {
    for (const e of capitalisedEntities(text)) {
      const id = vocab.wordId(ENTITY_PREFIX + e);
      counts.set(id, (counts.get(id) ?? 0) + scale * w.entityWeight);
    }
  }
}

/** Sublinear above one mention; fractional weights (a lone bigram) stay as they are. */
function damp(count: number): number {
  return count <= 1 ? count : sublinearTf(count);
}

/** The article's terms, sorted by id, with sublinear weights. */
export function documentVector(
  doc: FeatureInput,
  w: Weights,
  vocab: Vocabulary,
  tokens: Tokens,
): SparseVector {
  const counts = new Map<number, number>();
  const bigramIds = new Set<number>();
  addPart(counts, bigramIds, doc.title, tokens.title, w.titleWeight, w, vocab);
  const body = firstWords(doc.text, w.maxBodyWords);
  // A long text is cut at maxBodyWords and tokenized again; a shorter one reuses its tokens.
  addPart(counts, bigramIds, body, body === doc.text ? tokens.text : tokenize(body), 1, w, vocab);
  vocab.countBigrams(bigramIds);
  const ids = Int32Array.from(counts.keys()).sort();
  const weights = new Float32Array(ids.length);
  for (let i = 0; i < ids.length; i++) weights[i] = damp(counts.get(ids[i]!)!);
  return { ids, weights };
}

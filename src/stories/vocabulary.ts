// Term ids and the running document frequency behind the IDF.
// Words and entities get sequential ids (their names are kept for topTerms). Bigrams are hashed into
// a fixed table instead: their number grows almost linearly with the stream, and keeping a string
// per bigram would cost more memory per article than everything else together.

import { hash32 } from "../text/fingerprint.ts";
import { idf } from "../text/terms.ts";

/** Bigram ids start here, above any word id a stream will reach. */
export const BIGRAM_BASE = 1 << 30;
/** Hashed bigram slots (2^20, 4 MB of counts): collisions merge rare bigrams' counts, harmlessly. */
const BIGRAM_SLOTS = 1 << 20;
const BIGRAM_SEED = 0x2545f491;

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private wordDf = new Int32Array(1024);
  private readonly bigramDf = new Int32Array(BIGRAM_SLOTS);
  /** Articles counted so far (the N of the IDF). */
  docCount = 0;

  /** Id of a word or entity, assigned on first sight. */
  wordId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      if (id >= this.wordDf.length) {
        const grown = new Int32Array(this.wordDf.length * 2);
        grown.set(this.wordDf);
        this.wordDf = grown;
      }
    }
    return id;
  }

  bigramId(bigram: string): number {
    return BIGRAM_BASE + (hash32(bigram, BIGRAM_SEED) & (BIGRAM_SLOTS - 1));
  }

  /** The term's name, or null for bigrams (hashed, nameless). */
  name(id: number): string | null {
    return id < BIGRAM_BASE ? (this.names[id] ?? null) : null;
  }

  df(id: number): number {
    return id < BIGRAM_BASE ? this.wordDf[id]! : this.bigramDf[id - BIGRAM_BASE]!;
  }

  idf(id: number): number {
    return idf(this.df(id), this.docCount);
  }

  /** Counts one article containing these (distinct) terms. */
  countDocument(termIds: Int32Array): void {
    this.docCount++;
    for (const id of termIds) {
      if (id < BIGRAM_BASE) this.wordDf[id]!++;
      else this.bigramDf[id - BIGRAM_BASE]!++;
    }
  }
}

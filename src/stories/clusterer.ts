// Online, single-pass story clustering in the spirit of Miranda et al. (EMNLP 2018): each article is
// compared with the candidate stories that share its rare terms and entities, by TF-IDF cosine with
// a running IDF and time decay, and joins the best one above a threshold or starts a new story.
// Near-duplicates (wire copies) join their original's story without adding evidence. Every
// `mergeEvery` articles, stories that have converged are merged (the older id survives).

import { simhashOfWords, wordHashes } from "../text/fingerprint.ts";
import { tokenize } from "../text/terms.ts";
import { anchorsOf, ContainmentIndex } from "./containment.ts";
import { DuplicateIndex } from "./duplicates.ts";
import { documentVector } from "./features.ts";
import type { Assignment, ClusterDoc, Clusterer } from "./index.ts";
import type { ClusterParams } from "./params.ts";
import { DEFAULT_PARAMS } from "./params.ts";
import { Postings } from "./postings.ts";
import type { SparseVector } from "./sparse.ts";
import { addScaled, dot, heaviest, norm, truncate } from "./sparse.ts";
import { decay, gapMs, StoryState } from "./story.ts";
import { Vocabulary } from "./vocabulary.ts";

/** Recompute a cached centroid norm once the article count grew by this factor (IDF drift). */
const NORM_REFRESH = 1.02;

/** Below this many articles every term may find candidates (the document shares are still noise). */
const MIN_DF_FOR_COMMON = 20;

interface Merge {
  from: string;
  into: string;
}

export class StoryClusterer implements Clusterer {
  private readonly p: ClusterParams;
  private readonly vocab = new Vocabulary();
  private readonly postings: Postings;
  private readonly dups: DuplicateIndex;
  private readonly contained: ContainmentIndex;
  private readonly anchors: number[] = [];
  private readonly stories: StoryState[] = [];
  private readonly storyIndex = new Map<string, number>();
  private readonly articleIndex = new Map<string, number>();
  private readonly articleIds: string[] = [];
  private articleStory = new Int32Array(1024);
  private duplicateRoot = new Int32Array(1024).fill(-1);
  private candidateScore = new Float64Array(1024);
  private candidateStamp = new Int32Array(1024);
  private stamp = 0;
  private dirty = new Set<number>();
  private readonly idfOf = (id: number) => this.vocab.idf(id);

  constructor(params: Partial<ClusterParams> = {}) {
    this.p = { ...DEFAULT_PARAMS, ...params };
    this.postings = new Postings(this.p.postingCap);
    this.dups = new DuplicateIndex(this.p.duplicateMaxDistance, this.p.duplicateBucketCap);
    this.contained = new ContainmentIndex({
      minContainment: this.p.duplicateMinContainment,
      minAnchors: this.p.duplicateMinAnchors,
      maxGrowth: this.p.duplicateMaxGrowth,
      bucketCap: this.p.duplicateBucketCap,
    });
  }

  size(): number {
    return this.articleIds.length;
  }

  storyOf(articleId: string): string | null {
    const a = this.articleIndex.get(articleId);
    return a === undefined ? null : this.stories[this.resolve(this.articleStory[a]!)]!.id;
  }

  topTerms(storyId: string, n = 10): string[] {
    const s = this.storyIndex.get(storyId);
    if (s === undefined) return [];
    const v = this.stories[this.resolve(s)]!.vector;
    const names: string[] = [];
    for (const i of heaviest(v, v.ids.length, this.idfOf)) {
      const name = this.vocab.name(v.ids[i]!);
      if (name !== null) names.push(name.replace(/^@/, "").replace(/_/g, " "));
      if (names.length >= n) break;
    }
    return names;
  }

  add(doc: ClusterDoc): Assignment {
    const known = this.articleIndex.get(doc.id);
    if (known !== undefined) return this.replayed(known);
    const a = this.articleIds.length;
    this.articleIds.push(doc.id);
    this.articleIndex.set(doc.id, a);
    this.ensureArticleCapacity(a);

    const original = this.findOriginal(doc, a);
    if (original >= 0) return this.joinAsDuplicate(a, original, doc.publishedAt);

    const vector = documentVector(doc, this.p, this.vocab);
    this.vocab.countDocument(vector.ids);
    const docNorm = norm(vector, this.idfOf) || 1;
    const queryTerms = this.queryTerms(vector, Number.isFinite(doc.publishedAt));
    const best = this.bestStory(vector, docNorm, queryTerms, doc.publishedAt);
    const s = best >= 0 ? best : this.newStory(doc.id, a);
    const story = this.stories[s]!;
    story.vector = this.grow(story.vector, vector, 1 / docNorm);
    story.normAt = -1;
    story.size++;
    story.touch(doc.publishedAt);
    this.articleStory[a] = s;
    for (let k = 0; k < Math.min(queryTerms.length, this.p.indexTerms); k++)
      this.postings.add(vector.ids[queryTerms[k]!]!, s);
    this.dirty.add(s);
    const merged = a % this.p.mergeEvery === this.p.mergeEvery - 1 ? this.mergePass() : [];
    return { storyId: this.stories[this.resolve(s)]!.id, duplicateOf: null, merged };
  }

  private replayed(a: number): Assignment {
    const root = this.duplicateRoot[a]!;
    return {
      storyId: this.stories[this.resolve(this.articleStory[a]!)]!.id,
      duplicateOf: root >= 0 ? this.articleIds[root]! : null,
      merged: [],
    };
  }

  /** Fingerprints the article and returns the original it copies (article index), or -1. */
  private findOriginal(doc: ClusterDoc, a: number): number {
    const body = tokenize(doc.text);
    const bodyHashes = wordHashes(body);
    const long = body.length >= this.p.duplicateMinWords;
    const words = long ? body.length : body.length + tokenize(doc.title).length;
    const f = simhashOfWords(long ? bodyHashes : wordHashes(tokenize(`${doc.title}\n${doc.text}`)));
    // Too short to tell a copy from a coincidence: indexed, never matched.
    let match = words >= MIN_FINGERPRINT_WORDS ? this.dups.find(f) : -1;
    this.dups.add(f);
    const anchors = anchorsOf(bodyHashes, this.anchors);
    if (match < 0) match = this.contained.find(anchors);
    this.contained.add(a, anchors);
    if (match < 0) return -1;
    const root = this.duplicateRoot[match]!;
    return root >= 0 ? root : match;
  }

  private joinAsDuplicate(a: number, original: number, at: number): Assignment {
    const s = this.resolve(this.articleStory[original]!);
    this.articleStory[a] = s;
    this.duplicateRoot[a] = original;
    this.stories[s]!.size++;
    this.stories[s]!.touch(at);
    return { storyId: this.stories[s]!.id, duplicateOf: this.articleIds[original]!, merged: [] };
  }

  /** Indexes (into vector) of the article's rarest, heaviest terms, heaviest first; then, for a
   * dated article, its heaviest names that did not make the cut (see entityQueryTerms). */
  private queryTerms(vector: SparseVector, dated: boolean): number[] {
    const limit = this.p.maxQueryDocShare * this.vocab.docCount;
    const order = heaviest(vector, vector.ids.length, this.idfOf).filter((i) => {
      const df = this.vocab.df(vector.ids[i]!);
      return df <= MIN_DF_FOR_COMMON || df <= limit;
    });
    const n = Math.max(this.p.queryTerms, this.p.indexTerms);
    const terms = order.slice(0, n);
    if (!dated || this.p.entityQueryTerms === 0) return terms;
    let extra = 0;
    for (let k = n; k < order.length && extra < this.p.entityQueryTerms; k++) {
      if (this.vocab.isEntity(vector.ids[order[k]!]!)) {
        terms.push(order[k]!);
        extra++;
      }
    }
    return terms;
  }

  private bestStory(vector: SparseVector, docNorm: number, terms: number[], at: number): number {
    const query = terms.slice(0, this.p.queryTerms);
    for (let k = Math.max(this.p.queryTerms, this.p.indexTerms); k < terms.length; k++)
      query.push(terms[k]!);
    const candidates = this.candidates(vector, query);
    let best = -1;
    let bestScore = 0;
    const threshold = this.joinThreshold(vector.ids.length);
    const young = this.p.youngBonus * Math.min(1, this.p.youngTerms / vector.ids.length);
    for (const s of candidates) {
      const story = this.stories[s]!;
      const cosine = dot(vector, story.vector, this.idfOf) / (docNorm * this.storyNorm(story));
      const score =
        cosine * decay(gapMs(story, at, at), this.p.decayGraceMs, this.p.decayHalfLifeMs);
      // Each story has its own bar (young ones a higher one); among those cleared, the best wins.
      if (score <= threshold + young / story.size) continue;
      if (score > bestScore || (score === bestScore && best >= 0 && s < best)) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  /** The join threshold for an article of this many distinct terms: long texts share more
   * background vocabulary by chance, so their cosine with an unrelated story runs higher. */
  private joinThreshold(terms: number): number {
    const excess = terms / this.p.joinLengthTerms;
    return excess <= 1
      ? this.p.joinThreshold
      : this.p.joinThreshold * excess ** this.p.joinLengthExponent;
  }

  /** Stories sharing the most (IDF-weighted) query terms, at most maxCandidates. */
  private candidates(vector: SparseVector, terms: number[], exclude = -1): number[] {
    const stamp = ++this.stamp;
    const found: number[] = [];
    const cap = this.p.postingCap;
    for (const t of terms) {
      const weight = vector.weights[t]! * this.idfOf(vector.ids[t]!);
      const list = this.postings.list(vector.ids[t]!);
      if (list === null) continue;
      for (let i = list.length - 1, stop = Math.max(0, list.length - cap); i >= stop; i--) {
        const s = this.resolve(list[i]!);
        if (s === exclude) continue;
        if (this.candidateStamp[s] !== stamp) {
          this.candidateStamp[s] = stamp;
          this.candidateScore[s] = 0;
          found.push(s);
        }
        this.candidateScore[s]! += weight;
      }
    }
    if (found.length <= this.p.maxCandidates) return found.sort((x, y) => x - y);
    found.sort((x, y) => this.candidateScore[y]! - this.candidateScore[x]! || x - y);
    return found.slice(0, this.p.maxCandidates);
  }

  /** The centroid's norm, recomputed when the story changed or the IDF drifted noticeably. */
  private storyNorm(story: StoryState): number {
    const n = this.vocab.docCount;
    if (story.normAt < 0 || n > story.normAt * NORM_REFRESH) {
      story.norm = norm(story.vector, this.idfOf) || 1;
      story.normAt = n;
    }
    return story.norm;
  }

  /** Adds a vector into a centroid, truncating once it holds well over the kept number of terms. */
  private grow(centroid: SparseVector, v: SparseVector, scale: number): SparseVector {
    const sum = addScaled(centroid, v, scale);
    const k = this.p.centroidTerms;
    return sum.ids.length > 2 * k ? truncate(sum, k, this.idfOf) : sum;
  }

  private newStory(articleId: string, a: number): number {
    const s = this.stories.length;
    const story = new StoryState(`s-${articleId}`, a);
    this.stories.push(story);
    this.storyIndex.set(story.id, s);
    if (s >= this.candidateScore.length) {
      const score = new Float64Array(s * 2);
      score.set(this.candidateScore);
      this.candidateScore = score;
      const stamp = new Int32Array(s * 2);
      stamp.set(this.candidateStamp);
      this.candidateStamp = stamp;
    }
    return s;
  }

  private resolve(s: number): number {
    let root = s;
    while (this.stories[root]!.alias >= 0) root = this.stories[root]!.alias;
    let at = s;
    while (this.stories[at]!.alias >= 0 && this.stories[at]!.alias !== root) {
      const next = this.stories[at]!.alias;
      this.stories[at]!.alias = root;
      at = next;
    }
    return root;
  }

  /** Merges each story touched since the last pass into a converged older (or younger) story. */
  private mergePass(): Merge[] {
    const merges: Merge[] = [];
    const touched = [...this.dirty].sort((x, y) => x - y);
    this.dirty = new Set();
    for (const t of touched) {
      const s = this.resolve(t);
      const story = this.stories[s]!;
      const terms = heaviest(story.vector, this.p.indexTerms, this.idfOf);
      const sNorm = this.storyNorm(story);
      let best = -1;
      let bestScore = this.p.mergeThreshold;
      for (const c of this.candidates(story.vector, terms, s)) {
        const other = this.stories[c]!;
        const cosine =
          dot(story.vector, other.vector, this.idfOf) / (sNorm * this.storyNorm(other));
        const gap = gapMs(other, story.firstAt, story.lastAt);
        const score = cosine * decay(gap, this.p.decayGraceMs, this.p.decayHalfLifeMs);
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (best >= 0) merges.push(this.merge(s, best));
    }
    return merges;
  }

  private merge(x: number, y: number): Merge {
    const [into, from] =
      this.stories[x]!.firstArticle < this.stories[y]!.firstArticle ? [x, y] : [y, x];
    const a = this.stories[into]!;
    const b = this.stories[from]!;
    a.vector = this.grow(a.vector, b.vector, 1);
    a.normAt = -1;
    a.size += b.size;
    a.touch(b.firstAt);
    a.touch(b.lastAt);
    b.alias = into;
    b.vector = { ids: new Int32Array(0), weights: new Float32Array(0) };
    return { from: b.id, into: a.id };
  }

  private ensureArticleCapacity(a: number): void {
    if (a < this.articleStory.length) return;
    const story = new Int32Array(this.articleStory.length * 2);
    story.set(this.articleStory);
    this.articleStory = story;
    const root = new Int32Array(this.duplicateRoot.length * 2).fill(-1);
    root.set(this.duplicateRoot);
    this.duplicateRoot = root;
  }
}

/** Fewest words before a fingerprint is trusted to mark a copy. */
const MIN_FINGERPRINT_WORDS = 8;

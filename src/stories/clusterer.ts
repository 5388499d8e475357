// Online, single-pass story clustering in the spirit of Miranda et al. (EMNLP 2018): each article is
// compared with the candidate stories that share its rare terms and entities, by TF-IDF cosine with
// a running IDF and time decay, and joins the best one above a threshold or starts a new story.
// A long article whose lead joins no story may join by a later passage (a briefing transcript
// cited for one exchange). Near-duplicates (wire copies) join their original's story without adding
// evidence. Every `mergeEvery` articles (or hour of publication time), and when the caller settles
// a batch, stories that have converged are merged (the older id survives), and a large story that
// grew is checked for a sub-event it swallowed, which is split off as a story of its own (split.ts).

import { grown } from "./arrays.ts";
import { ContainmentIndex } from "./containment.ts";
import { DuplicateIndex } from "./duplicates.ts";
import {
  type ArticleFeatures,
  articleFeatures,
  featureVector,
  passagesOf,
  passageTerms,
} from "./features.ts";
import { IdIndex } from "./ids.ts";
import type { Assignment, ClusterDoc, Clusterer, ClusterWork, Split } from "./index.ts";
import { Members } from "./members.ts";
import type { ClusterParams } from "./params.ts";
import { DEFAULT_PARAMS } from "./params.ts";
import { Postings } from "./postings.ts";
import { StoryScores } from "./scores.ts";
import type { SparseVector } from "./sparse.ts";
import { heaviest, norm, SpreadVector, sum, TopK } from "./sparse.ts";
import { findSplit } from "./split.ts";
import { decay, Stories } from "./story.ts";
import { Vocabulary } from "./vocabulary.ts";

/** Recompute a cached centroid norm once the article count grew by this factor (IDF drift). */
const NORM_REFRESH = 1.02;

/** A term in at most this many articles may always find candidates, however large a share of a
 * small stream that is (the shares are still noise). */
const MIN_DF_FOR_COMMON = 20;
/** A term in no more articles than this (the new one alone) lists no other story: never a query term. */
const MIN_QUERY_DF = 1;

/** A passage that joins a story: the story, and the passage's vector and norm. */
interface PassageMatch {
  story: number;
  vector: SparseVector;
  norm: number;
}

type Merge = Assignment["merged"][number];

/** What a merge pass changed: stories merged away, and parts split off. */
type PassResult = Pick<Assignment, "merged" | "split">;

const NOTHING_CHANGED: PassResult = { merged: [], split: [] };

export class StoryClusterer implements Clusterer {
  private readonly p: ClusterParams;
  private readonly vocab = new Vocabulary();
  private readonly postings: Postings;
  private readonly dups: DuplicateIndex;
  private readonly contained: ContainmentIndex;
  private readonly stories: Stories;
  private readonly members = new Members();
  /** Scratch for addReport(): the terms an article brings to its story, for the split check. */
  private readonly memberIds: Int32Array;
  private readonly memberWeights: Float32Array;
  private readonly storyIndex = new Map<string, number>();
  private readonly articleIds: string[] = [];
  private readonly articleIndex = new IdIndex(this.articleIds, true);
  private articleStory = new Int32Array(1024);
  private duplicateRoot = new Int32Array(1024).fill(-1);
  /** Scratch for candidates(): each story's score, one posting list, and the chosen stories with
   * their scores. */
  private readonly scores = new StoryScores();
  private readonly chosen: Int32Array;
  private readonly chosenScore: Float64Array;
  private readonly listed: Int32Array;
  /** Scratch for queryTerms(): the heaviest terms (to list the story under), the heaviest names and
   * terms some earlier article has (to query with), and the query built. */
  private readonly top = new TopK();
  private readonly topNames = new TopK();
  private readonly seenTop = new TopK();
  /** The vector being compared with candidate stories (an article's, or a story's when merging). */
  private readonly spread = new SpreadVector();
  private query = new Int32Array(32);
  private queryLength = 0;
  /** The score of the story bestStory() last returned. */
  private bestScore = 0;
  private dirty = new Set<number>();
  /** Publication time of the article after which the last merge pass ran (see mergeEveryMs). */
  private mergedAt = Number.NaN;
  private readonly idfOf = (id: number) => this.vocab.idf(id);
  private readonly counted: ClusterWork = {
    postingsRead: 0,
    centroidProducts: 0,
    mergeChecks: 0,
    splitChecks: 0,
  };

  constructor(params: Partial<ClusterParams> = {}) {
    this.p = { ...DEFAULT_PARAMS, ...params };
    this.postings = new Postings(this.p.postingCap);
    this.stories = new Stories(2 * this.p.centroidTerms);
    this.chosen = new Int32Array(Math.max(0, this.p.maxCandidates));
    this.chosenScore = new Float64Array(Math.max(0, this.p.maxCandidates));
    this.listed = new Int32Array(Math.max(0, this.p.postingCap));
    this.memberIds = new Int32Array(Math.max(0, this.p.indexTerms));
    this.memberWeights = new Float32Array(Math.max(0, this.p.indexTerms));
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

  work(): ClusterWork {
    return { ...this.counted };
  }

  storyOf(articleId: string): string | null {
    const a = this.articleIndex.get(articleId);
    return a < 0 ? null : this.storyIdOf(a);
  }

  keepApart(from: string, into: string): void {
    const s = this.storyIndex.get(from);
    const t = this.storyIndex.get(into);
    if (s !== undefined && t !== undefined)
      this.members.keepApart(this.resolve(t), this.resolve(s));
  }

  topTerms(storyId: string, n = 10): string[] {
    const s = this.storyIndex.get(storyId);
    if (s === undefined) return [];
    const v = this.stories.centroid(this.resolve(s));
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
    if (known >= 0) return this.replayed(known);
    return this.assign(doc.id, doc.publishedAt, articleFeatures(doc, this.p));
  }

  /** Assigns an article whose features were computed ahead (articleFeatures, with this
   * clusterer's parameters): the ordered part of add(). */
  addFeatures(id: string, publishedAt: number, features: ArticleFeatures): Assignment {
    const known = this.articleIndex.get(id);
    if (known >= 0) return this.replayed(known);
    return this.assign(id, publishedAt, features);
  }

  /** The merge pass, run now rather than when the next article makes one due (see Clusterer). */
  settle(): Pick<Assignment, "merged" | "split"> {
    return this.dirty.size > 0 ? this.mergePass() : NOTHING_CHANGED;
  }

  restore(doc: ClusterDoc, storyId: string, duplicateOf: string | null): void {
    if (this.articleIndex.get(doc.id) >= 0) return;
    const features = articleFeatures(doc, this.p);
    const a = this.register(doc.id);
    // Later copies of this article must still be found (the index numbers fingerprints as added).
    this.dups.add(features.fingerprint);
    this.contained.add(a, features.anchors);
    const at = doc.publishedAt;
    // The merge clock goes on from the last restored article, without a pass for the restored.
    if (Number.isFinite(at) && !(this.mergedAt >= at)) this.mergedAt = at;
    const known = this.storyIndex.get(storyId);
    const original = duplicateOf === null ? -1 : this.articleIndex.get(duplicateOf);
    if (known !== undefined && original >= 0) {
      const root = this.duplicateRoot[original]!;
      this.addCopy(a, root >= 0 ? root : original, this.resolve(known), at);
      return;
    }
    const vector = featureVector(features, this.p, this.vocab);
    this.vocab.countDocument(vector.ids);
    const docNorm = norm(vector, this.idfOf) || 1;
    const indexed = this.queryTerms(vector, Number.isFinite(at));
    const s = known !== undefined ? this.resolve(known) : this.namedStory(storyId, a);
    this.addReport(a, s, vector, docNorm, indexed, at);
  }

  /** The id of the story article a is in now (after any merge or split). */
  private storyIdOf(a: number): string {
    return this.stories.ids[this.resolve(this.articleStory[a]!)]!;
  }

  /** Numbers a new article; returns its index. */
  private register(id: string): number {
    const a = this.articleIds.length;
    this.articleIds.push(id);
    this.articleIndex.add(id, a);
    this.ensureArticleCapacity(a);
    return a;
  }

  /** Adds article a's words to story s and lists s under its first `indexed` terms of `top`. */
  private addReport(
    a: number,
    s: number,
    vector: SparseVector,
    docNorm: number,
    indexed: number,
    at: number,
  ): void {
    const stories = this.stories;
    this.grow(s, vector, 1 / docNorm);
    stories.staleNorm(s);
    stories.grewBy(s, 1);
    stories.touch(s, at);
    this.articleStory[a] = s;
    for (let k = 0; k < indexed; k++) {
      const i = this.top.index[k]!;
      this.postings.add(vector.ids[i]!, s);
      this.memberIds[k] = vector.ids[i]!;
      this.memberWeights[k] = vector.weights[i]! / docNorm;
    }
    this.members.add(a, s, at, this.memberIds, this.memberWeights, indexed, vector.ids.length);
  }

  /** Counts article a in story s as a copy of `original`: it adds no words. */
  private addCopy(a: number, original: number, s: number, at: number): void {
    this.articleStory[a] = s;
    this.duplicateRoot[a] = original;
    this.members.add(a, s, at, this.memberIds, this.memberWeights, 0, 0);
    this.stories.grewBy(s, 1, 0);
    this.stories.touch(s, at);
  }

  private assign(id: string, publishedAt: number, features: ArticleFeatures): Assignment {
    const a = this.register(id);

    const original = this.findOriginal(features, a);
    if (original >= 0) return this.joinAsDuplicate(a, original, publishedAt);

    let vector = featureVector(features, this.p, this.vocab);
    this.vocab.countDocument(vector.ids);
    let docNorm = norm(vector, this.idfOf) || 1;
    const dated = Number.isFinite(publishedAt);
    let indexed = this.queryTerms(vector, dated);
    let best = this.bestStory(vector, docNorm, publishedAt, 0);
    if (best < 0 && features.rest !== "") {
      const passages = passagesOf(features.rest, this.p.passageWords, this.p.maxPassages);
      const passage = this.bestPassage(passages, vector.ids, publishedAt, dated);
      if (passage !== null) ({ story: best, vector, norm: docNorm } = passage);
      // The passages' queries overwrote `top`: list the story under the chosen vector's terms.
      indexed = this.queryTerms(vector, dated);
    }
    const s = best >= 0 ? best : this.newStory(id, a);
    this.addReport(a, s, vector, docNorm, indexed, publishedAt);
    this.dirty.add(s);
    const changed = this.mergeDue(a, publishedAt) ? this.mergePass() : NOTHING_CHANGED;
    // A split may have moved this very article: ask where it is now.
    const storyId = this.storyIdOf(a);
    return { storyId, duplicateOf: null, ...changed };
  }

  /** The story the best of a long article's passages joins (see passageWords), with that
   * passage's vector and norm, or null when none clears its bar. `lead`: the article's counted
   * terms. */
  private bestPassage(
    passages: string[],
    lead: Int32Array,
    at: number,
    dated: boolean,
  ): PassageMatch | null {
    let found: PassageMatch | null = null;
    let bestScore = 0;
    for (const passage of passages) {
      const vector = featureVector(passageTerms(passage, this.p), this.p, this.vocab);
      const n = norm(vector, this.idfOf) || 1;
      this.queryTerms(vector, dated, lead);
      const story = this.bestStory(vector, n, at, this.p.passageBonus);
      if (story >= 0 && this.bestScore > bestScore) {
        found = { story, vector, norm: n };
        bestScore = this.bestScore;
      }
    }
    return found;
  }

  private replayed(a: number): Assignment {
    const root = this.duplicateRoot[a]!;
    return {
      storyId: this.storyIdOf(a),
      duplicateOf: root >= 0 ? this.articleIds[root]! : null,
      ...NOTHING_CHANGED,
    };
  }

  /** Indexes the article's fingerprint and anchors; returns the original it copies (article
   * index), or -1. */
  private findOriginal(f: ArticleFeatures, a: number): number {
    let match = f.fingerprinted ? this.dups.find(f.fingerprint) : -1;
    this.dups.add(f.fingerprint);
    if (match < 0) match = this.contained.find(f.anchors);
    this.contained.add(a, f.anchors);
    if (match < 0) return -1;
    const root = this.duplicateRoot[match]!;
    return root >= 0 ? root : match;
  }

  private joinAsDuplicate(a: number, original: number, at: number): Assignment {
    const s = this.resolve(this.articleStory[original]!);
    this.addCopy(a, original, s, at);
    // A copy adds no evidence, but a pass due at its turn still runs.
    const changed = this.mergeDue(a, at) ? this.mergePass() : NOTHING_CHANGED;
    const storyId = this.storyIdOf(a);
    return { storyId, duplicateOf: this.articleIds[original]!, ...changed };
  }

  /** Picks the article's rarest, heaviest terms (see maxQueryDocShare), heaviest first: the first
   * indexTerms of them, into `top`, to list its story under; and the query for candidates, the
   * first queryTerms of those some earlier article also has and, for a dated article, its heaviest
   * such names that did not make the cut (see entityQueryTerms). A term no earlier article has is
   * the heaviest of all (the rarest) yet lists no story: in the query it would only take the slot
   * of a term that can find one. Returns how many of `top` to list the story under. */
  private queryTerms(vector: SparseVector, dated: boolean, lead: Int32Array | null = null): number {
    const limit = this.p.maxQueryDocShare * this.vocab.docCount;
    const k = this.p.queryTerms;
    const extras = dated ? this.p.entityQueryTerms : 0;
    const top = this.top;
    const seen = this.seenTop;
    const names = this.topNames;
    top.reset(this.p.indexTerms);
    seen.reset(k);
    // The names among the k + extras heaviest include the `extras` heaviest beyond the top k.
    names.reset(extras > 0 ? k + extras : 0);
    const ids = vector.ids;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const df = this.vocab.df(id);
      if (!(df <= MIN_DF_FOR_COMMON || df <= limit)) continue;
      const mass = vector.weights[i]! * this.idfOf(id);
      top.offer(i, mass);
      // Passages are not counted as documents: a term of the passage that its lead lacks has an
      // df without this article, so one earlier article suffices.
      const own = lead === null || hasTerm(lead, id) ? 0 : 1;
      if (df + own <= MIN_QUERY_DF) continue;
      seen.offer(i, mass);
      if (extras > 0 && this.vocab.isEntity(id)) names.offer(i, mass);
    }
    let q = 0;
    const query = this.ensureQuery(seen.size + extras);
    for (let j = 0; j < seen.size; j++) query[q++] = seen.index[j]!;
    if (seen.size === k && k > 0) {
      // A name is beyond the top k when it ranks below the k-th term (ties: a higher index).
      const lastMass = seen.mass[k - 1]!;
      const lastIndex = seen.index[k - 1]!;
      let added = 0;
      for (let j = 0; j < names.size && added < extras; j++) {
        const mass = names.mass[j]!;
        if (mass > lastMass || (mass === lastMass && names.index[j]! <= lastIndex)) continue;
        query[q++] = names.index[j]!;
        added++;
      }
    }
    this.queryLength = q;
    return top.size;
  }

  private ensureQuery(size: number): Int32Array {
    if (size > this.query.length) this.query = new Int32Array(size * 2);
    return this.query;
  }

  /** The story the article (or passage) joins, its query built by queryTerms, or -1 for a new
   * story; its score is left in bestScore. extraBar raises every story's bar (see passageBonus). */
  private bestStory(vector: SparseVector, docNorm: number, at: number, extraBar: number): number {
    const threshold = this.joinThreshold(vector.ids.length) + extraBar;
    const found = this.candidates(
      vector,
      this.query,
      this.queryLength,
      -1,
      at - this.reach(threshold),
    );
    this.spread.load(vector, this.idfOf);
    this.counted.centroidProducts += found;
    // joinBar's two parts, the same for every candidate.
    const young = this.youngBar(vector.ids.length);
    let best = -1;
    let bestScore = 0;
    for (let c = 0; c < found; c++) {
      const s = this.chosen[c]!;
      const stories = this.stories;
      const cosine = stories.dot(s, this.spread) / (docNorm * this.storyNorm(s));
      const score =
        cosine * decay(stories.gapMs(s, at, at), this.p.decayGraceMs, this.p.decayHalfLifeMs);
      // Each story has its own bar (young ones a higher one); among those cleared, the best wins.
      if (score <= threshold + young / stories.reports(s)) continue;
      if (score > bestScore || (score === bestScore && best >= 0 && s < best)) {
        best = s;
        bestScore = score;
      }
    }
    this.bestScore = bestScore;
    return best;
  }

  /** The score an article of this many distinct terms needs to join a story of this size:
   * joinThreshold for its length, plus the young-story bar (see youngBonus). */
  private joinBar(terms: number, storySize: number): number {
    return this.joinThreshold(terms) + this.youngBar(terms) / storySize;
  }

  /** The young-story bar of an article of this many distinct terms, for a story of one article. */
  private youngBar(terms: number): number {
    return this.p.youngBonus * Math.min(1, this.p.youngTerms / terms);
  }

  /** The join threshold for an article of this many distinct terms: long texts share more
   * background vocabulary by chance, so their cosine with an unrelated story runs higher. */
  private joinThreshold(terms: number): number {
    const excess = terms / this.p.joinLengthTerms;
    return excess <= 1
      ? this.p.joinThreshold
      : this.p.joinThreshold * excess ** this.p.joinLengthExponent;
  }

  /** The gap from a story's last article beyond which time decay alone keeps its score at or
   * under `bar` (a cosine is at most 1): such a story cannot be joined or merged, so candidates()
   * skips it unscored and it leaves its candidate slot to a live story. Rare terms list stories
   * from months back, whose centroids are the coldest memory of all: at a million articles
   * (100 days of the bench's stream) this cut the time per article from 71.5 to 64.5 us (one
   * process per version); the freed slots changed 0.09% of assignments there, and no planted-story
   * B3. Infinity when nothing decays. */
  private reach(bar: number): number {
    const { decayGraceMs: grace, decayHalfLifeMs: halfLife } = this.p;
    const gap = grace + halfLife * Math.log2(1 / bar);
    return bar > 0 && gap >= 0 ? gap : Number.POSITIVE_INFINITY;
  }

  /** Stories sharing the most (IDF-weighted) query terms, at most maxCandidates, into `chosen`
   * (by id when all fit, else by that score, then id), leaving out `exclude`; each term's list is
   * read up to its first story last updated before `notBefore` (NaN: read whole); returns how
   * many. */
  private candidates(
    vector: SparseVector,
    terms: Int32Array,
    count: number,
    exclude: number,
    notBefore: number,
  ): number {
    const stories = this.stories;
    const scores = this.scores;
    for (let q = 0; q < count; q++) {
      const t = terms[q]!;
      const weight = vector.weights[t]! * this.idfOf(vector.ids[t]!);
      const n = this.postings.newest(vector.ids[t]!, this.listed);
      scores.reserve(n);
      let i = 0;
      for (; i < n; i++) {
        const s = this.resolve(this.listed[i]!);
        // A term lists stories newest first, so every story listed after one out of reach was
        // listed before `notBefore` too; a story still live lists itself again under the words
        // of its newer reports. At a million articles this reads 273 entries an article instead
        // of 328, with the same planted-story B3 (bench:cluster). Undated stories (NaN) never stop it.
        if (stories.lastAt(s) < notBefore) break;
        if (s !== exclude) scores.add(s, weight);
      }
      this.counted.postingsRead += Math.min(n, i + 1);
    }
    const chosen = this.chosen;
    const best = this.chosenScore;
    const k = this.p.maxCandidates;
    const found = scores.size;
    let m = 0;
    for (let c = 0; c < found; c++) {
      const s = scores.story(c);
      const sc = scores.score(c);
      // The k best by score, ties to the lower id.
      if (m === k) {
        if (k === 0 || !(sc > best[k - 1]! || (sc === best[k - 1] && s < chosen[k - 1]!))) continue;
        m--;
      }
      let j = m;
      for (; j > 0 && (best[j - 1]! < sc || (best[j - 1] === sc && chosen[j - 1]! > s)); j--) {
        chosen[j] = chosen[j - 1]!;
        best[j] = best[j - 1]!;
      }
      chosen[j] = s;
      best[j] = sc;
      m++;
    }
    scores.clear();
    // Few: all of them, by id.
    if (found <= k) insertionSort(chosen, m);
    return m;
  }

  /** The centroid's norm, recomputed when the story changed or the IDF drifted noticeably. */
  private storyNorm(s: number): number {
    const n = this.vocab.docCount;
    const stories = this.stories;
    const at = stories.normAt(s);
    if (at < 0 || n > at * NORM_REFRESH) {
      stories.setNorm(s, stories.centroidNorm(s, this.idfOf) || 1, n);
    }
    return stories.cachedNorm(s);
  }

  /** Adds a vector into a story's centroid, truncating once it holds well over the kept number
   * of terms. */
  private grow(s: number, v: SparseVector, scale: number): void {
    const k = this.p.centroidTerms;
    const summed = sum(this.stories.centroid(s), v, scale, 2 * k, k, this.idfOf);
    this.stories.setCentroid(s, summed.ids, summed.weights, summed.length);
  }

  private newStory(articleId: string, a: number): number {
    return this.namedStory(`s-${articleId}`, a);
  }

  private namedStory(storyId: string, a: number): number {
    const s = this.stories.add(storyId, a);
    this.storyIndex.set(storyId, s);
    return s;
  }

  /** The living story a (possibly merged) story index stands for, compressing the alias path. */
  private resolve(s: number): number {
    const stories = this.stories;
    let root = stories.alias(s);
    if (root < 0) return s;
    for (let next = stories.alias(root); next >= 0; next = stories.alias(root)) root = next;
    let at = s;
    while (stories.alias(at) !== root) {
      const next = stories.alias(at);
      stories.setAlias(at, root);
      at = next;
    }
    return root;
  }

  /** Whether a merge pass is due after article a: every mergeEvery articles, or once the
   * publication clock moved mergeEveryMs past the last pass. */
  private mergeDue(a: number, at: number): boolean {
    const byCount = a % this.p.mergeEvery === this.p.mergeEvery - 1;
    if (!Number.isFinite(at)) return byCount;
    if (!Number.isFinite(this.mergedAt)) {
      // The first dated article starts the clock without a pass.
      this.mergedAt = at;
      return byCount;
    }
    const byClock = at >= this.mergedAt + this.p.mergeEveryMs;
    // An older article arriving late at a count pass must not wind the clock back.
    if (byCount || byClock) this.mergedAt = Math.max(this.mergedAt, at);
    return byCount || byClock;
  }

  /** Merges each story touched since the last pass into a converged older (or younger) story, and
   * splits a large one that did not merge when it holds two events (see split.ts). */
  private mergePass(): PassResult {
    const merges: Merge[] = [];
    const unmerged: number[] = [];
    const touched = [...this.dirty].sort((x, y) => x - y);
    this.dirty = new Set();
    const stories = this.stories;
    for (const t of touched) {
      const s = this.resolve(t);
      // A grown story's centroid moves by about one article in its size: recheck it only once it
      // has grown by the factor, not after every article (see mergeRecheckGrowth).
      const size = stories.size(s);
      if (
        size > this.p.mergeAlwaysBelow &&
        size < stories.mergeCheckedSize[s]! * this.p.mergeRecheckGrowth
      )
        continue;
      stories.mergeCheckedSize[s] = size;
      const top = this.top;
      top.reset(this.p.indexTerms);
      const v = stories.centroid(s);
      // Terms of this story's articles alone find no other story, yet are its rarest and would
      // take every slot of the query.
      for (let i = 0; i < v.ids.length; i++) {
        const id = v.ids[i]!;
        if (this.vocab.df(id) <= MIN_QUERY_DF || this.listsOnly(id, s)) continue;
        top.offer(i, v.weights[i]! * this.idfOf(id));
      }
      const sNorm = this.storyNorm(s);
      let best = -1;
      let bestScore = 0;
      const firstAt = stories.firstAt(s);
      const lastAt = stories.lastAt(s);
      // The lowest bar a merge can have (see mergeBar): no story skipped could have cleared it.
      const notBefore = firstAt - this.reach(Math.min(this.p.mergeThreshold, this.p.joinThreshold));
      const found = this.candidates(v, top.index, top.size, s, notBefore);
      this.spread.load(v, this.idfOf);
      this.counted.mergeChecks++;
      this.counted.centroidProducts += found;
      for (let k = 0; k < found; k++) {
        const c = this.chosen[k]!;
        if (this.splitApart(s, c)) continue;
        const cosine = stories.dot(c, this.spread) / (sNorm * this.storyNorm(c));
        const gap = stories.gapMs(c, firstAt, lastAt);
        const score = cosine * decay(gap, this.p.decayGraceMs, this.p.decayHalfLifeMs);
        if (score > this.mergeBar(s, c) && score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (best >= 0) merges.push(this.merge(s, best));
      else unmerged.push(s);
    }
    // Splits come after every merge of the pass, so the pipeline can apply the merges, then the
    // splits, and see the stories as the clusterer saw them.
    const splits: Split[] = [];
    const checked = new Set<number>();
    for (const u of unmerged) {
      const s = this.resolve(u);
      if (checked.has(s)) continue;
      checked.add(s);
      if (!this.splitDue(s)) continue;
      const split = this.trySplit(s);
      if (split !== null) splits.push(split);
    }
    return { merged: merges, split: splits };
  }

  /** Whether story s is the one story ever listed under the term. */
  private listsOnly(termId: number, s: number): boolean {
    const sole = this.postings.soleStory(termId);
    return sole >= 0 && this.resolve(sole) === s;
  }

  /** Whether story s is large enough and grew enough since its last split check. */
  private splitDue(s: number): boolean {
    const reports = this.stories.reports(s);
    const checked = this.stories.splitCheckedReports;
    if (reports < this.p.splitMinReports || reports < checked[s]! * this.p.mergeRecheckGrowth) {
      return false;
    }
    checked[s] = reports;
    return true;
  }

  /** Whether one of the two stories was split from the other: they are never merged back. */
  private splitApart(x: number, y: number): boolean {
    const fromX = this.members.splitOf(x);
    const fromY = this.members.splitOf(y);
    return (fromX >= 0 && this.resolve(fromX) === y) || (fromY >= 0 && this.resolve(fromY) === x);
  }

  /** Splits off the reports of story s that findSplit picks, with their copies, as a new story
   * named after the earliest of them; returns the split, or null when s stays whole. */
  private trySplit(s: number): Split | null {
    const members = this.members;
    const stories = this.stories;
    const all = members.list(s);
    const reports = all.filter((a) => this.duplicateRoot[a]! < 0);
    const part = findSplit(
      reports.map((a) => members.terms(a).ids),
      {
        minPart: this.p.splitMinPart,
        vocabulary: this.p.splitVocabulary,
        prior: this.p.splitPrior,
      },
    );
    this.counted.splitChecks++;
    if (part === null) return null;
    const moving = new Set(part.map((i) => reports[i]!));
    // Named after its earliest article whose name no story has: not the story it leaves (which
    // keeps its id, as the larger part), nor one an earlier split named after an article that
    // has moved on since.
    let first = -1;
    for (const a of moving) {
      if ((first < 0 || a < first) && !this.storyIndex.has(`s-${this.articleIds[a]!}`)) first = a;
    }
    if (first < 0) return null;
    const t = this.namedStory(`s-${this.articleIds[first]!}`, first);
    const stay: number[] = [];
    const moved: number[] = [];
    for (const a of all) {
      const root = this.duplicateRoot[a]!;
      (moving.has(root >= 0 ? root : a) ? moved : stay).push(a);
    }
    members.setList(s, stay);
    members.setList(t, moved);
    members.keepApart(t, s);
    // The story left behind spans only the articles it kept.
    stories.clearSpan(s);
    for (const a of stay) stories.touch(s, members.time(a));
    for (const a of moved) {
      this.articleStory[a] = t;
      stories.touch(t, members.time(a));
      const terms = members.terms(a);
      if (terms.ids.length === 0) continue;
      this.grow(t, terms, 1);
      this.grow(s, terms, -1);
      for (let i = 0; i < terms.ids.length; i++) this.postings.add(terms.ids[i]!, t);
    }
    this.dropNonPositive(s);
    stories.grewBy(t, moved.length, moving.size);
    stories.grewBy(s, -moved.length, -moving.size);
    stories.staleNorm(s);
    stories.staleNorm(t);
    stories.mergeCheckedSize[s] = stories.size(s);
    stories.mergeCheckedSize[t] = stories.size(t);
    stories.splitCheckedReports[s] = stories.reports(s);
    stories.splitCheckedReports[t] = stories.reports(t);
    return {
      from: stories.ids[s]!,
      into: stories.ids[t]!,
      articleIds: moved.map((a) => this.articleIds[a]!),
    };
  }

  /** Drops the terms a subtraction left at or below zero from story s's centroid. */
  private dropNonPositive(s: number): void {
    const v = this.stories.centroid(s);
    const ids = new Int32Array(v.ids.length);
    const weights = new Float32Array(v.ids.length);
    let n = 0;
    for (let i = 0; i < v.ids.length; i++) {
      if (v.weights[i]! <= 1e-6) continue;
      ids[n] = v.ids[i]!;
      weights[n++] = v.weights[i]!;
    }
    this.stories.setCentroid(s, ids, weights, n);
  }

  /** The score two stories need to merge: mergeThreshold, or when either story's first article is
   * long (more distinct terms than joinLengthTerms), the bar the smaller story's first article
   * would need to join the other now. A long report's best match is often a story of one article
   * whose young bar it missed by little (wikinews-dev: a rocket's mission report at 0.133 against
   * 0.153); once that story has grown, its centroid carries more of the event and the report clears
   * an article's bar, which for long texts sits below mergeThreshold. So for two stories of two
   * long reports each (a resignation's four sources split two and two in 7 of 10 orders, at 0.14
   * to 0.19) and for a short page beside a story of long reports (a rocket's product page at 0.19
   * to 0.23 against its six reports): wikinews-dev mean B-cubed F1 over 10 orders 90.9 -> 91.7 ->
   * 92.5, with no new fusion. Two short items keep the centroid bar: re-asking them chained
   * unrelated stories together (googlenews-dev ACC 90.1 -> 88.6). */
  private mergeBar(x: number, y: number): number {
    const stories = this.stories;
    const [one, other] = stories.reports(x) <= stories.reports(y) ? [x, y] : [y, x];
    const firstTerms = (s: number) => this.members.distinct(stories.firstArticle[s]!);
    const terms = firstTerms(one);
    const long = this.p.joinLengthTerms;
    if (terms <= long && firstTerms(other) <= long) return this.p.mergeThreshold;
    return Math.min(this.p.mergeThreshold, this.joinBar(terms, stories.reports(other)));
  }

  private merge(x: number, y: number): Merge {
    const stories = this.stories;
    const [into, from] = stories.firstArticle[x]! < stories.firstArticle[y]! ? [x, y] : [y, x];
    this.grow(into, stories.centroid(from), 1);
    stories.staleNorm(into);
    stories.grewBy(into, stories.size(from), stories.reports(from));
    stories.touch(into, stories.firstAt(from));
    stories.touch(into, stories.lastAt(from));
    stories.setAlias(from, into);
    stories.clearCentroid(from);
    this.members.join(into, from);
    // What was split off `from` stays apart from what absorbed it.
    const splitFrom = this.members.splitOf(from);
    if (splitFrom >= 0 && this.members.splitOf(into) < 0) this.members.keepApart(into, splitFrom);
    return { from: stories.ids[from]!, into: stories.ids[into]! };
  }

  private ensureArticleCapacity(a: number): void {
    if (a < this.articleStory.length) return;
    this.articleStory = grown(this.articleStory, this.articleStory.length * 2);
    this.duplicateRoot = grown(this.duplicateRoot, this.duplicateRoot.length * 2, -1);
  }
}

/** Whether a sorted list of term ids holds `id`. */
function hasTerm(ids: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = ids[mid]!;
    if (x === id) return true;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Sorts the first n values ascending in place: the fastest sort for a few dozen. */
function insertionSort(values: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = values[i]!;
    let j = i;
    for (; j > 0 && values[j - 1]! > x; j--) values[j] = values[j - 1]!;
    values[j] = x;
  }
}

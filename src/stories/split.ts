// Splitting a story that has swallowed another. Online clustering can fuse two events that share
// their cast: the first report of a sub-event (a parody of a singer's video) joins the singer's
// running story, the centroid takes its words, and every later report follows. Merging cannot
// undo that; a split check can. It looks inside a large story for a group of terms that travel
// together in a minority of its articles and nowhere else (the parody's two actors and its name),
// and splits those articles off when a Dirichlet-multinomial mixture, the model of GSDMM (Yin and
// Wang, KDD 2014) and its streaming successors, gives two stories more evidence than one: the
// Bayes factor of the collapsed likelihoods with a Chinese-restaurant prior on the partition.
// Written by hand: no maintained npm package offers a Bayesian split test for term lists.

import { popcount32 } from "../text/fingerprint.ts";

/** Two terms belong to one group when the articles holding either mostly hold both (Jaccard of
 * their article sets): names and phrases of one sub-event ("seth", "rogen", "franco") travel
 * together, a story's own vocabulary is spread over all its articles. */
const GROUP_JACCARD = 0.7;
/** A part split off holds at most half the story (the rest keeps the story's id) and at least a
 * tenth: a rarer group is a detail of the story, not an event beside it. */
const MAX_PART_SHARE = 0.5;
const MIN_PART_SHARE = 0.1;

export interface SplitParams {
  /** Fewest articles a part split off may hold (see ClusterParams.splitMinPart). */
  minPart: number;
  /** Size of the vocabulary the mixture draws words from (see ClusterParams.splitVocabulary). */
  vocabulary: number;
  /** Symmetric Dirichlet prior on a story's word distribution (see ClusterParams.splitPrior). */
  prior: number;
}

/** The articles (indices into `articles`, each a list of distinct term ids) to split off as a
 * story of their own, or null when one story explains them best. */
export function findSplit(articles: ArrayLike<number>[], p: SplitParams): number[] | null {
  const n = articles.length;
  const minPart = Math.max(p.minPart, Math.ceil(MIN_PART_SHARE * n));
  const maxPart = Math.floor(MAX_PART_SHARE * n);
  if (minPart > maxPart) return null;
  const whole = termCounts(articles, null);
  const holders = termHolders(articles, whole, minPart, maxPart);
  const groups = termGroups(holders);
  const wholeEvidence = evidence(whole.values(), p);
  let best: number[] | null = null;
  let bestFactor = 0;
  for (const group of groups) {
    const part = partHolding(group, holders, n);
    if (part.length < minPart || part.length > maxPart) continue;
    const inPart = new Uint8Array(n);
    for (const i of part) inPart[i] = 1;
    const inside = termCounts(articles, inPart);
    const factor =
      evidence(inside.values(), p) +
      evidence(remainder(whole, inside), p) -
      wholeEvidence +
      partitionPrior(part.length, n - part.length, n);
    if (factor > bestFactor) {
      best = part;
      bestFactor = factor;
    }
  }
  return best;
}

/** For each term held by between minPart and maxPart articles (`df`: how many hold each, as the
 * articles' terms are distinct), the bitset of those articles. */
function termHolders(
  articles: ArrayLike<number>[],
  df: Map<number, number>,
  minPart: number,
  maxPart: number,
): Map<number, Uint32Array> {
  const words = (articles.length + 31) >>> 5;
  const holders = new Map<number, Uint32Array>();
  for (const [term, count] of df) {
    if (count >= minPart && count <= maxPart) holders.set(term, new Uint32Array(words));
  }
  for (let a = 0; a < articles.length; a++) {
    const terms = articles[a]!;
    for (let i = 0; i < terms.length; i++) {
      const bits = holders.get(terms[i]!);
      if (bits !== undefined) bits[a >>> 5]! |= 1 << (a & 31);
    }
  }
  return holders;
}

/** Groups of two or more terms linked by GROUP_JACCARD (connected components). */
function termGroups(holders: Map<number, Uint32Array>): number[][] {
  const terms = [...holders.keys()].sort((x, y) => x - y);
  const parent = terms.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const sizes = terms.map((t) => popcount(holders.get(t)!));
  for (let i = 0; i < terms.length; i++) {
    const a = holders.get(terms[i]!)!;
    for (let j = i + 1; j < terms.length; j++) {
      // Jaccard >= J needs the smaller set to be at least J of the larger.
      const small = Math.min(sizes[i]!, sizes[j]!);
      const large = Math.max(sizes[i]!, sizes[j]!);
      if (small < GROUP_JACCARD * large) continue;
      const both = intersection(a, holders.get(terms[j]!)!);
      if (both >= GROUP_JACCARD * (sizes[i]! + sizes[j]! - both)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < terms.length; i++) {
    const r = root(i);
    const group = groups.get(r);
    if (group === undefined) groups.set(r, [terms[i]!]);
    else group.push(terms[i]!);
  }
  return [...groups.values()].filter((g) => g.length >= 2);
}

/** The articles holding at least half of the group's terms. */
function partHolding(group: number[], holders: Map<number, Uint32Array>, n: number): number[] {
  const bits = group.map((t) => holders.get(t)!);
  const part: number[] = [];
  for (let a = 0; a < n; a++) {
    let held = 0;
    for (const b of bits) if ((b[a >>> 5]! >>> (a & 31)) & 1) held++;
    if (2 * held >= group.length) part.push(a);
  }
  return part;
}

/** Occurrences of each term in the articles of the part (1 in `part`); in all when part is null. */
function termCounts(articles: ArrayLike<number>[], part: Uint8Array | null): Map<number, number> {
  const counts = new Map<number, number>();
  for (let a = 0; a < articles.length; a++) {
    if (part !== null && part[a] !== 1) continue;
    const terms = articles[a]!;
    for (let i = 0; i < terms.length; i++) counts.set(terms[i]!, (counts.get(terms[i]!) ?? 0) + 1);
  }
  return counts;
}

/** The counts of the whole less those of a part: the rest's, without counting it again. */
function* remainder(whole: Map<number, number>, part: Map<number, number>): Iterable<number> {
  for (const [term, count] of whole) {
    const rest = count - (part.get(term) ?? 0);
    if (rest > 0) yield rest;
  }
}

/** Log marginal likelihood of a story's words (each term's count) under one multinomial with a
 * symmetric Dirichlet prior (the Polya distribution of the word counts). */
function evidence(counts: Iterable<number>, p: SplitParams): number {
  const mass = p.vocabulary * p.prior;
  let words = 0;
  let sum = 0;
  const prior = logGamma(p.prior);
  for (const c of counts) {
    words += c;
    sum += logGamma(p.prior + c) - prior;
  }
  return logGamma(mass) - logGamma(mass + words) + sum;
}

/** Log prior odds of two stories of these sizes over one of n, under a Chinese restaurant process
 * of concentration 1: the rich-get-richer prior that makes a split earn its keep. */
function partitionPrior(a: number, b: number, n: number): number {
  return logGamma(a) + logGamma(b) - logGamma(n);
}

function intersection(a: Uint32Array, b: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) count += popcount32((a[i]! & b[i]!) >>> 0);
  return count;
}

function popcount(bits: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < bits.length; i++) count += popcount32(bits[i]!);
  return count;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7: nine significant digits or more, plenty for a Bayes factor). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const t = x - 0.5 + 7;
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (x - 1 + i);
  return 0.5 * Math.log(2 * Math.PI) + (x - 0.5) * Math.log(t) - t + Math.log(a);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61503188678384, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

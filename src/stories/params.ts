// Every knob of the story clusterer, with its default and the reason for it.
// Defaults were chosen on the development sets (googlenews-dev, wikinews-dev): general settings, not
// fitted item by item. Times are in milliseconds.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ClusterParams {
  /** Cosine similarity (after time decay) an article needs to join an existing story; below it the
   * article starts a new story. Single threshold, as in Miranda et al.; there is no fixed k. */
  joinThreshold: number;
  /** Distinct terms up to which joinThreshold applies as it is; a longer article needs
   * joinThreshold * (terms / joinLengthTerms) ^ joinLengthExponent. Unrelated long texts share more
   * background words by chance (two 190-term reports of different Microsoft news reach 0.11-0.19,
   * where short items about different events stay under 0.1). 80 terms: a headline and a few
   * paragraphs, so short items (all of googlenews) are unaffected. */
  joinLengthTerms: number;
  /** See joinLengthTerms: 0.3 lifts the threshold to ~0.17 for a 500-term article. */
  joinLengthExponent: number;
  /** Extra join threshold for a young story: youngBonus / size, so a story of one article needs
   * joinThreshold + youngBonus, of two + youngBonus / 2, and a grown story barely more. The size
   * counts reports, not wire copies: a copy adds no words to the centroid, so no steadiness. A match
   * with one or two short texts rests on a few shared words (two items on different news about
   * the same celebrity share just the names) and decides where the whole event then gathers;
   * a centroid of many articles is a sturdier estimate. Scaled down for longer articles (see
   * youngTerms), whose matches rest on many shared words. 0 turns it off. */
  youngBonus: number;
  /** Distinct terms up to which youngBonus applies in full (a headline and a line of text); a
   * longer article gets youngBonus * youngTerms / terms: two long reports of one event may share
   * only a cosine of 0.2-0.3 yet many words (the demo's budget reports: 0.18 at 91 terms). */
  youngTerms: number;
  /** Weight of headline terms relative to body terms: the headline names the event, the body
   * wanders. Applied to term counts before TF-IDF. */
  titleWeight: number;
  /** Weight of a named entity (capitalised run such as "condoleezza_rice") relative to a word.
   * Entities are the strongest "same event" evidence; Miranda et al. keep them as their own feature. */
  entityWeight: number;
  /** Weight of word bigrams ("white_house") relative to single words: phrases disambiguate short
   * texts such as headlines. 0 turns bigrams off. */
  bigramWeight: number;
  /** Earlier articles that must contain a bigram before it enters a vector (a collocation). */
  bigramMinDf: number;
  /** Body words read per article: the lead carries the event; the tail of a long article drifts to
   * background and costs time. */
  maxBodyWords: number;
  /** Words per passage of a long article's text beyond maxBodyWords; 0 turns passages off. When
   * an article's lead joins no story, its passages are tried one by one and the best passage that
   * clears its own bar joins its story, standing for the article (its words grow the centroid and
   * index the story). A press briefing or a speech transcript cited for one exchange deep inside
   * it opens on something else (wikinews-dev: a defence briefing's tanker-lease question, 5,456
   * words long). wikinews-dev B-cubed F1 92.2 -> 93.3, over 10 orders mean 89.0 -> 90.0;
   * googlenews-dev has no long texts, so no passages. 150: about one exchange or a few paragraphs.
   * At 100 and 150 words every passageBonus from 0 to 0.09 gives 93.3; at 200 or 250 a keynote
   * transcript's passage joins a story that fused two Microsoft events (91.9) unless the bonus is
   * 0.035-0.05, and at 300 the briefing's passage misses its bar (92.2). */
  passageWords: number;
  /** Most passages read per article (passageWords each): bounds the cost of a huge page. */
  maxPassages: number;
  /** Extra join bar for a passage, over an article's bar for its length: an article tried as
   * many passages gets many chances at a chance match (see passageWords for the range tried). */
  passageBonus: number;
  /** Terms kept in a story centroid (top by TF-IDF mass). Bounds memory per story and speeds the
   * cosine; the tail of a centroid is noise from single articles. 96 (from 64) keeps more facets of
   * a large story that a follow-up may match (googlenews-dev titles ACC 78.0 -> 78.3); 128 began to
   * merge two political stories of the demo corpus that share their cast. */
  centroidTerms: number;
  /** Terms of a new article used to look up candidate stories in the inverted index: its rarest,
   * heaviest terms. More finds more candidates at more cost. With 12, a long report sharing only its
   * mid-weight terms (a rocket's name in an engine's product page) missed its story: 20 lifts
   * wikinews-dev B-cubed F1 by ~1 point and snippets above the naive baseline. */
  queryTerms: number;
  /** Terms of each article under which its story is listed in the inverted index (the article's
   * query terms, heaviest first): the other half of the lookup, so kept equal to queryTerms. */
  indexTerms: number;
  /** Stories kept per posting list, most recent first; older entries are dropped. Caps the cost of
   * common terms as the index grows (a story idle that long is rarely the right one, and its rare
   * terms still find it). 16 scores the same as 64 on every development set and on the bench's
   * planted stories at a million articles, and gathering candidates, the cost that grows with the
   * archive, reads a quarter as many entries. */
  postingCap: number;
  /** Candidate stories scored with the full cosine, the ones sharing the most query terms. 8: the
   * right story is nearly always among the first few; each extra one costs a centroid product. */
  maxCandidates: number;
  /** Terms in more than this share of all articles are not used to find candidates (too common
   * to be evidence; they still count in the cosine). */
  maxQueryDocShare: number;
  /** A dated article also looks up candidates by up to this many of its heaviest names beyond its
   * queryTerms: a long follow-up (the victim named, a district's damage) has rarer words of its own
   * than the event's, but shares the event's names. Only dated articles: time decay then keeps a
   * name-only match from reaching back to an old story; undated, names reach everything. */
  entityQueryTerms: number;
  /** Time decay half-life: similarity is halved for each half-life between the article and the
   * story's last update. Three days lets a running story continue over a weekend while two events
   * a week apart that share a famous name fall to a quarter. Unknown dates (NaN) never decay. */
  decayHalfLifeMs: number;
  /** Gap below which no decay applies at all: articles of the same news cycle are not penalised
   * for arriving hours apart. */
  decayGraceMs: number;
  /** Run a merge pass after this many articles. Early stories are built with an immature IDF and
   * may split one event in two; merging repairs that as evidence accumulates. */
  mergeEvery: number;
  /** Also run a merge pass once publication time has moved on this far since the last one: a slow
   * stream (a few feeds, dozens of articles a day) would otherwise wait days for mergeEvery
   * articles, and a story split in two would show as two until then. The clock is the articles'
   * own publication times, so replaying the same articles in the same order merges the same way
   * (restart). On the bench's stream (10k articles a day) this adds a pass per ~400 articles to
   * the one per 100. Undated articles never advance it. wikinews-dev (91 dated articles) never
   * reached mergeEvery; with passes by the clock and the long-article bar (see mergeBar in
   * clusterer.ts) B-cubed F1 goes 89.6 -> 92.2 (by the clock alone it stays 89.6). */
  mergeEveryMs: number;
  /** A story touched since the last merge pass is checked again only once its size has grown by
   * this factor since its last check (1: after every article that joined it). One article moves a
   * story of n articles by about 1/n, so a story that did not converge with any other at size n
   * rarely does at n + 1. Each check is a candidate search and up to maxCandidates centroid
   * products, and at a million articles these checks took a tenth of the time or more: at 1M on
   * the bench's stream, one process per setting, two runs each, 1 gave 63.9 and 71.0 us per
   * article, 1.5 gave 62.6 and 55.8 (an earlier in-process A/B said 149 -> 116 us; it ran before
   * candidate search left out expired stories), with the same planted-story B3 on bench:cluster, and
   * development-set figures within noise (googlenews-dev ACC: titles 78.25 -> 78.18, snippets
   * 83.5 -> 83.4, title+snippet and wikinews-dev unchanged). 2 cost titles 0.7. */
  mergeRecheckGrowth: number;
  /** Stories of at most this many articles are checked after every change: a young story's
   * centroid moves a lot with each article, and early splits are what the merge pass repairs. */
  mergeAlwaysBelow: number;
  /** Centroid cosine above which two stories are merged (the older story's id survives). Higher
   * than joinThreshold: a centroid is a stabler estimate than a single article. */
  mergeThreshold: number;
  /** Stories of at least this many reports are checked for a split (see split.ts) whenever their
   * report count has grown by mergeRecheckGrowth since the last check. Smaller stories have too
   * few articles for a sub-event to show as a group of terms. */
  splitMinReports: number;
  /** Fewest reports a part split off may hold (and at least a tenth of the story): a sub-event
   * reported this often is a story of its own; fewer is a detail of the one it sits in. */
  splitMinPart: number;
  /** Vocabulary size V of the split test's word model (each story a multinomial over V terms with
   * a symmetric Dirichlet prior). Each article brings its indexTerms heaviest terms to the test,
   * so the test sees the same number of words per article for headlines and for long reports.
   * V weighs the fit of two word distributions against the prior's preference for one story: a
   * smaller V splits more readily. googlenews-dev fuses a video parody into its singer's running
   * story in every text mode. From 3,000 to 6,000 it is split off in all three: ACC on
   * title+snippet 90.1 -> 95.5-96.3, titles 78.2 -> 83.0, snippets 83.4 -> 88.1-89.8. At 8,000 and
   * 10,000 titles lose it again (78.2); from 20,000 nothing splits. At 2,000, facets of single
   * stories split (title+snippet 92.7). 5,000 also splits a Cyber Monday story from Black
   * Friday's (two gold stories), and a pope's meeting with Putin from his other news (one gold
   * story). */
  splitVocabulary: number;
  /** Symmetric Dirichlet prior per term of the split test's word model: GSDMM's 0.1. */
  splitPrior: number;
  /** Hamming distance (of 64 bits) at or under which two SimHash fingerprints mark a near-duplicate.
   * Manku et al. use 3 for whole web pages; news bodies are shorter, so a copy with a credit line
   * added lands 4-6 bits away, while unrelated texts sit near 32 (chance of <= 6: ~1e-11). At most 7
   * (the banding of duplicates.ts guarantees recall up to 7). */
  duplicateMaxDistance: number;
  /** Fewest words a text needs before it is fingerprinted on its own (a wire copy keeps its body
   * but may change its headline); shorter texts are fingerprinted with their headline. */
  duplicateMinWords: number;
  /** Bucket entries examined per SimHash band (8 bands): the most recent ones. Caps cost as the
   * index grows; with 256 buckets a band, 64 entries reach back ~16k articles. The containment
   * index (duplicateMinContainment) examines as many entries per anchor bucket. */
  duplicateBucketCap: number;
  /** Share of an earlier article's sampled five-word shingles that must reappear in a new article
   * for it to be a copy (containment, see containment.ts). Catches syndicated copies that add a
   * dateline, a credit line or local paragraphs, which push a SimHash past duplicateMaxDistance.
   * Two reports of one event share quotes but rarely 80% of their word sequences. */
  duplicateMinContainment: number;
  /** Fewest sampled shingles (one in eight) an original needs for containment to count: five
   * means ~40 words; shorter texts are left to SimHash. */
  duplicateMinAnchors: number;
  /** A copy may be at most this many times as long as its original (in sampled shingles): beyond
   * that it is a new article quoting an old one. */
  duplicateMaxGrowth: number;
}

export const DEFAULT_PARAMS: ClusterParams = {
  joinThreshold: 0.1,
  joinLengthTerms: 80,
  joinLengthExponent: 0.3,
  youngBonus: 0.3,
  youngTerms: 15,
  titleWeight: 2,
  entityWeight: 1.5,
  bigramWeight: 0,
  bigramMinDf: 1,
  maxBodyWords: 400,
  passageWords: 150,
  maxPassages: 40,
  passageBonus: 0.04,
  centroidTerms: 96,
  queryTerms: 20,
  indexTerms: 20,
  postingCap: 16,
  maxCandidates: 8,
  maxQueryDocShare: 1,
  entityQueryTerms: 8,
  decayHalfLifeMs: 3 * DAY,
  decayGraceMs: 12 * HOUR,
  mergeEvery: 100,
  mergeEveryMs: HOUR,
  mergeThreshold: 0.25,
  mergeRecheckGrowth: 1.5,
  mergeAlwaysBelow: 4,
  splitMinReports: 40,
  splitMinPart: 15,
  splitVocabulary: 5000,
  splitPrior: 0.1,
  duplicateMaxDistance: 6,
  duplicateMinWords: 20,
  duplicateBucketCap: 64,
  duplicateMinContainment: 0.8,
  duplicateMinAnchors: 5,
  duplicateMaxGrowth: 2,
};

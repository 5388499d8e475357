// Themes of a discussion: key phrases (nouns and noun compounds) counted over comments, clustered
// by the comments they share, ranked by the share of distinct comments behind each, each labelled
// with its most used phrase and shown through a comment that uses it.
import type { TaggedText } from "../../text/sentiment.ts";
import type { Comment, Theme, Thread } from "../../types.ts";
import { keyPhrases, namesIn, type PhraseForms, stem } from "./phrases.ts";
import { canRepresent } from "./toxic.ts";

/** A phrase used by fewer comments than this is not a theme. */
const MIN_COMMENTS_PER_PHRASE = 2;
/** A phrase in more than this share of comments is the story's topic itself, not a theme. */
const MAX_PHRASE_SHARE = 0.6;
/** Phrases whose comment sets overlap this much are one theme. */
const MERGE_OVERLAP = 0.5;
/** Only a phrase mostly inside a theme brings its other comments into the theme's share. */
const ABSORB_OVERLAP = 0.75;
const MAX_THEMES = 4;
const MAX_PHRASES_PER_THEME = 3;
/** How far up a reply chain a theme is inherited. */
const MAX_REPLY_DEPTH = 6;
/** A two-word phrase names the theme when at least this share of the seed word's comments use it. */
const COMPOUND_LABEL_SHARE = 0.5;
/** Representatives read best at this length; longer ones are cut when shown. */
const GOOD_MIN_CHARS = 60;
const GOOD_MAX_CHARS = 300;

export interface ThreadComment {
  thread: Thread;
  comment: Comment;
  tagged: TaggedText;
}

interface Cluster {
  phrases: string[];
  members: Set<number>;
}

/** `outlets`: the names of the outlets that reported the story; commenters citing one ("the BBC
 * says…") name a source, not a theme. */
export function findThemes(
  items: ThreadComment[],
  titles: TaggedText[],
  outlets: string[] = [],
): Theme[] {
  const forms: PhraseForms = { surfaces: new Map() };
  const sources = outletPhrases(outlets);
  // Every word of the title, not only its nouns: a Title Case headline ("Dockworkers Strike Over
  // Automation") reads to the tagger as a string of names.
  const titleWords = new Set<string>();
  for (const t of titles)
    for (const w of t.words) titleWords.add(stem(w.text.replace(/['’]s$/, "").toLowerCase()));
  const names = namesIn(items.map((it) => it.tagged.words));
  const phraseSets = items.map((it) => {
    const set = keyPhrases(it.tagged.words, forms, names);
    // A headline word alone is the story itself ("strike"); a compound from the headline is one
    // of its facets that commenters take up ("backup server", "robot cranes").
    for (const p of set) {
      const lower = p.toLowerCase();
      if (titleWords.has(lower) || sources.has(lower)) set.delete(p);
    }
    return set;
  });
  const byPhrase = new Map<string, Set<number>>();
  phraseSets.forEach((set, i) => {
    for (const p of set) {
      const m = byPhrase.get(p);
      if (m) m.add(i);
      else byPhrase.set(p, new Set([i]));
    }
  });
  const ranked = [...byPhrase.entries()]
    .filter(
      ([, m]) => m.size >= MIN_COMMENTS_PER_PHRASE && m.size <= MAX_PHRASE_SHARE * items.length,
    )
    .sort(
      (a, b) =>
        b[1].size - a[1].size ||
        Number(b[0].includes(" ")) - Number(a[0].includes(" ")) ||
        (a[0] < b[0] ? -1 : 1),
    );
  // Every phrase is placed: themes are not capped before their comments are counted.
  const clusters: Cluster[] = [];
  // Which clusters hold each comment, to find a phrase's overlapping clusters without a scan.
  const clustersOf = new Map<number, Cluster[]>();
  const join = (c: Cluster, m: number) => {
    if (c.members.has(m)) return;
    c.members.add(m);
    const list = clustersOf.get(m);
    if (list) list.push(c);
    else clustersOf.set(m, [c]);
  };
  for (const [phrase, members] of ranked) {
    const shared = new Map<Cluster, number>();
    for (const m of members)
      for (const c of clustersOf.get(m) ?? []) shared.set(c, (shared.get(c) ?? 0) + 1);
    let home: Cluster | undefined;
    let best = MERGE_OVERLAP;
    for (const [c, n] of shared) {
      const o = n / Math.min(c.members.size, members.size);
      if (o > best || (o === best && (!home || clusters.indexOf(c) < clusters.indexOf(home)))) {
        best = o;
        home = c;
      }
    }
    if (!home) {
      const c: Cluster = { phrases: [phrase], members: new Set() };
      clusters.push(c);
      for (const m of members) join(c, m);
      continue;
    }
    const seed = home.phrases[0]!;
    const extendsSeed = !seed.includes(" ") && phrase.split(" ").includes(seed);
    const room = home.phrases.length < MAX_PHRASES_PER_THEME;
    if (room && (extendsSeed || !covered(home.phrases, phrase))) home.phrases.push(phrase);
    if (best >= ABSORB_OVERLAP) for (const m of members) join(home, m);
  }
  inheritReplies(clusters, items);
  const uses = (c: Cluster) => byPhrase.get(c.phrases[0]!)!.size;
  clusters.sort(
    (a, b) =>
      b.members.size - a.members.size ||
      uses(b) - uses(a) ||
      (a.phrases[0]! < b.phrases[0]! ? -1 : 1),
  );
  const themes: Theme[] = [];
  for (const c of clusters) {
    if (themes.length >= MAX_THEMES) break;
    const theme = toTheme(c, items, phraseSets, byPhrase, forms);
    if (theme) themes.push(theme);
  }
  return themes;
}

/** Each outlet name as a phrase key ("the guardian" → "guardian", "BBC News" → "bbc news"), and
 * the initials it holds ("bbc"), which commenters use alone. */
function outletPhrases(outlets: string[]): Set<string> {
  const out = new Set<string>();
  for (const name of outlets) {
    const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words[0]?.toLowerCase() === "the") words.shift();
    if (words.length > 0) out.add(words.map((w) => stem(w.toLowerCase())).join(" "));
    for (const w of words) if (/^\p{Lu}{2,6}$/u.test(w)) out.add(stem(w.toLowerCase()));
  }
  return out;
}

/** A reply that names no theme of its own ("Same experience.", "Fair, but…") carries on its
 * parent's: it joins the theme of its nearest ancestor that has one. */
function inheritReplies(clusters: Cluster[], items: ThreadComment[]): void {
  const key = (it: ThreadComment, id: string) => `${it.thread.id}\u0000${id}`;
  const indexOf = new Map(items.map((it, i) => [key(it, it.comment.id), i]));
  const themeOf = new Map<number, Cluster>();
  for (const c of clusters) for (const m of c.members) if (!themeOf.has(m)) themeOf.set(m, c);
  items.forEach((it, i) => {
    if (themeOf.has(i)) return;
    let parent = it.comment.parentId;
    for (let depth = 0; parent !== null && depth < MAX_REPLY_DEPTH; depth++) {
      const j = indexOf.get(key(it, parent));
      if (j === undefined) return;
      const home = themeOf.get(j);
      if (home) {
        home.members.add(i);
        return;
      }
      parent = items[j]!.comment.parentId;
    }
  });
}

/** "battery" adds nothing next to "battery life". */
function covered(phrases: string[], phrase: string): boolean {
  return phrases.some((p) => p.split(" ").includes(phrase) || phrase.split(" ").includes(p));
}

/** Label candidates, best first: the theme's most used phrase, or the compound most commenters
 * write it in ("contractor accounts" over "contractor"); then its other phrases. */
function labelOrder(c: Cluster, byPhrase: Map<string, Set<number>>): string[] {
  const seed = c.phrases[0]!;
  const uses = (p: string) => byPhrase.get(p)?.size ?? 0;
  const compound = seed.includes(" ")
    ? undefined
    : [...byPhrase.keys()]
        .filter((p) => p.startsWith(`${seed} `) || p.endsWith(` ${seed}`))
        .sort((a, b) => uses(b) - uses(a) || (a < b ? -1 : 1))[0];
  const first =
    compound && uses(compound) >= Math.max(2, COMPOUND_LABEL_SHARE * uses(seed)) ? compound : seed;
  return [first, ...c.phrases.filter((p) => p !== first)];
}

/** How commenters wrote a phrase: the plural when any of them used it ("nurses"), else the most
 * common form. */
function surfaceOf(phrase: string, forms: PhraseForms): string {
  let best = phrase;
  let bestScore = -1;
  for (const [form, n] of forms.surfaces.get(phrase) ?? []) {
    const last = form.split(" ").pop()!;
    const plural = stem(last.toLowerCase()) !== last.toLowerCase() ? 1000 : 0;
    const score = plural + n;
    if (score > bestScore || (score === bestScore && form < best)) {
      best = form;
      bestScore = score;
    }
  }
  return best;
}

function toTheme(
  c: Cluster,
  items: ThreadComment[],
  phraseSets: Set<string>[],
  byPhrase: Map<string, Set<number>>,
  forms: PhraseForms,
): Theme | null {
  const members = [...c.members].sort((a, b) => a - b);
  for (const label of labelOrder(c, byPhrase)) {
    const best = representative(members, label, c.phrases, items, phraseSets);
    if (best < 0) continue;
    const { thread, comment } = items[best]!;
    return {
      label: surfaceOf(label, forms),
      keyPhrases: [label, ...c.phrases.filter((p) => p !== label)].map((p) => surfaceOf(p, forms)),
      share: c.members.size / items.length,
      comment: {
        commentId: comment.id,
        threadId: thread.id,
        author: comment.author,
        text: comment.text,
        url: comment.url ?? thread.url,
      },
    };
  }
  return null;
}

/** The comment that shows a theme: clean, of a readable length, using the label phrase itself;
 * among those, the one with most of the theme's phrases, then the highest score. -1 when none. */
function representative(
  members: number[],
  label: string,
  phrases: string[],
  items: ThreadComment[],
  phraseSets: Set<string>[],
): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const i of members) {
    const { comment } = items[i]!;
    if (!phraseSets[i]!.has(label) || !canRepresent(comment.text)) continue;
    const length = comment.text.trim().length;
    const readable = length >= GOOD_MIN_CHARS && length <= GOOD_MAX_CHARS ? 1 : 0;
    const hits = phrases.filter((p) => phraseSets[i]!.has(p)).length;
    const score = readable * 1e6 + hits * 1e3 + Math.min(999, Math.max(0, comment.score ?? 0));
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

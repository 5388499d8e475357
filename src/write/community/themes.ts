// Themes of a discussion: key phrases (content-word uni- and bigrams) counted over comments,
// clustered by the comments they share, each with its share of comments and a representative.
import type { Comment, Theme, Thread } from "../../types.ts";
import { contentWords } from "../tokens.ts";
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
/** Words too generic in discussions to name a theme. */
const GENERIC = new Set(
  "anyone someone everyone never always doubt skeptical sceptical convinced buy glad great love well done kudos excellent impressive honestly clearly exactly years"
    .split(" ")
    .concat(
      "like think people thing things really get got know want even way make going well still much article comment comments time lot yes yeah actually pretty something anything nothing every need sure see look good bad right point".split(
        " ",
      ),
    ),
);

export interface ThreadComment {
  thread: Thread;
  comment: Comment;
}

function phrasesOf(text: string): Set<string> {
  const ws = contentWords(text).filter((w) => !GENERIC.has(w) && !/^\d+$/.test(w));
  const out = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    out.add(ws[i]!);
    if (i + 1 < ws.length) out.add(`${ws[i]} ${ws[i + 1]}`);
  }
  return out;
}

interface Cluster {
  phrases: string[];
  members: Set<number>;
}

export function findThemes(items: ThreadComment[]): Theme[] {
  const titleWords = new Set(items.flatMap((it) => contentWords(it.thread.title ?? "")));
  const phraseSets = items.map((it) => {
    const set = phrasesOf(it.comment.text);
    for (const p of set) if (p.split(" ").every((w) => titleWords.has(w))) set.delete(p);
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
        b[0].split(" ").length - a[0].split(" ").length ||
        (a[0] < b[0] ? -1 : 1),
    );
  const clusters: Cluster[] = [];
  for (const [phrase, members] of ranked) {
    const home = clusters.find((c) => overlap(c.members, members) >= MERGE_OVERLAP);
    if (!home) {
      if (clusters.length < MAX_THEMES * 2)
        clusters.push({ phrases: [phrase], members: new Set(members) });
      continue;
    }
    const seed = home.phrases[0]!;
    const extendsSeed = !seed.includes(" ") && phrase.split(" ").includes(seed);
    const room = home.phrases.length < MAX_PHRASES_PER_THEME;
    if (room && (extendsSeed || !covered(home.phrases, phrase))) home.phrases.push(phrase);
    if (overlap(home.members, members) >= ABSORB_OVERLAP)
      for (const m of members) home.members.add(m);
  }
  const themes: Theme[] = [];
  for (const c of clusters) {
    if (themes.length >= MAX_THEMES) break;
    const theme = toTheme(c, items, phraseSets);
    if (theme) themes.push(theme);
  }
  return themes;
}

/** Share of the smaller set found in the other. */
function overlap(a: Set<number>, b: Set<number>): number {
  let shared = 0;
  for (const x of b) if (a.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** "battery" adds nothing next to "battery life". */
function covered(phrases: string[], phrase: string): boolean {
  return phrases.some((p) => p.split(" ").includes(phrase) || phrase.split(" ").includes(p));
}

/** A two-word phrase names a theme better than a single word: "emergency plan" over "emergency". */
function labelOf(phrases: string[]): string {
  const seed = phrases[0]!;
  if (seed.includes(" ")) return seed;
  return phrases.find((p) => p.includes(" ") && p.split(" ").includes(seed)) ?? seed;
}

function toTheme(c: Cluster, items: ThreadComment[], phraseSets: Set<string>[]): Theme | null {
  let best = -1;
  let bestScore = -1;
  for (const i of [...c.members].sort((a, b) => a - b)) {
    const it = items[i]!;
    if (!canRepresent(it.comment.text)) continue;
    const hits = c.phrases.filter((p) => phraseSets[i]!.has(p)).length;
    const score = hits * 1000 + (it.comment.score ?? 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0) return null;
  const { thread, comment } = items[best]!;
  return {
    label: labelOf(c.phrases),
    keyPhrases: c.phrases,
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

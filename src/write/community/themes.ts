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
/** How far up a reply chain a theme is inherited. */
const MAX_REPLY_DEPTH = 6;
/** Words too generic in discussions to name a theme. */
const GENERIC = new Set(
  "anyone someone everyone never always doubt skeptical sceptical convinced buy glad great love well done kudos excellent impressive honestly clearly exactly years"
    .split(" ")
    .concat(
      "like think people thing things really get got know want even way make going well still much article comment comments time lot yes yeah actually pretty something anything nothing every need sure see look good bad right point company companies data day days two three four five six seven eight nine ten country apparently until though tbh honestly maybe probably week weeks month year check read take took give made use used same different big small whole real".split(
        " ",
      ),
    ),
);

export interface ThreadComment {
  thread: Thread;
  comment: Comment;
}

/** Words as a reader sees them: contractions and possessives stay whole ("they've", "Kestrel's"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** A plural and its singular count as one phrase ("passwords", "password"). */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Content words (stemmed, null for the rest) in order, so bigrams join only adjacent words. */
function contentSequence(text: string): Array<string | null> {
  let inName = false;
  return (text.match(WORD) ?? []).map((w, i, all) => {
    // Capitalised words after a lower-case one make a name ("past Quayside Road"), not a theme.
    const capital = /^\p{Lu}/u.test(w);
    inName = capital && i > 0 && (inName || /^\p{Ll}/u.test(all[i - 1]!));
    if (inName) return null;
    const word = w.toLowerCase().replace(/['’]s$/, "");
    if (/['’]/.test(word) || /^\d+$/.test(word) || GENERIC.has(word)) return null;
    return contentWords(word).length === 1 ? stem(word) : null;
  });
}

/** Phrases (stemmed uni- and bigrams) of a comment; `surfaces` counts how each was written. */
function phrasesOf(text: string, surfaces: Map<string, Map<string, number>>): Set<string> {
  const ws = contentSequence(text);
  const raw = text.toLowerCase().match(WORD) ?? [];
  const out = new Set<string>();
  const seen = (phrase: string, surface: string) => {
    out.add(phrase);
    const forms = surfaces.get(phrase) ?? new Map<string, number>();
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
    surfaces.set(phrase, forms);
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w) continue;
    const here = raw[i]!.replace(/['’]s$/, "");
    seen(w, here);
    const next = ws[i + 1];
    if (next) seen(`${w} ${next}`, `${here} ${raw[i + 1]!.replace(/['’]s$/, "")}`);
  }
  return out;
}

/** The way commenters wrote a phrase most often ("passwords" rather than the stem "password"). */
function surfaceOf(phrase: string, surfaces: Map<string, Map<string, number>>): string {
  let best = phrase;
  let bestCount = 0;
  for (const [form, n] of surfaces.get(phrase) ?? []) {
    if (n > bestCount || (n === bestCount && form < best)) {
      best = form;
      bestCount = n;
    }
  }
  return best;
}

interface Cluster {
  phrases: string[];
  members: Set<number>;
}

export function findThemes(items: ThreadComment[]): Theme[] {
  const titleWords = new Set(
    items.flatMap((it) => contentSequence(it.thread.title ?? "").filter((w) => w !== null)),
  );
  const surfaces = new Map<string, Map<string, number>>();
  const phraseSets = items.map((it) => {
    const set = phrasesOf(it.comment.text, surfaces);
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
  inheritReplies(clusters, items);
  clusters.sort((a, b) => b.members.size - a.members.size);
  const themes: Theme[] = [];
  for (const c of clusters) {
    if (themes.length >= MAX_THEMES) break;
    const theme = toTheme(c, items, phraseSets, surfaces);
    if (theme) themes.push(theme);
  }
  return themes;
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
function labelOf(phrases: string[], surfaces: Map<string, Map<string, number>>): string {
  const seed = phrases[0]!;
  const best = seed.includes(" ")
    ? seed
    : (phrases.find((p) => p.includes(" ") && p.split(" ").includes(seed)) ?? seed);
  return surfaceOf(best, surfaces);
}

function toTheme(
  c: Cluster,
  items: ThreadComment[],
  phraseSets: Set<string>[],
  surfaces: Map<string, Map<string, number>>,
): Theme | null {
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
    label: labelOf(c.phrases, surfaces),
    keyPhrases: c.phrases.map((p) => surfaceOf(p, surfaces)),
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

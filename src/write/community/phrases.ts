// Key phrases of a comment: the nouns of its noun phrases and the two-word compounds inside them
// ("contractor accounts", "pay cut", "automation"), from wink's part-of-speech tags. Names, times,
// people in general ("dad", "guy") and conversational filler never make a theme.
import type { TaggedWord } from "../../text/sentiment.ts";

/** Nouns that say when, or who in general, and chat shorthand: never part of a theme. */
const FILLER = new Set(
  (
    "today tomorrow yesterday tonight morning mornings evening night nights afternoon noon midnight " +
    "week weeks weekend month months year years day days hour hours minute minutes time times " +
    "moment while period decade decades century ago now monday tuesday wednesday thursday friday " +
    "saturday sunday january february march april may june july august september october " +
    "november december christmas " +
    "dad dads mum mums mom moms mother father parents parent kid kids child children son daughter " +
    "wife husband brother sister family grandma grandpa uncle aunt friend friends mate mates " +
    "guy guys folks folk person people man men woman women anyone someone everyone nobody " +
    "everybody somebody anybody user users lady sir " +
    // Chat shorthand, written in capitals, which would otherwise read as an organisation.
    "imo imho op tfa hn iirc tbh fwiw afaik ymmv til psa btw"
  ).split(/\s+/),
);

/** Nouns too general to be a theme alone, though they can end one ("evacuation numbers"). */
const GENERAL = new Set(
  (
    "thing things stuff lot lots bit bits way ways kind sort type part point points fact facts " +
    "case cases reason reasons idea question questions answer opinion opinions comment comments " +
    "article articles post posts thread threads reply replies story stories news headline " +
    "link source sources edit update tl dr tldr lol haha yes yeah ok okay thanks thank " +
    "number numbers amount world life end start side place area word words name names " +
    "example problem problems issue issues situation matter deal top front back hand " +
    "reminder experience take view sense level rest half percent per cent other others " +
    "anything something nothing everything country city town company companies industry"
  ).split(/\s+/),
);

/** Adjectives that rate or count rather than name a kind: "big port" is just "port". */
const VAGUE_ADJECTIVES = new Set(
  (
    "good bad great big small little large huge whole real new old many much more most few " +
    "same different other last first next own sure certain main major minor entire full " +
    "long short high low right wrong whole only previous current recent actual total " +
    "genuine honest simple easy hard true false overall proper general specific particular " +
    "similar various several unpopular popular local normal standard usual weird funny nice"
  ).split(" "),
);

/** A plural and its singular count as one phrase ("passwords", "password"). */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export interface PhraseForms {
  /** Stemmed phrase → how it was written, with counts. */
  surfaces: Map<string, Map<string, number>>;
}

interface Slot {
  key: string;
  surface: string;
  noun: boolean;
  /** A general noun: only the head of a compound. */
  general: boolean;
}

/** A word as a phrase slot, or null when it ends a noun phrase (names, numbers, filler). */
function slotOf(
  w: TaggedWord,
  first: boolean,
  prevPos: string | undefined,
  nextPos: string | undefined,
  names: Set<string>,
): Slot | null {
  const raw = w.text.replace(/['’]s$/, "");
  if (!/^[\p{L}][\p{L}'’-]*$/u.test(raw) || raw.length < 2) return null;
  const acronym = /^\p{Lu}{2,6}s?$/u.test(raw);
  const capital = /^\p{Lu}/u.test(raw);
  let pos = w.pos;
  // Capitalised mid-sentence (or anywhere in the discussion) is a name, not a theme; a
  // capitalised first word that is the subject of a verb is just the start of a sentence
  // ("Nurses should…"); before anything else it is a command or a greeting ("Check the terms").
  if (acronym) pos = "NOUN";
  else if (pos === "PROPN" || capital) {
    if (capital && (!first || names.has(raw.toLowerCase()))) return null;
    if (pos === "PROPN") {
      if (nextPos !== "VERB" && nextPos !== "AUX") return null;
      pos = "NOUN";
    }
  }
  const lower = acronym ? raw : raw.toLowerCase();
  if (/['’]/.test(lower)) return null;
  // wink tags some nouns as adjectives: one before a verb after a determiner or modifier ("the
  // last fine was") or one before a determiner ("make the fine a share") is the noun.
  if (
    pos === "ADJ" &&
    (nextPos === "DET" ||
      ((nextPos === "AUX" || nextPos === "VERB") &&
        (prevPos === "DET" || prevPos === "ADJ" || prevPos === "ADV")))
  )
    pos = "NOUN";
  const folded = lower.toLowerCase();
  if (pos === "NOUN") {
    if (FILLER.has(folded)) return null;
    return { key: stem(lower), surface: lower, noun: true, general: GENERAL.has(folded) };
  }
  if (pos === "ADJ" && !VAGUE_ADJECTIVES.has(folded))
    return { key: folded, surface: folded, noun: false, general: false };
  return null;
}

/** The tag of the next word, looking past adverbs and "not" ("Fines never change…"). */
function nextPosOf(words: TaggedWord[], i: number): string | undefined {
  let j = i + 1;
  while (j < words.length && (words[j]!.pos === "ADV" || words[j]!.pos === "PART")) j++;
  return words[j]?.pos;
}

function startsSentence(words: TaggedWord[], i: number): boolean {
  const prev = words[i - 1];
  return !prev || prev.sentence !== words[i]!.sentence || /^["“'‘(:]$/.test(prev.text);
}

/** Words written capitalised inside a sentence somewhere in the texts: names, lower-cased. */
export function namesIn(texts: TaggedWord[][]): Set<string> {
  const out = new Set<string>();
  for (const words of texts) {
    words.forEach((w, i) => {
      if (/^\p{Lu}\p{Ll}/u.test(w.text) && !startsSentence(words, i))
        out.add(w.text.replace(/['’]s$/, "").toLowerCase());
    });
  }
  return out;
}

/** Stemmed key phrases of one comment; `forms` learns how each was written. */
export function keyPhrases(
  words: TaggedWord[],
  forms: PhraseForms,
  names: Set<string> = new Set(),
): Set<string> {
  const out = new Set<string>();
  const seen = (key: string, surface: string) => {
    out.add(key);
    const m = forms.surfaces.get(key) ?? new Map<string, number>();
    m.set(surface, (m.get(surface) ?? 0) + 1);
    forms.surfaces.set(key, m);
  };
  let run: Slot[] = [];
  const flush = () => {
    for (let i = 0; i < run.length; i++) {
      const s = run[i]!;
      if (!s.noun) continue;
      if (!s.general) seen(s.key, s.surface);
      const before = run[i - 1];
      if (before && !before.general)
        seen(`${before.key} ${s.key}`, `${before.surface} ${s.surface}`);
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const first = startsSentence(words, i);
    const slot = slotOf(w, first, words[i - 1]?.pos, nextPosOf(words, i), names);
    if (slot) run.push(slot);
    if (!slot || /['’]s$/.test(w.text) || words[i + 1]?.pos === "PART") flush();
  }
  flush();
  return out;
}

// Whether a line of text is a clause, with a verb of its own, or only a noun phrase: a photo
// caption ("Sgt. Frank Ford at Fort Lewis, before his deployment to Iraq."), a link's blurb
// ("A regularly updated listing of planned missions."), a scoreboard line. wink's tagger marks
// the verbs; what it tags VERB is then checked, as it also tags a capitalised name ("Ford") and a
// participle used as an adjective ("planned missions") that way. Written here because no
// maintained library answers "is this a sentence" from part-of-speech tags.
import { winkWith } from "./wink.ts";

/** Auxiliaries, modals and the reporting verbs, lower case: a line with one of these has its verb,
 * and a sentence that opens with one has no subject of its own (see write/evidence.ts). */
export const FINITE_VERBS = `is are was were has have had do does did will would can could shall
  should may might must say says said told tells`.split(/\s+/);
const FINITE_WORD = new RegExp(`\\b(?:${FINITE_VERBS.join("|")})\\b`, "i");
/** Only the tagger: no negation, sentiment or entities. */
const POS_PIPE = ["sbd", "pos"];
/** Tags after which a participle qualifies the noun that follows ("the planned missions"). */
const BEFORE_ATTRIBUTIVE = new Set(["DET", "ADJ", "ADP", "NUM", "PRON"]);
const NOMINAL = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);

/** True when the text has a finite verb: an auxiliary, or a verb that is neither a name nor a
 * participle standing before a noun. */
export function hasPredicate(text: string): boolean {
  // Most sentences show a finite verb in a word the tagger need not read; tagging every sentence
  // of a story made writing its brief half as slow again.
  if (FINITE_WORD.test(text)) return true;
  const { read, its } = winkWith(POS_PIPE);
  const tokens = read(text).tokens();
  const words = tokens.out() as string[];
  const tags = tokens.out(its.pos) as string[];
  for (let i = 0; i < words.length; i++) {
    const tag = tags[i];
    if (tag === "AUX") return true;
    if (tag === "NOUN" && hiddenVerb(tags, words, i)) return true;
    if (tag !== "VERB") continue;
    const word = words[i]!;
    if (i > 0 && /^\p{Lu}/u.test(word)) continue;
    if (/(?:ed|en|ing)$/i.test(word) && attributive(tags, words, i)) continue;
    return true;
  }
  return false;
}

/** Tags before a verb the tagger read as a noun: its subject. */
const SUBJECT = new Set(["NOUN", "PROPN", "PRON"]);
/** Possessives are tagged PRON too, but what follows them is a noun: "his deployment to Iraq". */
const POSSESSIVE = /^(?:his|her|its|their|our|my|your|whose)$/i;
/** "-ed" and not "-eed" (need, speed) or "hundred". */
const PAST_TENSE = /^(?!hundred$)\p{Ll}{3,}[^e]ed$/u;
/** Tags after it that a noun compound rarely has: "costs $39", "results in", "note that". */
const AFTER_VERB = new Set(["ADP", "DET", "SCONJ", "ADV", "NUM", "SYM", "ADJ", "PRON", "PROPN"]);

/** A verb with the form of a noun, tagged as one: "Opera costs $39", "the torture spread slowly",
 * "the war renders obsolete…", "…, Mankiw, fingered the system". Taken as a verb when what
 * follows is what follows a verb, and it follows its subject, has the past tense's ending, or
 * ends in "s" after a comma. */
function hiddenVerb(tags: string[], words: string[], i: number): boolean {
  if (i === 0 || /^\p{Lu}/u.test(words[i]!) || POSSESSIVE.test(words[i - 1]!)) return false;
  if (!AFTER_VERB.has(tags[i + 1] ?? "")) return false;
  // After an appositive: "…, N. Gregory Mankiw, fingered the system", "…, the busiest of the
  // four, links Eastfield to…".
  const afterComma = words[i - 1] === "," && /s$/.test(words[i]!);
  // A preposition also follows a noun compound ("the wicket partnership for Australia"): there
  // only a verb's ending counts ("results in").
  const afterSubject =
    SUBJECT.has(tags[i - 1]!) && (tags[i + 1] !== "ADP" || /(?:s|ed)$/.test(words[i]!));
  return afterSubject || PAST_TENSE.test(words[i]!) || afterComma;
}

/** A participle between a determiner (or adjective, preposition, figure, possessive) and a noun,
 * a gerund between nouns, or a participle after "as": "a regularly updated listing", "of planned
 * missions", "the Boeing hiring scandal", "as translated by". */
function attributive(tags: string[], words: string[], i: number): boolean {
  let before = i - 1;
  if (tags[before] === "ADV") before--;
  const opensIt = before < 0 || BEFORE_ATTRIBUTIVE.has(tags[before]!);
  if (words[i - 1]?.toLowerCase() === "as") return true;
  const nounFollows = NOMINAL.has(tags[i + 1] ?? "");
  // A gerund between nouns names a thing: "the Boeing hiring scandal".
  if (/ing$/i.test(words[i]!) && (tags[i - 1] === "NOUN" || tags[i - 1] === "PROPN"))
    return nounFollows;
  return opensIt && nounFollows;
}

// Which articles carry a sentence (or an equivalent one), which outlets contradict it on a figure,
// and the phrase that attributes it when shown.
import { opensWithProperNoun } from "../text/entities.ts";
import { NEGATION, opposed, sidesOf } from "../text/opposites.ts";
import type { Article } from "../types.ts";
import { type Candidate, type Evidence, neighbours } from "./evidence.ts";
import { jaccard } from "./tokens.ts";

/** Two sentences saying the same thing share at least half their content words... */
const EQUIVALENT_JACCARD = 0.5;
/** ...or the shorter one is nearly contained in the longer (one outlet trimmed a clause). */
const EQUIVALENT_CONTAINMENT = 0.8;
/** Sentences this alike in their words but with different figures report the same thing differently. */
const CONTRADICTION_JACCARD = 0.45;
/** From this many outlets on, name the count rather than the outlets. */
export const NAME_AT_MOST = 2;

export interface Support {
  articleIds: string[];
  outlets: string[];
}

function sameNumbers(a: Candidate, b: Candidate): boolean {
  if (a.numbers.length === 0 || b.numbers.length === 0) return true;
  const sa = new Set(a.numbers);
  const sb = new Set(b.numbers);
  return sa.size === sb.size && [...sa].every((n) => sb.has(n));
}

/** Whether the two sentences make opposite claims in the same words: one negates and the other
 * does not, or they differ by opposite words ("rose" against "fell", see text/opposites.ts). */
function opposedClaims(a: Candidate, b: Candidate): boolean {
  const x = claimOf(a);
  const y = claimOf(b);
  return x.negated !== y.negated || opposed(x.sides, y.sides);
}

/** A sentence's polarity and the sides its words take, read once: equivalent() runs for every
 * pair of neighbouring sentences. */
function claimOf(c: Candidate): { negated: boolean; sides: Set<number> } {
  let claim = claims.get(c);
  if (!claim) {
    claim = { negated: NEGATION.test(c.text), sides: sidesOf(c.tokens) };
    claims.set(c, claim);
  }
  return claim;
}

const claims = new WeakMap<Candidate, { negated: boolean; sides: Set<number> }>();

/** The words test of equivalent(): half the content words shared, or the shorter sentence nearly
 * contained in the longer. */
function equivalentWords(a: Candidate, b: Candidate): boolean {
  if (jaccard(a.tokens, b.tokens) >= EQUIVALENT_JACCARD) return true;
  const [small, large] = a.tokens.size <= b.tokens.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small.tokens) if (large.tokens.has(w)) shared++;
  return small.tokens.size >= 5 && shared / small.tokens.size >= EQUIVALENT_CONTAINMENT;
}

export function equivalent(a: Candidate, b: Candidate): boolean {
  // A withdrawal quotes the claim it withdraws ("a day after saying …"): it does not repeat it.
  if (a.retracted || b.retracted || !sameNumbers(a, b) || opposedClaims(a, b)) return false;
  return equivalentWords(a, b);
}

/** Every article carrying `c` or an equivalent sentence; wire copies of those articles too. */
export function supportOf(ev: Evidence, c: Candidate): Support {
  const cached = supportCache.get(ev)?.get(c.index);
  if (cached) return cached;
  const support = computeSupport(ev, c);
  const map = supportCache.get(ev) ?? new Map<number, Support>();
  map.set(c.index, support);
  supportCache.set(ev, map);
  return support;
}

const supportCache = new WeakMap<Evidence, Map<number, Support>>();

function computeSupport(ev: Evidence, c: Candidate): Support {
  const ids = new Set<string>([c.article.id]);
  // An opinion piece that repeats a fact argues a view: it is no source to credit the fact to.
  for (const o of neighbours(ev, c, 3))
    if (!ids.has(o.article.id) && ev.quotable.has(o.article.id) && equivalent(c, o))
      ids.add(o.article.id);
  for (const a of ev.articles) {
    if (a.duplicateOf && ids.has(a.duplicateOf)) ids.add(a.id);
  }
  const articleIds = ev.articles.filter((a) => ids.has(a.id)).map((a) => a.id);
  articleIds.sort((x, y) => (x === c.article.id ? -1 : y === c.article.id ? 1 : 0));
  const outlets: string[] = [];
  for (const id of articleIds) {
    const outlet = ev.outletOf.get(id)!;
    if (!outlets.includes(outlet)) outlets.push(outlet);
  }
  return { articleIds, outlets };
}

/** A sentence from another outlet about the same thing with different figures, or in the same
 * words with the opposite claim ("were not damaged" against "were damaged"), if any. */
export function contradiction(ev: Evidence, c: Candidate): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = CONTRADICTION_JACCARD;
  for (const o of neighbours(ev, c, 3)) {
    if (o.outlet === c.outlet || !o.eligible || !o.original) continue;
    const figures = c.numbers.length > 0 && o.numbers.length > 0 && conflictingNumbers(c, o);
    if (!figures && !(opposedClaims(c, o) && equivalentWords(c, o))) continue;
    const score = jaccard(withoutNumbers(c), withoutNumbers(o));
    if (score >= bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

/** Content words without figures, computed once per candidate. */
/** For some thing both count ("homes", "per" cent), each gives a value the other does not: one that
 * only adds a figure elaborates, and figures of different things (an age, a vote share) do not
 * disagree. */
function conflictingNumbers(a: Candidate, b: Candidate): boolean {
  for (const [unit, sa] of a.figures) {
    const sb = b.figures.get(unit);
    if (sb && [...sa].some((n) => !sb.has(n)) && [...sb].some((n) => !sa.has(n))) return true;
  }
  return false;
}

function withoutNumbers(c: Candidate): Set<string> {
  let words = wordsCache.get(c);
  if (!words) {
    words = new Set([...c.tokens].filter((w) => !/^\d/.test(w)));
    wordsCache.set(c, words);
  }
  return words;
}

const wordsCache = new WeakMap<Candidate, Set<string>>();

export function outletPhrase(outlets: string[]): string {
  if (outlets.length === 1) return outlets[0]!;
  if (outlets.length <= NAME_AT_MOST) return `${outlets[0]} and ${outlets[1]}`;
  return `reporting from ${outlets.length} outlets`;
}

/** Openings that are never part of a name: determiners, pronouns, conjunctions, prepositions. */
const FUNCTION_WORD =
  /^(the|a|an|this|that|these|those|it|its|some|many|most|more|one|two|three|all|both|each|every|no|few|several|other|others|in|on|at|by|for|from|with|after|before|during|since|under|over|as|when|while|if|but|and|or|so|yet|there|here|what|who|how|why|such|although|though|because|despite|unless|until|whereas|whether|nor|even|among|against|between|through|without|within|about|across|amid|around|toward|towards|upon|into|like|unlike|last|next|earlier|later|now|today|yesterday)$/i;

/** Lower-cases the first letter when the opening word is an ordinary word; names, and the opening
 * word of a quotation, keep their capital. In order: acronyms and "I" keep it; a word running into
 * a capitalised one ("Mayor Ilse Brandt", "Supreme Court") keeps it; function words lose it; a word the story writes capitalised
 * mid-sentence and never in lower case is a name; one it writes in lower case is not; otherwise
 * the entity tagger decides. */
export function lowerOpening(
  text: string,
  common: Set<string>,
  names: Set<string> = new Set(),
): string {
  const m = /^(["“]?)(\p{Lu}[\p{L}'’-]*)(\s+\S+)?/u.exec(text);
  if (!m || m[2] === "I" || /^\p{Lu}{2}/u.test(m[2]!)) return text;
  // A quoted sentence keeps its capital after "According to …, ": “Route 23 is how…,” she said.
  if (m[1] !== "") return text;
  const word = m[2]!.toLowerCase();
  const next = (m[3] ?? "").trim();
  if (CALENDAR_WORD.test(word)) return text;
  if (FUNCTION_WORD.test(word)) return lowerFirst(text, m[1]!.length);
  if (/^\p{Lu}/u.test(next)) return text;
  if (names.has(m[2]!) && !common.has(word)) return text;
  if (common.has(word) || !opensWithProperNoun(text.slice(m[1]!.length))) {
    return lowerFirst(text, m[1]!.length);
  }
  return text;
}

/** Months and weekdays are capitalised wherever they stand. */
const CALENDAR_WORD =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

function lowerFirst(text: string, at: number): string {
  return text.slice(0, at) + text.charAt(at).toLowerCase() + text.slice(at + 1);
}

/** Capitalised words the story's texts use inside a sentence (after a lower-case word or comma). */
export function midSentenceNames(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts)
    for (const w of t.match(/(?<=[\p{Ll},;]\s+)\p{Lu}[\p{L}'’-]*/gu) ?? []) out.add(w);
  return out;
}

/** Words the story's texts use in lower case. */
export function lowerCaseWords(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts)
    for (const w of t.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []) out.add(w);
  return out;
}

/** "According to The Guardian, …" or "…, according to reporting from 4 outlets." A repeat (outlets
 * already named nearby) takes a parenthesis before the closing full stop: "… on Monday (The Guardian)." */
export function attributed(
  text: string,
  outlets: string[],
  repeat: boolean,
  common: Set<string> = new Set(),
  names: Set<string> = new Set(),
): string {
  const phrase = outletPhrase(outlets);
  // "…, according to records obtained by Civic Signal": the sentence credits its outlet itself.
  if (outlets.length > 0 && outlets.every((o) => credits(text, o))) return text;
  // A sentence with its own "according to" takes the outlets in brackets: never two in a row.
  if (repeat || /\baccording to\b/i.test(text)) {
    const short = outlets.length > NAME_AT_MOST ? `${outlets.length} outlets` : phrase;
    if (PLAIN_END.test(text)) return `${text.slice(0, -1)} (${short}).`;
    // Chinese and Japanese close with their own full stop, after the parenthesis.
    if (UNSPACED_END.test(text)) return `${text.slice(0, -1)} (${short})${text.slice(-1)}`;
    return `${text} (${short})`;
  }
  if (outlets.length > NAME_AT_MOST && PLAIN_END.test(text)) {
    return `${text.slice(0, -1)}, according to ${phrase}.`;
  }
  return `According to ${phrase}, ${lowerOpening(text, common, names)}`;
}

/** Whether the sentence credits the outlet itself ("according to X", "told X", "obtained by X",
 * "X reported"): merely naming it does not ("The Independent Office for Police Conduct said"). */
function credits(text: string, outlet: string): boolean {
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/^The /, "[Tt]he ");
  // Whole words only: "AP" is not in "APEC".
  const name = `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`;
  return new RegExp(
    `(?:[Aa]ccording to|told|by)\\s+${name}|${name}\\s+(?:has\\s+)?(?:reported|reports|revealed|learned|learnt|understands)\\b`,
    "u",
  ).test(text);
}

/** A sentence ending in a word and a full stop (not a quotation mark, not an abbreviation). */
const PLAIN_END = /[\p{Ll}0-9)]{2}\.$/u;
/** The ideographic full stop, exclamation and question marks. */
const UNSPACED_END = /[。！？]$/u;

export function articleUrl(a: Article): string {
  return a.canonicalUrl || a.url;
}

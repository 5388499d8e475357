// Which articles carry a sentence (or an equivalent one), which outlets contradict it on a figure,
// and the phrase that attributes it when shown.
import type { Article } from "../types.ts";
import { type Candidate, type Evidence, neighbours } from "./evidence.ts";
import { isStopword, jaccard } from "./tokens.ts";

/** Two sentences saying the same thing share at least half their content words... */
const EQUIVALENT_JACCARD = 0.5;
/** ...or the shorter one is nearly contained in the longer (one outlet trimmed a clause). */
const EQUIVALENT_CONTAINMENT = 0.8;
/** Sentences this alike in their words but with different figures report the same thing differently. */
const CONTRADICTION_JACCARD = 0.45;
/** From this many outlets on, name the count rather than the outlets. */
const NAME_AT_MOST = 2;

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

export function equivalent(a: Candidate, b: Candidate): boolean {
  if (!sameNumbers(a, b)) return false;
  if (jaccard(a.tokens, b.tokens) >= EQUIVALENT_JACCARD) return true;
  const [small, large] = a.tokens.size <= b.tokens.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small.tokens) if (large.tokens.has(w)) shared++;
  return small.tokens.size >= 5 && shared / small.tokens.size >= EQUIVALENT_CONTAINMENT;
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
  for (const o of neighbours(ev, c, 3))
    if (!ids.has(o.article.id) && equivalent(c, o)) ids.add(o.article.id);
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

/** A sentence from another outlet about the same thing with different figures, if any. */
export function contradiction(ev: Evidence, c: Candidate): Candidate | null {
  if (c.numbers.length === 0) return null;
  let best: Candidate | null = null;
  let bestScore = CONTRADICTION_JACCARD;
  for (const o of neighbours(ev, c, 3)) {
    if (o.outlet === c.outlet || !o.eligible || !o.original || o.numbers.length === 0) continue;
    if (sameNumbers(c, o)) continue;
    const score = jaccard(withoutNumbers(c), withoutNumbers(o));
    if (score >= bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

/** Content words without figures, computed once per candidate. */
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

/** Lower-cases the first letter when the opening word is an ordinary word, which the story's
 * own text shows by using it in lower case elsewhere; names keep their capital. */
function lowerOpening(text: string, common: Set<string>): string {
  const m = /^(["“]?)(\p{Lu}[\p{L}'’-]*)/u.exec(text);
  if (
    !m ||
    m[2] === "I" ||
    !(common.has(m[2]!.toLowerCase()) || isStopword(m[2]!.toLowerCase())) ||
    /^\p{Lu}{2}/u.test(m[2]!)
  )
    return text;
  const at = m[1]!.length;
  return text.slice(0, at) + text.charAt(at).toLowerCase() + text.slice(at + 1);
}

/** Words the story's texts use in lower case. */
export function lowerCaseWords(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts)
    for (const w of t.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []) out.add(w);
  return out;
}

/** "According to The Guardian, …" or "…, according to reporting from 4 outlets." */
export function attributed(
  text: string,
  outlets: string[],
  repeat: boolean,
  common: Set<string> = new Set(),
): string {
  const phrase = outletPhrase(outlets);
  if (repeat)
    return `${text} (${outlets.length > NAME_AT_MOST ? `${outlets.length} outlets` : phrase})`;
  if (/^["“]?According to\b/i.test(text)) return `${text} (${phrase})`;
  if (outlets.length > NAME_AT_MOST && /[a-z0-9]\.$/.test(text)) {
    return `${text.slice(0, -1)}, according to ${phrase}.`;
  }
  return `According to ${phrase}, ${lowerOpening(text, common)}`;
}

export function articleUrl(a: Article): string {
  return a.canonicalUrl || a.url;
}

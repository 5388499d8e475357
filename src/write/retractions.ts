// Claims that later reports withdrew ("a day after saying no card data was taken"): a brief must
// not state one as fact next to the update that withdrew it, nor count it as support for that
// update.
import { NEGATION } from "../text/opposites.ts";
import { articleTime } from "../types.ts";
import type { Candidate } from "./evidence.ts";
import { contentWords } from "./tokens.ts";

/** How reporters say an earlier claim was withdrawn; the group is the claim. Newsroom wording, so
 * patterns: no library tells a correction from a contradiction. */
export const RETRACTIONS = [
  // "a day after saying": a span of time sets the day's news against the claim; a bare "resigned
  // after saying the port would close" repeats it. The count before the unit ("36 hours") is at
  // most 64 characters long: tried from every hyphen of a long hyphenated word to its end, an
  // unbounded one took time with the square of the word's length (50,000 characters of "a-a-…":
  // 4.5 s).
  /\b(?:an? (?:day|week|month|year|hour)|(?:[\w-]{1,64} )?(?:minutes|hours|days|weeks|months|years)) after (?:saying|stating|insisting|claiming)(?: that)? ([^,;.]+)/gi,
  // Not "first" or "reported": "The Herald first reported that the port would close" repeats it.
  /\b(?:initially|earlier|previously|originally) (?:said|claimed|insisted|stated)(?: that)? ([^,;.]+)/gi,
  /\bI said (?:yesterday |earlier |before |last week )?(?:that )?([^.]+)\.[”"]? That was (?:wrong|incorrect|not true|a mistake)/gi,
];
/** A withdrawn claim often denied a loss ("hours after saying the site went down without any data
 * lost"): here "without" denies as "no" does. */
function denies(text: string): boolean {
  return NEGATION.test(text) || /\bwithout\b/i.test(text);
}

/** Earlier sentences that a later report says were wrong (candidate indexes): a sentence
 * published before the report that shares two content words with the withdrawn claim, or one
 * when both deny something (a first day's "no evidence that card details were accessed" against a
 * second day's "a day after saying no card information had been accessed"). Reports are read
 * whole, as a withdrawal can span sentences ("I said yesterday that … That was wrong"). */
export function retractedClaims(candidates: Candidate[]): Set<number> {
  const out = new Set<number>();
  const reports = new Set(candidates.map((c) => c.article));
  for (const report of reports) {
    const at = articleTime(report);
    for (const pattern of RETRACTIONS) {
      for (const match of report.text.matchAll(pattern)) {
        const claim = match[1]!;
        const words = new Set(contentWords(claim).map(singular));
        const claimDenies = denies(claim);
        for (const c of candidates) {
          if (articleTime(c.article) >= at) continue;
          let shared = 0;
          for (const w of c.tokens) if (words.has(singular(w))) shared++;
          if (shared >= 2 || (shared >= 1 && claimDenies && denies(c.text))) out.add(c.index);
        }
      }
    }
  }
  return out;
}

/** "cards" and "card" name the same thing when two sentences are compared. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

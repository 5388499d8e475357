// Words that report opposite outcomes: "rose" and "fell", "approved" and "rejected". Two outlets'
// sentences that differ only by such a word share nearly all their words and make opposite claims.
// Written by hand: WordNet's antonyms pair "deny" with "admit" and "approve" with "disapprove", not
// the opposites that news reports use. A negation is the other way to say the opposite.

/** A negation: "not", "n't", "no", "never"… Content words leave them out (they are stop words), so
 * "the gates were not damaged" and "the gates were damaged" have the same words. */
export const NEGATION = /\b(?:not|no|never|none|neither|nor|nobody|nothing|cannot)\b|n[’']t\b/i;

/** Each family: the words of one side, then the words of the other. */
const FAMILIES: ReadonlyArray<readonly [string, string]> = [
  ["rise rises rose risen rising", "fall falls fell fallen falling"],
  ["increase increases increased increasing", "decrease decreases decreased decreasing"],
  ["gain gains gained", "lose loses lost"],
  ["win wins won winning", "lose loses lost losing"],
  ["confirm confirms confirmed confirming", "deny denies denied denying"],
  ["approve approves approved approving", "reject rejects rejected rejecting"],
  ["accept accepts accepted accepting", "reject rejects rejected rejecting refuse refuses refused"],
  ["allow allows allowed allowing", "ban bans banned banning bar bars barred"],
  ["support supports supported supporting", "oppose opposes opposed opposing"],
  ["higher", "lower"],
  ["guilty convicted", "innocent acquitted"],
  ["survived survive survives", "died die dies killed"],
  ["alive", "dead"],
];

/** word -> the sides it belongs to, as family * 2 + side. */
const SIDES = new Map<string, number[]>();
FAMILIES.forEach(([one, other], family) => {
  for (const [side, words] of [one, other].entries()) {
    for (const word of words.split(" "))
      SIDES.set(word, [...(SIDES.get(word) ?? []), family * 2 + side]);
  }
});

/** The sides of the families a text's words take (see opposed). `words`: lower-case words. */
export function sidesOf(words: Iterable<string>): Set<number> {
  const sides = new Set<number>();
  for (const w of words) for (const s of SIDES.get(w) ?? []) sides.add(s);
  return sides;
}

/** Whether one text takes a side of some family that the other does not take, and the other
 * takes the opposite side that the first does not ("rose" against "fell"); the sides are
 * sidesOf() the two texts' words. */
export function opposed(a: Set<number>, b: Set<number>): boolean {
  for (const s of a) {
    const opposite = s ^ 1;
    if (!b.has(s) && b.has(opposite) && !a.has(opposite)) return true;
  }
  return false;
}

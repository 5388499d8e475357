// Running figures: "40 per cent contained" on Tuesday, "70 per cent under control" on Wednesday.
// A later day's share of the same thing overtakes the earlier one, which a brief would otherwise
// print as if both were current. Shares only: a count often changes meaning between days ("cut
// power to 180,000 homes" at the storm's peak, "22,000 homes still without power" two days on),
// and the sentence with the first count is often the one that says what happened. Hand-written:
// no library reads quantities out of news English; this reads "number + per cent" and no more.

/** A share: "40 per cent", "40%", "40 percent", "12.5 per cent". */
const SHARE = /(?<![\w.,])(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)/gi;

/** The shares the text gives. */
export function sharesOf(text: string): Set<number> {
  return new Set([...text.matchAll(SHARE)].map((m) => Number(m[1])));
}

/** Whether the newer text gives a share and the older one only other shares: the older figure
 * is overtaken (callers check that the two sentences are about the same thing). */
export function givesNewShare(older: string, newer: string): boolean {
  const before = sharesOf(older);
  if (before.size === 0) return false;
  const after = sharesOf(newer);
  return after.size > 0 && ![...after].some((v) => before.has(v));
}

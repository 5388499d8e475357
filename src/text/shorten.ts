/** Cuts text to at most `max` characters plus "…", at the last word boundary when one falls in the
 * second half (else mid-word: one very long word), dropping the punctuation the cut leaves hanging.
 * Summaries, feed titles and quoted comments are all shortened this one way. */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** `at`, or one less when a cut there would leave the first half of a surrogate pair (an emoji,
 * a rare Han character) behind: a lone surrogate breaks URL encoding, XML and PostgreSQL. */
export function wholeCharacterEnd(text: string, at: number): number {
  const last = text.charCodeAt(at - 1);
  return last >= 0xd800 && last <= 0xdbff ? at - 1 : at;
}

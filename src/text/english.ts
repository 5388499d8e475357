/** Whether a language tag says English ("en", "en-GB"): the language briefs are written in. */
export function isEnglishTag(tag: string): boolean {
  return /^en(?:-|$)/i.test(tag);
}

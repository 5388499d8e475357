/** Summaries are for previews and matching, not reading: full-content feeds would otherwise put whole articles here. */
export const MAX_SUMMARY_CHARS = 1000;

/** Cuts at the last word boundary before `max` characters and marks the cut with "…". */
export function truncateSummary(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// Front-page order: breadth of coverage (distinct outlets) against age, in the manner of Hacker
// News' gravity ranking. Pure, so it is tested without a store.

/** Sub-linear breadth: the 2nd outlet matters more than the 20th (wire copies inflate counts). */
export const BREADTH_EXPONENT = 0.8;
/** Hours added to every age so a minutes-old story does not divide by almost zero. */
export const AGE_OFFSET_HOURS = 2;
/** How fast age pulls a story down; 1.5 keeps a 10-outlet story above a fresh single-outlet one for about a day. */
export const GRAVITY = 1.5;

export function storyScore(outletCount: number, lastUpdated: string, now: number): number {
  const updated = Date.parse(lastUpdated);
  const ageHours = Number.isFinite(updated) ? Math.max(0, (now - updated) / 3_600_000) : 1e6;
  return Math.max(1, outletCount) ** BREADTH_EXPONENT / (ageHours + AGE_OFFSET_HOURS) ** GRAVITY;
}

export function rankStories<T extends { outletCount: number; lastUpdated: string }>(
  items: T[],
  now: number,
): T[] {
  const scored = items.map((item) => ({
    item,
    score: storyScore(item.outletCount, item.lastUpdated, now),
  }));
  scored.sort((a, b) => b.score - a.score || b.item.lastUpdated.localeCompare(a.item.lastUpdated));
  return scored.map((s) => s.item);
}

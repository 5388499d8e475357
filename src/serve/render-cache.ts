// Rendered pages, kept beside the model they were rendered from. A page differs between readers
// only in its "new since your last visit" marks, and those depend on the reader's last visit only
// through *how many* of the page's times are newer than it. So a page is rendered once per model
// and per such count, and a busy server answers from memory: the model itself is refreshed by the
// Reader's short TTL, which also bounds how stale a cached render can be.

/** Variants kept per model: readers' last visits fall into a handful of buckets in practice, and a page is well under 100 KB. */
export const MAX_VARIANTS = 64;

interface Entry {
  /** The page's finite times (epoch ms), ascending. */
  times: number[];
  pages: Map<number, string>;
}

/** Epoch ms of each ISO time, skipping unparsable ones, ascending. */
export function sortedTimes(isoTimes: Iterable<string | null | undefined>): number[] {
  const out: number[] = [];
  for (const iso of isoTimes) {
    if (!iso) continue;
    const t = Date.parse(iso);
    if (Number.isFinite(t)) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/** How many of the ascending times are strictly after `since` (0 on a first visit). */
export function newerCount(times: readonly number[], since: number | null): number {
  if (since === null) return 0;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) > since) hi = mid;
    else lo = mid + 1;
  }
  return times.length - lo;
}

export class RenderCache {
  private readonly entries = new WeakMap<object, Entry>();

  /**
   * The page for `owner` as seen by a reader whose last visit was `since`. `times` must list
   * every time the page compares with `since` (it is read once per owner); `render` must depend on
   * `since` only through those comparisons.
   */
  page(
    owner: object,
    times: () => Iterable<string | null | undefined>,
    since: number | null,
    render: () => string,
  ): string {
    let entry = this.entries.get(owner);
    if (!entry) {
      entry = { times: sortedTimes(times()), pages: new Map() };
      this.entries.set(owner, entry);
    }
    const key = newerCount(entry.times, since);
    const hit = entry.pages.get(key);
    if (hit !== undefined) return hit;
    const page = render();
    if (entry.pages.size >= MAX_VARIANTS) entry.pages.delete(entry.pages.keys().next().value!);
    entry.pages.set(key, page);
    return page;
  }
}

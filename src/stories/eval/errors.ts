// Where a clustering goes wrong, for a developer reading `eval clustering --errors`: found stories
// that fuse several gold stories, and gold stories split over several found stories, largest first.

import { countTerms } from "../../text/terms.ts";

export interface Fusion {
  found: string;
  size: number;
  /** Gold stories in it with at least two items, largest first: [gold, items]. */
  golds: Array<[string, number]>;
}

export interface Split {
  gold: string;
  size: number;
  /** Items of the gold story in each found story, largest first. */
  parts: number[];
}

function groups(found: string[], gold: string[], byFound: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  found.forEach((f, i) => {
    const [key, value] = byFound ? [f, gold[i]!] : [gold[i]!, f];
    const list = out.get(key) ?? [];
    list.push(value);
    out.set(key, list);
  });
  return out;
}

/** Found stories holding two or more gold stories of two items or more (a single stray item is a
 * split's tail, listed under splits), the most items outside their largest gold story first. */
export function fusions(found: string[], gold: string[]): Fusion[] {
  const out: Fusion[] = [];
  for (const [f, golds] of groups(found, gold, true)) {
    const counts = [...countTerms(golds)].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]);
    if (counts.length >= 2) out.push({ found: f, size: golds.length, golds: counts });
  }
  const lost = (x: Fusion) => x.golds.slice(1).reduce((sum, [, n]) => sum + n, 0);
  return out.sort((a, b) => lost(b) - lost(a) || a.found.localeCompare(b.found));
}

/** Gold stories spread over several found stories, the most items outside their largest part
 * first. */
export function splits(found: string[], gold: string[]): Split[] {
  const out: Split[] = [];
  for (const [g, founds] of groups(found, gold, false)) {
    const parts = [...countTerms(founds).values()].sort((a, b) => b - a);
    if (parts.length >= 2) out.push({ gold: g, size: founds.length, parts });
  }
  const lost = (x: Split) => x.size - x.parts[0]!;
  return out.sort((a, b) => lost(b) - lost(a) || a.gold.localeCompare(b.gold));
}

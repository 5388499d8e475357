// Who covers a story: its outlets grouped by what the operator says about them (lean, country,
// ownership; see Outlet), as Ground News shows a story's spread. A pure function of the story's
// articles and the outlet entries.
import type { Outlet } from "../types.ts";
import type { ArticleSummary } from "./model.ts";

export interface SpreadGroup {
  label: string;
  /** Outlet names, in the order the story's articles first name them. */
  outlets: string[];
}

export interface CoverageSpread {
  /** Distinct outlets among the story's articles. */
  outlets: number;
  lean: SpreadGroup[];
  country: SpreadGroup[];
  ownership: SpreadGroup[];
  /** Outlets the operator has said nothing about. */
  unrated: string[];
  /** The side of the left-right scale that has not covered the story while the other side has
   * (see BLINDSPOT_MIN_OUTLETS), or null: what Ground News calls a blindspot. */
  blindspot: "left" | "right" | null;
}

/** Outlets with a lean on the scale a story needs, and on the covering side, before a missing
 * side means something. */
const BLINDSPOT_MIN_OUTLETS = 3;
const BLINDSPOT_MIN_SIDE = 2;

/** Where a lean label sits: the first five of LEAN_SCALE are left of centre, the last five right. */
function sideOf(label: string): "left" | "centre" | "right" | null {
  const i = LEAN_SCALE.indexOf(label.toLowerCase());
  return i < 0 ? null : i < 5 ? "left" : i < 7 ? "centre" : "right";
}

function blindspotOf(lean: SpreadGroup[]): "left" | "right" | null {
  const count = { left: 0, centre: 0, right: 0 };
  for (const g of lean) {
    const side = sideOf(g.label);
    if (side) count[side] += g.outlets.length;
  }
  if (count.left + count.centre + count.right < BLINDSPOT_MIN_OUTLETS) return null;
  if (count.right === 0 && count.left >= BLINDSPOT_MIN_SIDE) return "right";
  if (count.left === 0 && count.right >= BLINDSPOT_MIN_SIDE) return "left";
  return null;
}

/** Lean labels in the order of a left-right scale, so the spread reads left to right; labels of
 * another scale follow, most outlets first. */
const LEAN_SCALE = [
  "far left",
  "left",
  "lean left",
  "centre-left",
  "center-left",
  "centre",
  "center",
  "centre-right",
  "center-right",
  "lean right",
  "right",
  "far right",
];

export function bareDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^www\./, "");
}

/** The outlet entries, looked up by domain and by lower-case name: built once per read of the
 * entries, not once per story. */
export interface OutletIndex {
  byDomain: Map<string, Outlet>;
  byName: Map<string, Outlet>;
  /** Entries in all. */
  size: number;
  /** Whether any entry gives a lean. */
  leaning: boolean;
}

export function indexOutlets(known: Outlet[]): OutletIndex {
  return {
    byDomain: new Map(known.flatMap((o) => (o.domain ? [[bareDomain(o.domain), o]] : []))),
    byName: new Map(known.flatMap((o) => (o.name ? [[o.name.toLowerCase(), o]] : []))),
    size: known.length,
    leaning: known.some((o) => o.lean !== null),
  };
}

/** The entry for the article's domain or the nearest parent domain that has one ("edition.cnn.com"
 * takes "cnn.com"'s), else for its outlet's name. */
export function entryFor(
  a: Pick<ArticleSummary, "outlet" | "outletDomain">,
  index: OutletIndex,
): Outlet | undefined {
  const labels = bareDomain(a.outletDomain).split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const found = index.byDomain.get(labels.slice(i).join("."));
    if (found) return found;
  }
  return index.byName.get(a.outlet.trim().toLowerCase());
}

export function coverageSpread(
  articles: Iterable<ArticleSummary>,
  index: OutletIndex,
): CoverageSpread {
  // One outlet per entry, or per name: outlets that share a host (a blog platform, a demo
  // server) are still told apart.
  const seen = new Map<Outlet | string, { name: string; entry: Outlet | undefined }>();
  for (const a of articles) {
    const entry = entryFor(a, index);
    const key = entry ?? a.outlet;
    if (!seen.has(key)) seen.set(key, { name: entry?.name ?? a.outlet, entry });
  }
  const outlets = [...seen.values()];
  const groups = (pick: (o: Outlet) => string | null, scale: string[] = []): SpreadGroup[] => {
    const byLabel = new Map<string, string[]>();
    for (const { name, entry } of outlets) {
      const label = entry && pick(entry)?.trim();
      if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), name]);
    }
    const rank = (label: string) => {
      const i = scale.indexOf(label.toLowerCase());
      return i < 0 ? scale.length : i;
    };
    return [...byLabel]
      .map(([label, names]) => ({ label, outlets: names }))
      .sort(
        (x, y) =>
          rank(x.label) - rank(y.label) ||
          y.outlets.length - x.outlets.length ||
          x.label.localeCompare(y.label),
      );
  };
  const lean = groups((o) => o.lean, LEAN_SCALE);
  return {
    outlets: outlets.length,
    lean,
    country: groups((o) => o.country),
    ownership: groups((o) => o.ownership),
    unrated: outlets.filter((o) => !o.entry).map((o) => o.name),
    blindspot: blindspotOf(lean),
  };
}

/** Each group with its count of outlets: "left 1 · centre 2". */
export function groupCounts(groups: readonly SpreadGroup[]): string {
  return groups.map((g) => `${g.label} ${g.outlets.length}`).join(" · ");
}

/** The spread's described rows, as the story page and the CLI list them: "Lean", "Country",
 * "Ownership", each with its groups, leaving out a row no outlet is described on. */
export function spreadRows(sp: CoverageSpread): { title: string; groups: SpreadGroup[] }[] {
  const rows = [
    { title: "Lean", groups: sp.lean },
    { title: "Country", groups: sp.country },
    { title: "Ownership", groups: sp.ownership },
  ];
  return rows.filter((r) => r.groups.length > 0);
}

/** The blindspot as a reader reads it. */
export function blindspotText(side: "left" | "right"): string {
  return `No outlet you labelled ${side}-leaning has covered it.`;
}

// Evaluation items from JSON lines: flat items ({ id, title, snippet, story }) or stories with
// sources ({ id, date, sources: [{ title, text }] }, source i of story S becoming item "S#i").

export type TextMode = "title" | "snippet" | "both";

export interface EvalItem {
  id: string;
  title: string;
  snippet: string;
  gold: string;
  /** Milliseconds since the epoch, NaN when the line has no usable date. */
  at: number;
}

function str(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

function time(v: unknown): number {
  if (typeof v === "number") return v;
  return typeof v === "string" ? Date.parse(v) : Number.NaN;
}

/** WikinewsSum keeps many articles' dates as a category ("November 17, 2004"), not in `date`. */
function dateCategory(categories: unknown): number {
  if (!Array.isArray(categories)) return Number.NaN;
  for (const c of categories) {
    if (typeof c === "string" && /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(c)) return Date.parse(c);
  }
  return Number.NaN;
}

function itemsOfLine(rec: Record<string, unknown>): EvalItem[] {
  const at = time(rec.date ?? rec.published ?? rec.publishedAt) || dateCategory(rec.categories);
  if (Array.isArray(rec.sources)) {
    return rec.sources.map((src: Record<string, unknown>, i) => ({
      id: `${str(rec.id)}#${i}`,
      title: str(src.title),
      snippet: str(src.text ?? src.snippet),
      gold: str(rec.id),
      at: time(src.date ?? src.published) || at,
    }));
  }
  return [
    {
      id: str(rec.id),
      title: str(rec.title),
      snippet: str(rec.snippet ?? rec.text),
      gold: str(rec.story),
      at,
    },
  ];
}

/** Parses JSON lines into items, in stream order: by date where dates exist, else file order. */
export function parseItems(jsonl: string): EvalItem[] {
  const items: EvalItem[] = [];
  jsonl.split("\n").forEach((line, n) => {
    if (line.trim() === "") return;
    try {
      items.push(...itemsOfLine(JSON.parse(line)));
    } catch (cause) {
      throw new Error(`stories: bad JSON on line ${n + 1}`, { cause });
    }
  });
  return streamOrder(items);
}

/**
 * Stable sort by date; an undated item keeps its place behind the last dated one before it and takes
 * that date as its time, as the pipeline dates an article without one by when it was fetched.
 * Without any date at all, items stay undated (no time decay).
 */
function streamOrder(items: EvalItem[]): EvalItem[] {
  const firstDated = items.find((i) => Number.isFinite(i.at))?.at;
  if (firstDated === undefined) return items;
  let carried = firstDated;
  const keyed = items.map((item, pos) => {
    if (Number.isFinite(item.at)) carried = item.at;
    return { item, key: carried, pos };
  });
  keyed.sort((a, b) => a.key - b.key || a.pos - b.pos);
  return keyed.map((k) => ({ ...k.item, at: k.key }));
}

export function docText(item: EvalItem, mode: TextMode): { title: string; text: string } {
  if (mode === "title") return { title: item.title, text: "" };
  if (mode === "snippet") return { title: "", text: item.snippet };
  return { title: item.title, text: item.snippet };
}

// How a story developed: its articles grouped by the day they were published, each later day's
// most central new sentence (one nothing earlier said), the timeline those make, and the latest
// development that the brief carries as an update.
import {
  type Article,
  articleDay,
  articleTime,
  type BriefSentence,
  type TimelineEntry,
} from "../types.ts";
import { equivalent, supportOf } from "./attribute.ts";
import { type Candidate, type Evidence, neighbours, similarity } from "./evidence.ts";
import { type Unit, unitFor } from "./select.ts";

/** A sentence this close to an earlier day's sentence is not new. */
const COVERED_SIMILARITY = 0.5;
/** Position prior halves after this many sentences: the new fact opens a follow-up report. */
const POSITION_HALF_LIFE = 3;
/** A later day's sentence that other articles of that day also report is what the day was about. */
const W_SUPPORT = 0.5;
/** Echoing the day's headlines marks the day's news. */
const W_HEADLINE = 0.5;

export interface DayGroup {
  /** "2026-11-24" (UTC). */
  day: string;
  articles: Article[];
}

/** The story's original articles by publication day, oldest day first. */
export function dayGroups(ev: Evidence): DayGroup[] {
  const byDay = new Map<string, Article[]>();
  for (const a of ev.articles) {
    if (a.duplicateOf && ev.byId.has(a.duplicateOf)) continue;
    const day = articleDay(a);
    const list = byDay.get(day);
    if (list) list.push(a);
    else byDay.set(day, [a]);
  }
  return [...byDay.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([day, articles]) => ({ day, articles }));
}

/** The most central sentence of a day's articles that no article of an earlier day covers. */
export function centralNew(ev: Evidence, group: DayGroup, before: string): Candidate | null {
  // The update and the timeline ask about the same last day: answer once per story.
  const key = `${group.day}\u0000${before}`;
  const memo = centralCache.get(ev) ?? new Map<string, Candidate | null>();
  centralCache.set(ev, memo);
  if (!memo.has(key)) memo.set(key, computeCentralNew(ev, group, before));
  return memo.get(key) ?? null;
}

const centralCache = new WeakMap<Evidence, Map<string, Candidate | null>>();

function computeCentralNew(ev: Evidence, group: DayGroup, before: string): Candidate | null {
  const ids = new Set(group.articles.map((a) => a.id));
  const headline = new Set(group.articles.flatMap((a) => words(a.headline)));
  let best: Candidate | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const a of group.articles) {
    for (const c of ev.perArticle.get(a.id) ?? []) {
      // A sentence that leans on the one before ("The audit will…") comes with it (see unitOf).
      if (!c.eligible || !c.original || (c.dangling && !unitFor(ev, c, NONE))) continue;
      const near = neighbours(ev, c, 2);
      const earlier = near.filter((o) => articleDay(o.article) < before);
      // A claim this sentence withdraws does not make it old news.
      const covers = (o: Candidate) =>
        !o.retracted && (similarity(c, o) >= COVERED_SIMILARITY || equivalent(c, o));
      if (earlier.some(covers)) continue;
      // Support: per other outlet of the day, its closest sentence.
      const sameDay = new Map<string, number>();
      for (const o of near) {
        if (!ids.has(o.article.id) || o.outlet === c.outlet) continue;
        sameDay.set(o.outlet, Math.max(sameDay.get(o.outlet) ?? 0, similarity(c, o)));
      }
      let support = 0;
      for (const x of sameDay.values()) support += x;
      let echo = 0;
      for (const w of c.tokens) if (headline.has(w)) echo++;
      const score =
        0.5 ** (c.position / POSITION_HALF_LIFE) +
        (W_SUPPORT * support) / Math.max(1, group.articles.length - 1) +
        (W_HEADLINE * echo) / Math.max(1, c.tokens.size);
      if (score > bestScore || (score === bestScore && best !== null && c.index < best.index)) {
        best = c;
        bestScore = score;
      }
    }
  }
  return best;
}

const NONE = new Set<number>();

/** The new sentence with the sentence it leans on, if it does. */
function unitOf(ev: Evidence, c: Candidate): Unit {
  return unitFor(ev, c, NONE) ?? [c];
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Development {
  /** The day's new sentence. */
  candidate: Candidate;
  /** It, after the sentence before it when it cannot stand alone. */
  unit: Unit;
  day: string;
}

/** The latest day's new fact, when the story has more than one day of reporting. */
export function latestDevelopment(ev: Evidence): Development | null {
  const groups = dayGroups(ev);
  if (groups.length < 2) return null;
  const last = groups[groups.length - 1]!;
  const c = centralNew(ev, last, last.day);
  return c ? { candidate: c, unit: unitOf(ev, c), day: last.day } : null;
}

/** One entry per day of reporting: the lead for the first day, each later day's central new
 * sentence after it (days with nothing new are left out). */
export function dayTimeline(ev: Evidence, lead: BriefSentence | null): TimelineEntry[] {
  const groups = dayGroups(ev);
  const out: TimelineEntry[] = [];
  groups.forEach((g, i) => {
    const leadHere = lead?.articleIds.some((id) => g.articles.some((a) => a.id === id));
    if (i === 0 && lead && leadHere) {
      const first = g.articles.map(articleTime).sort()[0]!;
      out.push({ at: first, text: lead.text, articleIds: lead.articleIds });
      return;
    }
    const c = centralNew(ev, g, g.day);
    if (!c) return;
    const unit = unitOf(ev, c);
    out.push({
      at: articleTime(c.article),
      text: unit.map((u) => u.text).join(" "),
      articleIds: supportOf(ev, c).articleIds,
    });
  });
  return out;
}

/** "24 November" for an ISO day. */
export function dayLabel(day: string): string {
  const d = new Date(`${day}T12:00:00.000Z`);
  if (Number.isNaN(d.getTime())) return day;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

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
import { REDUNDANT_SIMILARITY, type Unit, unitFor, wordCount } from "./select.ts";

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
  return rankedNew(ev, group, before)[0]?.candidate ?? null;
}

interface Scored {
  candidate: Candidate;
  score: number;
}

/** The day's sentences that no article of an earlier day covers, most central first. */
function rankedNew(ev: Evidence, group: DayGroup, before: string): Scored[] {
  // The update and the timeline ask about the same last day: answer once per story.
  const key = `${group.day}\u0000${before}`;
  const memo = rankedCache.get(ev) ?? new Map<string, Scored[]>();
  rankedCache.set(ev, memo);
  let ranked = memo.get(key);
  if (!ranked) {
    ranked = computeRankedNew(ev, group, before);
    memo.set(key, ranked);
  }
  return ranked;
}

const rankedCache = new WeakMap<Evidence, Map<string, Scored[]>>();

function computeRankedNew(ev: Evidence, group: DayGroup, before: string): Scored[] {
  const ids = new Set(group.articles.map((a) => a.id));
  const headline = new Set(group.articles.flatMap((a) => words(a.headline)));
  const ranked: Scored[] = [];
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
      ranked.push({ candidate: c, score });
    }
  }
  return ranked.sort((x, y) => y.score - x.score || x.candidate.index - y.candidate.index);
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
  /** It, after the sentence before it when it cannot stand alone; then the day's next new fact
   * when there is one (see detailOf). */
  unit: Unit;
  day: string;
}

/** A second new fact of the day goes with the update when it scores at least this share of the
 * first: the deal's terms after "the strike is over". */
const DETAIL_SHARE = 0.5;
/** The update, with its detail, stays this short: it leads the brief's details, it is not all of them. */
const UPDATE_MAX_WORDS = 75;

/** The latest new fact of a day after the first, when the story has more than one day of
 * reporting. A last day with nothing new (a column, a recap) does not hide the day before's. */
export function latestDevelopment(ev: Evidence): Development | null {
  const groups = dayGroups(ev);
  for (let i = groups.length - 1; i >= 1; i--) {
    const day = groups[i]!;
    const ranked = rankedNew(ev, day, day.day);
    const first = ranked[0];
    if (!first) continue;
    const unit = unitOf(ev, first.candidate);
    return {
      candidate: first.candidate,
      unit: [...unit, ...detailOf(ranked, unit)],
      day: day.day,
    };
  }
  return null;
}

/** The day's next new fact, from further down the update's own report: a strong one that the
 * update does not already say, told in few enough words. Another outlet's sentence of the same day
 * was often the update again in other words ("the port will reopen on Thursday…"), which word
 * overlap does not catch. */
function detailOf(ranked: Scored[], unit: Unit): Unit {
  const best = ranked[0]!.score;
  const words = unit.reduce((n, c) => n + wordCount(c.text), 0);
  const last = unit[unit.length - 1]!;
  for (const { candidate: c, score } of ranked.slice(1)) {
    if (score < DETAIL_SHARE * best) break;
    if (c.article.id !== last.article.id || c.position <= last.position) continue;
    if (c.dangling) continue;
    if (unit.some((u) => similarity(c, u) >= REDUNDANT_SIMILARITY || equivalent(c, u))) continue;
    if (words + wordCount(c.text) > UPDATE_MAX_WORDS) continue;
    return [c];
  }
  return [];
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

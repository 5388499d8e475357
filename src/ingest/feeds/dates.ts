// Dates as feeds really write them: RFC 822 with odd or named zones, ISO 8601 in its many
// shapes, or nonsense. Everything becomes an ISO UTC string, or null when it cannot be trusted.

import { parseLooseDateUtc } from "../../text/dates.ts";
import type { IsoTime } from "../../types.ts";

/** Years outside this window are typos or placeholder dates ("0001-01-01"), not publication times. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Zone abbreviations seen in real feeds, in minutes east of UTC. Unknown names count as UTC. */
const ZONES: Record<string, number> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  MET: 60,
  CEST: 120,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};

const RFC822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2,4})(?:[\sT,]+(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?m\b\.?)?)?\s*(.*)$/i;
const ISO8601 =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2}):?(\d{2})?\b/i;

/** Minutes east of UTC for a zone token such as "+0200", "-05:00", "CEST", "GMT+1"; null when garbled. */
function zoneOffset(raw: string): number | null {
  const zone = raw.trim().replace(/^\(|\)$/g, "");
  if (zone === "") return 0;
  const offset = OFFSET.exec(zone);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes > 59) return null;
    return (offset[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const name = /^[a-z]{1,5}\b/i.exec(zone)?.[0].toUpperCase();
  if (name === undefined) return null;
  return ZONES[name] ?? 0; // RFC 2822: unknown and military zones are read as UTC
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  offsetMinutes: number;
}

function toIso(p: Parts): IsoTime | null {
  if (p.year < MIN_YEAR || p.year > MAX_YEAR || p.month < 1 || p.month > 12) return null;
  if (p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  const ms = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millis);
  const check = new Date(Date.UTC(p.year, p.month - 1, p.day));
  if (check.getUTCDate() !== p.day) return null; // 31 April, 30 February
  return new Date(ms - p.offsetMinutes * 60_000).toISOString();
}

/** A 12-hour clock's hour ("a" or "p" marker) on the 24-hour clock; null for "15 PM". */
function twentyFourHour(hour: number, marker: string | undefined): number | null {
  if (marker === undefined) return hour;
  if (hour > 12) return null;
  return (hour % 12) + (marker.toLowerCase() === "p" ? 12 : 0);
}

function parseRfc822(text: string): IsoTime | null {
  const m = RFC822.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const hour = twentyFourHour(Number(m[4] ?? 0), m[7]);
  const offset = zoneOffset(m[8] ?? "");
  if (offset === null || hour === null) return null;
  return toIso({
    year,
    month,
    day: Number(m[1]),
    hour,
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millis: 0,
    offsetMinutes: offset,
  });
}

function parseIso8601(text: string): IsoTime | null {
  const m = ISO8601.exec(text);
  if (!m) return null;
  const offset = zoneOffset(m[8] ?? "");
  if (offset === null) return null;
  return toIso({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millis: Math.round(Number(`0.${m[7] ?? "0"}`) * 1000),
    offsetMinutes: offset,
  });
}

/** Last resort for shapes like "January 5, 2026 10:00 AM EST": the engine's own parser, range-checked. */
function parseLoose(text: string): IsoTime | null {
  if (!/[a-z]{3}/i.test(text) || !/\d{4}/.test(text)) return null;
  const ms = parseLooseDateUtc(text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year < MIN_YEAR || year > MAX_YEAR ? null : new Date(ms).toISOString();
}

/** A feed's date string as ISO UTC, or null when missing or unreadable. Zone-less times count as UTC. */
export function parseFeedDate(raw: string | null | undefined): IsoTime | null {
  if (raw == null) return null;
  const text = String(raw).trim().replace(/\s+/g, " ");
  if (text === "") return null;
  // A string shaped like ISO 8601 or RFC 822 is judged by that shape alone: the engine's loose
  // parser would roll "30 February" over into March.
  if (ISO8601.test(text)) return parseIso8601(text);
  if (RFC822.test(text)) return parseRfc822(text);
  return parseLoose(text);
}

// Page dates to ISO UTC. Dates without a zone are taken as UTC (a page's own clock is unknown);
// anything outside a plausible range for news is ignored.

import { hasZone, parseLooseDateUtc } from "../text/dates.ts";

const EARLIEST_YEAR = 1990; // before the web had news pages
const LATEST_YEAR = 2100;

const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const COMPACT_OFFSET = /([+-]\d{2})(\d{2})$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;

export function toIsoUtc(value: string | null | undefined): string | null {
  if (!value) return null;
  let s = value.trim();
  if (s.length === 0 || s.length > 64) return null;
  let ms: number;
  if (EPOCH.test(s)) {
    ms = Number(s) * (s.length === 10 ? 1000 : 1);
  } else {
    if (/^\d{4}-\d{2}-\d{2} \d/.test(s)) s = s.replace(" ", "T");
    if (ISO_LOCAL.test(s.replace(" ", "T"))) s = `${s}Z`;
    else if (/T\d/.test(s) && COMPACT_OFFSET.test(s) && !hasZone(s.slice(0, -5))) {
      s = s.replace(COMPACT_OFFSET, "$1:$2");
    }
    // A zoneless non-ISO date ("March 1, 2026") is UTC, not the server's local time.
    ms = parseLooseDateUtc(s);
    if (Number.isNaN(ms)) ms = parseLooseDateUtc(value.trim());
  }
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  return d.toISOString();
}

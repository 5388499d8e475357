// Page dates to ISO UTC. Dates without a zone are taken as UTC (a page's own clock is unknown);
// anything outside a plausible range for news is ignored.

const EARLIEST_YEAR = 1990; // before the web had news pages
const LATEST_YEAR = 2100;

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|[ECMP][SD]T)\b)\s*$/i;
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
    else if (/T\d/.test(s) && COMPACT_OFFSET.test(s) && !HAS_ZONE.test(s.slice(0, -5))) {
      s = s.replace(COMPACT_OFFSET, "$1:$2");
    }
    // V8 reads a zoneless non-ISO date ("March 1, 2026") in the server's local time: ask for UTC.
    // (A trailing "(Central European Time)", as in Date#toString, follows the real zone.)
    const zoned = HAS_ZONE.test(s.replace(/\s*\([^()]*\)$/, ""));
    ms = zoned ? Number.NaN : Date.parse(`${s} UTC`);
    if (Number.isNaN(ms)) ms = Date.parse(s);
    if (Number.isNaN(ms)) ms = Date.parse(value.trim());
  }
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  return d.toISOString();
}

// The engine's loose date parser (Date.parse) reads a date without a zone in the server's local
// time. Extraction and feeds both take such a date as UTC, the one way written here.

/** Zone names and offsets the engine's parser understands, anywhere in the string ("EST",
 * "GMT+2", "10:00-0500", "10:00:00.000+01:00", " +02:00", "…Z"). */
const ENGINE_ZONE = /(?<![a-z])(?:UTC?|GMT|Z|[ECMP][SD]T)(?![a-z])|(?:\s|:\d\d(?:\.\d+)?)[+-]\d/i;

/** True when the string names a zone or offset the engine's parser will apply. */
export function hasZone(s: string): boolean {
  return ENGINE_ZONE.test(s);
}

/** Date.parse, reading a date without a zone as UTC whatever the server's zone; NaN when
 * unreadable. No local-time fallback: that would shift the date by the server's offset. */
export function parseLooseDateUtc(s: string): number {
  return Date.parse(hasZone(s) ? s : `${s} UTC`);
}

// Retry-After (RFC 9110 10.2.3): either delay-seconds or an HTTP date.

/** Milliseconds to wait, or null when the header is absent or unreadable. Never negative. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date = new Date(),
): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

// "New since your last visit" without accounts: one cookie holding two times, the start of the
// previous visit ("since") and the last page view. A new visit starts after a quiet gap; during a
// visit the marks stay put, so going from the front page to a story keeps them.

export const VISIT_COOKIE = "sl_visit";
/** Page views closer together than this are one visit (the common definition in web analytics). */
export const VISIT_GAP_MS = 30 * 60 * 1000;
/** The cookie outlives a holiday: a reader back after two months still sees what is new. */
export const VISIT_COOKIE_MAX_AGE_S = 400 * 24 * 3600;

export interface Visit {
  /** Epoch ms: things that arrived after this are new to the reader; null on a first visit. */
  since: number | null;
  /** The value to store back. */
  cookie: string;
}

export function parseVisitCookie(
  value: string | undefined,
): { since: number; last: number } | null {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(value ?? "");
  if (!match) return null;
  return { since: Number(match[1]), last: Number(match[2]) };
}

export function nextVisit(value: string | undefined, now: number): Visit {
  const prev = parseVisitCookie(value);
  if (!prev || prev.last > now) return { since: null, cookie: `0.${now}` };
  const since = now - prev.last > VISIT_GAP_MS ? prev.last : prev.since;
  return { since: since > 0 ? since : null, cookie: `${since}.${now}` };
}

export function isNewSince(fetchedAt: string | null | undefined, since: number | null): boolean {
  if (since === null || !fetchedAt) return false;
  const t = Date.parse(fetchedAt);
  return Number.isFinite(t) && t > since;
}

// When to poll a source next: a pure function of its failure count and the last outcome.

import type { Source } from "../../types.ts";

/** Default gap between polls of a healthy source: news moves in minutes, but 15 min keeps us polite. */
export const DEFAULT_POLL_INTERVAL_MS = 15 * 60 * 1000;
/** A feed's own ttl is honoured up to a day, so a typo ("ttl 99999") cannot freeze a source. */
export const MAX_TTL_MS = 24 * 60 * 60 * 1000;
/** First retry after a failure waits up to a minute: long enough to ride out a restart. */
export const BACKOFF_BASE_MS = 60 * 1000;
/** Backoff never exceeds a day, so a source that comes back is noticed within a day. */
export const BACKOFF_CAP_MS = 24 * 60 * 60 * 1000;
/** Ten failures in a row spans days of backoff: the source is dead or moved, stop polling it. */
export const MAX_CONSECUTIVE_FAILURES = 10;

export interface AttemptOutcome {
  ok: boolean;
  /** From a Retry-After header (429/503), milliseconds. */
  retryAfterMs?: number | null;
  /** The feed's own refresh hint (RSS ttl, Cache-Control max-age), milliseconds. */
  ttlMs?: number | null;
}

export interface NextAttempt {
  nextFetchAt: string;
  failureCount: number;
  disabled: boolean;
}

export function nextAttempt(
  source: Pick<Source, "failureCount">,
  outcome: AttemptOutcome,
  now: Date,
  rand: () => number = Math.random,
): NextAttempt {
  const retryAfter = Math.min(Math.max(0, outcome.retryAfterMs ?? 0), BACKOFF_CAP_MS);
  if (outcome.ok) {
    const ttl = Math.min(Math.max(0, outcome.ttlMs ?? 0), MAX_TTL_MS);
    const delay = Math.max(ttl, DEFAULT_POLL_INTERVAL_MS, retryAfter);
    return { nextFetchAt: at(now, delay), failureCount: 0, disabled: false };
  }
  const failureCount = source.failureCount + 1;
  // 2^(n-1) minutes, capped; the exponent is clamped so the number stays finite.
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(failureCount - 1, 30));
  // Full jitter (AWS architecture blog): spreads retries of many failing sources evenly.
  const jittered = Math.floor(rand() * ceiling);
  const delay = Math.max(jittered, retryAfter);
  return {
    nextFetchAt: at(now, delay),
    failureCount,
    disabled: failureCount >= MAX_CONSECUTIVE_FAILURES,
  };
}

function at(now: Date, delayMs: number): string {
  return new Date(now.getTime() + delayMs).toISOString();
}

// When to look at a discussion again. Threads live for about two days: poll often while people
// are talking, back off (doubling) while they are quiet, and stop after 48 hours.
import type { Thread } from "../../types.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Discussions on HN and Reddit are essentially over after two days. */
export const THREAD_LIVE_MS = 48 * HOUR;
/** Shortest interval: a busy thread gains comments by the minute, but 10 minutes catches the shape. */
export const REPOLL_MIN_MS = 10 * MINUTE;
/** Longest interval while still live: a quiet thread may yet wake up (a second wave, a reply). */
export const REPOLL_MAX_MS = 6 * HOUR;

function latestActivity(thread: Thread, firstSeenAt: Date): number {
  let latest = firstSeenAt.getTime();
  for (const c of thread.comments) {
    const t = c.postedAt ? Date.parse(c.postedAt) : Number.NaN;
    if (t > latest) latest = t;
  }
  return latest;
}

/**
 * The next time to poll `thread`, or null once it is 48 hours past `firstSeenAt`. After a poll
 * that changed something the interval is the minimum; otherwise it doubles with the time the
 * thread has been quiet (10 min, 20, 40, … up to 6 h), never past the 48-hour mark.
 */
export function threadRepollAt(
  thread: Thread,
  firstSeenAt: Date,
  now: Date,
  lastChanged: boolean,
): Date | null {
  const end = firstSeenAt.getTime() + THREAD_LIVE_MS;
  if (now.getTime() >= end) return null;
  let interval = REPOLL_MIN_MS;
  if (!lastChanged) {
    const quiet = Math.max(
      0,
      now.getTime() - Math.min(latestActivity(thread, firstSeenAt), now.getTime()),
    );
    const doublings = Math.floor(Math.log2(Math.max(1, quiet / REPOLL_MIN_MS)));
    interval = Math.min(REPOLL_MAX_MS, REPOLL_MIN_MS * 2 ** doublings);
  }
  return new Date(Math.min(now.getTime() + interval, end));
}

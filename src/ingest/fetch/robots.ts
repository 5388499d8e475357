// robots.txt, fetched once per origin and cached. A 4xx robots.txt allows everything; a 5xx one
// disallows everything for a short while (RFC 9309 2.3.1.4: unreachable means "assume disallowed").

import robotsParserModule from "robots-parser";

interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// The package's typings describe an ES default export, but it is CommonJS `module.exports = fn`.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => RobotsRules;

/** RFC 9309 2.4: crawlers should not use a cached robots.txt for more than 24 hours. */
const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
/** A failing (5xx) robots.txt is retried sooner, so a brief outage does not block a day of polls. */
const ROBOTS_ERROR_TTL_MS = 10 * 60 * 1000;
/** RFC 9309 2.5: parse at least 500 KiB; anything beyond that is ignored. */
export const ROBOTS_MAX_BYTES = 512 * 1024;

export type RobotsFile = { status: number; text: string };

interface Entry {
  /** null: everything allowed; "error": everything disallowed; otherwise a parsed file. */
  rules: RobotsRules | null | "error";
  status: number;
  expires: number;
}

export type RobotsVerdict =
  | { allowed: true; crawlDelayMs: number | null }
  | { allowed: false; reason: string };

export class RobotsCache {
  private readonly cache = new Map<string, Promise<Entry>>();

  constructor(
    private readonly userAgent: string,
    /** Fetches a robots.txt URL; throws on transport failure (the caller's error then stands). */
    private readonly load: (robotsUrl: string) => Promise<RobotsFile>,
  ) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.entry(url.origin);
    if (entry.rules === null) return { allowed: true, crawlDelayMs: null };
    if (entry.rules === "error") {
      return { allowed: false, reason: `robots.txt unavailable (HTTP ${entry.status})` };
    }
    if (entry.rules.isAllowed(url.href, this.userAgent) === false) {
      return { allowed: false, reason: "disallowed by robots.txt" };
    }
    const delay = entry.rules.getCrawlDelay(this.userAgent);
    const crawlDelayMs = delay !== undefined && delay > 0 ? delay * 1000 : null;
    return { allowed: true, crawlDelayMs };
  }

  private entry(origin: string): Promise<Entry> {
    const cached = this.cache.get(origin);
    if (cached) {
      return cached.then((e) => (e.expires > Date.now() ? e : this.refresh(origin)));
    }
    return this.refresh(origin);
  }

  private refresh(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const p = this.load(robotsUrl).then((file) => toEntry(robotsUrl, file));
    this.cache.set(origin, p);
    // Transport failures are not cached: the next fetch tries again.
    p.catch(() => this.cache.delete(origin));
    return p;
  }
}

function toEntry(robotsUrl: string, { status, text }: RobotsFile): Entry {
  const now = Date.now();
  // 429 is treated like 5xx ("come back later"), as major crawlers do, not as "no robots.txt".
  if (status >= 500 || status === 429)
    return { rules: "error", status, expires: now + ROBOTS_ERROR_TTL_MS };
  if (status >= 400) return { rules: null, status, expires: now + ROBOTS_TTL_MS };
  return { rules: robotsParser(robotsUrl, text), status, expires: now + ROBOTS_TTL_MS };
}

// The one safe fetcher: every network read in Storyline goes through createFetcher(). It refuses
// private addresses (literal hosts before connecting, resolved ones inside the socket's DNS lookup),
// follows redirects itself, caps decompressed size and total time, respects robots.txt and
// per-host politeness, and decodes text with the right charset.

import type { LookupFunction } from "node:net";
import type { FetchConfig } from "../../config.ts";
import { discard, readBody } from "./body.ts";
import { decodeBody } from "./charset.ts";
import { FetchError } from "./errors.ts";
import { createAgent, header, type RawResponse, requestOnce } from "./http.ts";
import { HostLimiter } from "./politeness.ts";
import { parseRetryAfter } from "./retry-after.ts";
import { ROBOTS_MAX_BYTES, RobotsCache, type RobotsFile } from "./robots.ts";
import { checkUrlHost, makeAllowList } from "./ssrf.ts";

export { FetchError, type FetchErrorCode } from "./errors.ts";
export { nextAttempt } from "./schedule.ts";

/** Sent when the caller names no media types. */
const DEFAULT_ACCEPT = "*/*";

export interface FetchRequest {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchResult {
  kind: "ok";
  /** Final URL after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  /** The charset used to decode `text`. */
  charset: string;
  /** Decompressed body. */
  body: Buffer;
  text: string;
  etag: string | null;
  lastModified: string | null;
  retryAfterMs: number | null;
}

export type FetchOutcome = FetchResult | { kind: "not-modified"; url: string };

export interface Fetcher {
  fetch(url: string, req?: FetchRequest): Promise<FetchOutcome>;
  close(): Promise<void>;
}

export interface FetcherHooks {
  /** DNS resolver used for connections (tests point names at chosen addresses). */
  lookup?: LookupFunction;
}

type Hop =
  | { kind: "redirect"; location: string; status: number }
  | { kind: "not-modified" }
  | { kind: "ok"; res: RawResponse; body: Buffer };

export function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError("bad-url", raw, "not a valid absolute URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("bad-url", raw, `scheme ${url.protocol} refused (only http and https)`);
  }
  // The fragment is never sent; dropping it also makes redirect-loop detection exact.
  url.hash = "";
  return url;
}

function requestHeaders(config: FetchConfig, req: FetchRequest): Record<string, string> {
  const h: Record<string, string> = {
    "user-agent": config.userAgent,
    accept: req.accept ?? DEFAULT_ACCEPT,
  };
  if (req.etag) h["if-none-match"] = req.etag;
  if (req.lastModified) h["if-modified-since"] = req.lastModified;
  return h;
}

function httpError(url: URL, res: RawResponse, reason?: string): FetchError {
  const retryAfterMs = parseRetryAfter(header(res, "retry-after"));
  return new FetchError("http", url.href, reason ?? `server answered HTTP ${res.status}`, {
    status: res.status,
    retryAfterMs,
  });
}

export function createFetcher(config: FetchConfig, hooks: FetcherHooks = {}): Fetcher {
  const allow = makeAllowList(config.allowPrivateHosts);
  const agent = createAgent(config, allow, hooks.lookup);
  const limiter = new HostLimiter(config.perHostConcurrency, config.perHostDelayMs);
  const robots = new RobotsCache(config.userAgent, loadRobots);

  /** One request to one URL, holding the host's politeness slot until the body is read. */
  function hop(url: URL, headers: Record<string, string>, maxBytes: number): Promise<Hop> {
    return limiter.run(url.host, async () => {
      const res = await requestOnce(agent, url, headers, config);
      const location = header(res, "location");
      if (res.status === 304) {
        discard(res.body);
        return { kind: "not-modified" };
      }
      if (res.status >= 300 && res.status < 400 && location) {
        discard(res.body);
        return { kind: "redirect", location, status: res.status };
      }
      if (res.status >= 300) {
        discard(res.body);
        const missing = res.status < 400 ? `HTTP ${res.status} without a Location` : undefined;
        throw httpError(url, res, missing);
      }
      const deadlineMs = config.bodyTimeoutMs;
      const length = Number(header(res, "content-length") ?? Number.NaN);
      if (!header(res, "content-encoding") && length > maxBytes) {
        discard(res.body);
        throw new FetchError("too-large", url.href, `Content-Length ${length} exceeds ${maxBytes}`);
      }
      const body = await readBody(res.body, header(res, "content-encoding"), {
        url: url.href,
        maxBytes,
        deadlineMs,
      });
      return { kind: "ok", res, body };
    });
  }

  /** Follows redirects by hand, checking every target before connecting to it. */
  async function follow(
    raw: string,
    req: FetchRequest,
    opts: { robots: boolean; maxBytes: number },
  ): Promise<{ url: URL; hop: Exclude<Hop, { kind: "redirect" }> }> {
    let url = parseTarget(raw);
    const seen = new Set<string>([url.href]);
    const headers = requestHeaders(config, req);
    for (let redirects = 0; ; redirects++) {
      checkUrlHost(url, allow, redirects === 0 ? raw : url.href);
      if (opts.robots && config.respectRobots) {
        const verdict = await robots.check(url);
        if (!verdict.allowed) throw new FetchError("robots", url.href, verdict.reason);
        if (verdict.crawlDelayMs) limiter.setCrawlDelay(url.host, verdict.crawlDelayMs);
      }
      const h = await hop(url, headers, opts.maxBytes);
      if (h.kind !== "redirect") return { url, hop: h };
      const next = resolveRedirect(url, h.location);
      if (seen.has(next.href)) {
        throw new FetchError("redirect-loop", raw, `redirect loop: ${url.href} -> ${next.href}`);
      }
      if (redirects + 1 > config.maxRedirects) {
        const why = `more than ${config.maxRedirects} redirects (last to ${next.href})`;
        throw new FetchError("too-many-redirects", raw, why);
      }
      seen.add(next.href);
      url = next;
    }
  }

  async function loadRobots(robotsUrl: string): Promise<RobotsFile> {
    try {
      const { hop: h } = await follow(robotsUrl, {}, { robots: false, maxBytes: ROBOTS_MAX_BYTES });
      if (h.kind === "not-modified") return { status: 404, text: "" };
      return { status: h.res.status, text: decodeBody(h.body, header(h.res, "content-type")).text };
    } catch (err) {
      if (err instanceof FetchError && err.code === "http" && err.status) {
        return { status: err.status, text: "" };
      }
      // An oversized robots.txt is treated as absent rather than blocking the whole host.
      if (err instanceof FetchError && err.code === "too-large") return { status: 404, text: "" };
      throw err;
    }
  }

  return {
    async fetch(raw: string, req: FetchRequest = {}): Promise<FetchOutcome> {
      const { url, hop: h } = await follow(raw, req, { robots: true, maxBytes: config.maxBytes });
      if (h.kind === "not-modified") return { kind: "not-modified", url: url.href };
      const contentType = header(h.res, "content-type");
      const { charset, text } = decodeBody(h.body, contentType);
      return {
        kind: "ok",
        url: url.href,
        status: h.res.status,
        contentType,
        charset,
        body: h.body,
        text,
        etag: header(h.res, "etag"),
        lastModified: header(h.res, "last-modified"),
        retryAfterMs: parseRetryAfter(header(h.res, "retry-after")),
      };
    },
    async close(): Promise<void> {
      limiter.close();
      await agent.destroy();
    },
  };
}

function resolveRedirect(from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchError("bad-url", from.href, `redirect to an invalid URL "${location}"`);
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw new FetchError("bad-url", from.href, `redirect to refused scheme ${next.protocol}`);
  }
  next.hash = "";
  return next;
}

// The fetcher proper: for each URL of a redirect chain, refuse blocked literal hosts, consult
// robots.txt, take the host's politeness slot, make one request and read its body under the caps.

import type { Agent } from "undici";
import type { FetchConfig } from "../../config.ts";
import { discard, type ReadLimits, readBody } from "./body.ts";
import { decodeBody } from "./charset.ts";
import { FetchError } from "./errors.ts";
import { createAgent, header, type RawResponse, requestOnce } from "./http.ts";
import { HostLimiter } from "./politeness.ts";
import { parseTarget, RedirectTrail, resolveRedirect } from "./redirects.ts";
import { parseRetryAfter } from "./retry-after.ts";
import { ROBOTS_MAX_BYTES, RobotsCache, type RobotsFile } from "./robots.ts";
import { type AllowList, checkUrlHost, makeAllowList } from "./ssrf.ts";
import type { Fetcher, FetcherHooks, FetchOutcome, FetchRequest } from "./types.ts";

/** Sent when the caller names no media types. */
const DEFAULT_ACCEPT = "*/*";

type Hop =
  | { kind: "redirect"; location: string }
  | { kind: "not-modified" }
  | { kind: "ok"; res: RawResponse; body: Buffer };
type Final = { url: URL; hop: Exclude<Hop, { kind: "redirect" }> };
type BodyCap = Pick<ReadLimits, "maxBytes" | "truncate">;

function httpError(url: URL, res: RawResponse, reason?: string): FetchError {
  const retryAfterMs = parseRetryAfter(header(res, "retry-after"));
  return new FetchError("http", url.href, reason ?? `server answered HTTP ${res.status}`, {
    status: res.status,
    retryAfterMs,
  });
}

export class SafeFetcher implements Fetcher {
  private readonly allow: AllowList;
  private readonly agent: Agent;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;

  constructor(
    private readonly config: FetchConfig,
    hooks: FetcherHooks = {},
  ) {
    this.allow = makeAllowList(config.allowPrivateHosts);
    this.agent = createAgent(config, this.allow, hooks.lookup);
    this.limiter = new HostLimiter(config.perHostConcurrency, config.perHostDelayMs);
    this.robots = new RobotsCache(config.userAgent, (u) => this.loadRobots(u));
  }

  async fetch(raw: string, req: FetchRequest = {}): Promise<FetchOutcome> {
    const { url, hop } = await this.follow(raw, req, true, { maxBytes: this.config.maxBytes });
    if (hop.kind === "not-modified") return { kind: "not-modified", url: url.href };
    const contentType = header(hop.res, "content-type");
    const { charset, text } = decodeBody(hop.body, contentType);
    return {
      kind: "ok",
      url: url.href,
      status: hop.res.status,
      contentType,
      charset,
      body: hop.body,
      text,
      etag: header(hop.res, "etag"),
      lastModified: header(hop.res, "last-modified"),
      retryAfterMs: parseRetryAfter(header(hop.res, "retry-after")),
    };
  }

  async close(): Promise<void> {
    this.limiter.close();
    await this.agent.destroy();
  }

  /** Follows redirects by hand, checking every target before connecting to it. */
  private async follow(
    raw: string,
    req: FetchRequest,
    robots: boolean,
    cap: BodyCap,
  ): Promise<Final> {
    let url = parseTarget(raw);
    const trail = new RedirectTrail(raw, url, this.config.maxRedirects);
    const headers = this.requestHeaders(req);
    for (let first = true; ; first = false) {
      checkUrlHost(url, this.allow, first ? raw : url.href);
      if (robots && this.config.respectRobots) await this.checkRobots(url);
      const hop = await this.hop(url, headers, cap);
      if (hop.kind !== "redirect") return { url, hop };
      const next = resolveRedirect(url, hop.location);
      trail.add(url, next);
      url = next;
    }
  }

  /** One request to one URL, holding the host's politeness slot until the body is read. */
  private hop(url: URL, headers: Record<string, string>, cap: BodyCap): Promise<Hop> {
    return this.limiter.run(url.host, async () => {
      const res = await requestOnce(this.agent, url, headers, this.config);
      const location = header(res, "location");
      if (res.status >= 300) discard(res.body);
      if (res.status === 304) return { kind: "not-modified" };
      if (res.status >= 300 && res.status < 400 && location) return { kind: "redirect", location };
      if (res.status >= 300 && res.status < 400) {
        throw httpError(url, res, `HTTP ${res.status} without a Location`);
      }
      if (res.status >= 400) throw httpError(url, res);
      const encoding = header(res, "content-encoding");
      const length = Number(header(res, "content-length") ?? Number.NaN);
      if (!encoding && length > cap.maxBytes && !cap.truncate) {
        discard(res.body);
        throw new FetchError(
          "too-large",
          url.href,
          `Content-Length ${length} exceeds ${cap.maxBytes}`,
        );
      }
      const limits = { url: url.href, ...cap, deadlineMs: this.config.bodyTimeoutMs };
      return { kind: "ok", res, body: await readBody(res.body, encoding, limits) };
    });
  }

  private requestHeaders(req: FetchRequest): Record<string, string> {
    const h: Record<string, string> = {
      "user-agent": this.config.userAgent,
      accept: req.accept ?? DEFAULT_ACCEPT,
    };
    if (req.etag) h["if-none-match"] = req.etag;
    if (req.lastModified) h["if-modified-since"] = req.lastModified;
    return h;
  }

  private async checkRobots(url: URL): Promise<void> {
    const verdict = await this.robots.check(url);
    if (!verdict.allowed) throw new FetchError("robots", url.href, verdict.reason);
    if (verdict.crawlDelayMs) this.limiter.setCrawlDelay(url.host, verdict.crawlDelayMs);
  }

  private async loadRobots(robotsUrl: string): Promise<RobotsFile> {
    try {
      // RFC 9309 2.5: an oversized file is parsed up to the cap, not ignored.
      const cap = { maxBytes: ROBOTS_MAX_BYTES, truncate: true };
      const { hop } = await this.follow(robotsUrl, {}, false, cap);
      if (hop.kind === "not-modified") return { status: 404, text: "" };
      const body = wholeLines(hop.body, ROBOTS_MAX_BYTES);
      return {
        status: hop.res.status,
        text: decodeBody(body, header(hop.res, "content-type")).text,
      };
    } catch (err) {
      if (err instanceof FetchError && err.code === "http" && err.status) {
        return { status: err.status, text: "" };
      }
      throw err;
    }
  }
}

/** A body cut at `maxBytes` loses its last, possibly partial, line. */
function wholeLines(body: Buffer, maxBytes: number): Buffer {
  return body.length < maxBytes ? body : body.subarray(0, body.lastIndexOf(0x0a) + 1);
}

// Response hardening and the checks guarding the one write action (adding a source).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const HEADERS: [string, string][] = [
  ["Content-Security-Policy", CSP],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
];

/**
 * Set before the handler runs, so they travel with the response c.html/c.json/c.body build; Hono's
 * c.header() after a response exists would re-wrap it as a web Response and drop
 * @hono/node-server's fast path (the page then goes through a ReadableStream: 3x slower).
 * A handler that built its own Response gets them afterwards.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of HEADERS) c.header(name, value);
  await next();
  if (!c.res.headers.has("Content-Security-Policy"))
    for (const [name, value] of HEADERS) c.header(name, value);
};

export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

export function sameSecret(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * An admin session for a reader who gave the admin token once: its expiry and a MAC of it keyed by
 * the token, so the server keeps no session state, the cookie does not carry the token itself, and
 * changing the token ends every session.
 */
export function adminSession(adminToken: string, expiresAtMs: number): string {
  const expires = String(Math.floor(expiresAtMs));
  return `${expires}.${sessionMac(adminToken, expires)}`;
}

/** Whether the cookie is an unexpired session made by adminSession with this token. */
export function isAdminSession(
  adminToken: string | null,
  cookie: string | null | undefined,
  nowMs: number,
): boolean {
  if (!adminToken || !cookie) return false;
  const [expires, mac, extra] = cookie.split(".");
  if (extra !== undefined || !expires || !/^\d{1,15}$/.test(expires)) return false;
  return Number(expires) > nowMs && sameSecret(mac, sessionMac(adminToken, expires));
}

function sessionMac(adminToken: string, expires: string): string {
  return createHmac("sha256", adminToken)
    .update(`storyline admin session ${expires}`)
    .digest("base64url");
}

/**
 * Makes wrong admin tokens cost time: each refusal waits its turn, `gapMs` apart, so guessing runs
 * at one try per gap however many requests arrive at once, and a right token never waits (nobody
 * can lock the admin out). Beyond `maxWaiting` queued refusals, wait() answers false at once: the
 * caller refuses with 429 rather than hold more requests open.
 */
export function failureThrottle(gapMs: number, maxWaiting = 64): { wait(): Promise<boolean> } {
  let tail: Promise<void> = Promise.resolve();
  let waiting = 0;
  return {
    async wait() {
      if (waiting >= maxWaiting) return false;
      waiting++;
      const turn = tail.then(() => new Promise<void>((resolve) => setTimeout(resolve, gapMs)));
      tail = turn;
      await turn;
      waiting--;
      return true;
    },
  };
}

/** The socket's peer address when served by @hono/node-server; null in-process or unknown. */
export function remoteAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  return address === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address);
}

/**
 * True when the request comes straight from this machine. A request relayed by a proxy
 * (Forwarded / X-Forwarded-For) counts as remote even though its socket is loopback.
 */
export function isLocalRequest(c: Context): boolean {
  if (c.req.header("forwarded") || c.req.header("x-forwarded-for")) return false;
  return isLoopbackAddress(remoteAddress(c));
}

/** Same-origin check for a form POST: Origin must be ours; without Origin, Fetch Metadata must not say cross-site. */
export function isSameOrigin(c: Context, publicBaseUrl: string | undefined): boolean {
  const origin = c.req.header("origin");
  if (origin) {
    const ours = new Set([new URL(c.req.url).origin]);
    if (publicBaseUrl) ours.add(new URL(publicBaseUrl).origin);
    return ours.has(origin);
  }
  const site = c.req.header("sec-fetch-site");
  return site === undefined || site === "same-origin" || site === "none";
}

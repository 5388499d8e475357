// One HTTP GET, no redirects followed: the SSRF-guarded undici agent, the timeouts, and the mapping
// of transport failures onto FetchError codes.

import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { Agent, errors as undiciErrors } from "undici";
import type { FetchConfig } from "../../config.ts";
import { BlockedAddressError, FetchError } from "./errors.ts";
import { type AllowList, guardedLookup } from "./ssrf.ts";

/** Sent on every request: we decompress all three ourselves (see body.ts). */
const ACCEPT_ENCODING = "gzip, deflate, br";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

export function createAgent(config: FetchConfig, allow: AllowList, lookup?: LookupFunction): Agent {
  return new Agent({
    connect: { timeout: config.connectTimeoutMs, lookup: guardedLookup(allow, lookup) },
    headersTimeout: config.headersTimeoutMs,
    // Idle gap between body chunks; the whole-body deadline is enforced in body.ts.
    bodyTimeout: config.bodyTimeoutMs,
  });
}

export function header(res: RawResponse, name: string): string | null {
  const v = res.headers[name];
  if (v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

export type Timeouts = Pick<FetchConfig, "connectTimeoutMs" | "headersTimeoutMs" | "bodyTimeoutMs">;

export async function requestOnce(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
  timeouts: Timeouts,
): Promise<RawResponse> {
  const send = () =>
    agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: { "accept-encoding": ACCEPT_ENCODING, ...headers },
    });
  try {
    let res: Awaited<ReturnType<typeof send>>;
    try {
      res = await send();
    } catch (err) {
      // A keep-alive socket the server closed just as we reused it fails before any response;
      // a GET is idempotent, so one fresh attempt is safe.
      if (!RESET_CODES.has(findCause(err).code)) throw err;
      res = await send();
    }
    return { status: res.statusCode, headers: res.headers, body: res.body as unknown as Readable };
  } catch (err) {
    throw transportError(err, url.href, timeouts);
  }
}

const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/** Follows the cause chain looking for a marker of our own guard or a system error code. */
function findCause(err: unknown): { blocked: BlockedAddressError | null; code: string } {
  let cur: unknown = err;
  let code = "";
  for (let depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof BlockedAddressError) return { blocked: cur, code };
    const c = (cur as { code?: unknown }).code;
    if (!code && typeof c === "string") code = c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return { blocked: null, code };
}

export function transportError(err: unknown, url: string, t: Timeouts): FetchError {
  if (err instanceof FetchError) return err;
  const { blocked, code } = findCause(err);
  const msg = (err as Error)?.message ?? String(err);
  if (blocked) {
    return new FetchError(
      "ssrf",
      url,
      `refused address ${blocked.address} (${blocked.range}) resolved for ${blocked.host}`,
      {
        cause: err,
      },
    );
  }
  if (err instanceof undiciErrors.ConnectTimeoutError) {
    return new FetchError("timeout", url, `no connection within ${t.connectTimeoutMs} ms`, {
      cause: err,
    });
  }
  if (err instanceof undiciErrors.HeadersTimeoutError) {
    return new FetchError("timeout", url, `no response headers within ${t.headersTimeoutMs} ms`, {
      cause: err,
    });
  }
  if (err instanceof undiciErrors.BodyTimeoutError) {
    return new FetchError("timeout", url, `body stalled for ${t.bodyTimeoutMs} ms`, { cause: err });
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ENODATA") {
    return new FetchError("dns", url, `DNS lookup failed (${code})`, { cause: err });
  }
  if (err instanceof undiciErrors.InvalidArgumentError) {
    return new FetchError("bad-url", url, `invalid request: ${msg}`, { cause: err });
  }
  return new FetchError("connect", url, `connection failed (${code || msg})`, { cause: err });
}

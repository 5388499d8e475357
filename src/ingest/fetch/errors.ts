// The one error type the fetcher throws. Every message is a single line: "fetch: <url>: <reason>".

export type FetchErrorCode =
  | "ssrf"
  | "dns"
  | "connect"
  | "timeout"
  | "too-large"
  | "redirect-loop"
  | "too-many-redirects"
  | "http"
  | "bad-url"
  | "robots"
  | "decode";

export interface FetchErrorOptions {
  status?: number;
  retryAfterMs?: number | null;
  cause?: unknown;
}

export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly url: string;
  /** The message without the "fetch: URL:" prefix, for callers that show the URL themselves. */
  readonly reason: string;
  readonly status?: number;
  readonly retryAfterMs?: number | null;

  constructor(code: FetchErrorCode, url: string, reason: string, opts: FetchErrorOptions = {}) {
    const oneLine = reason.replace(/\s*[\r\n]+\s*/g, " ");
    super(
      `fetch: ${url}: ${oneLine}`,
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
    this.name = "FetchError";
    this.code = code;
    this.url = url;
    this.reason = oneLine;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
  }
}

/** Raised inside the DNS lookup hook; carried through undici's connect error and mapped to "ssrf". */
export class BlockedAddressError extends Error {
  readonly code = "ESTORYLINE_BLOCKED";
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`fetch: ${host} resolves to blocked address ${address} (${range})`);
    this.name = "BlockedAddressError";
  }
}

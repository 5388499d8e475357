// URL checks for the start of a fetch and for each redirect target.

import { FetchError } from "./errors.ts";

/** `what`: what the URL is, as a prefix of the reason ("redirect to "), or "" for the target. */
function httpOnly(url: URL, shownAs: string, what: string): URL {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(
      "bad-url",
      shownAs,
      `${what}scheme ${url.protocol} refused (only http and https)`,
    );
  }
  // The fragment is never sent; dropping it also makes redirect-loop detection exact.
  url.hash = "";
  return url;
}

/** Parses a URL to fetch: absolute, http or https, without fragment. */
export function parseTarget(raw: string): URL {
  try {
    return httpOnly(new URL(raw), raw, "");
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError("bad-url", raw, "not a valid absolute URL");
  }
}

/** Resolves a Location header against the URL that sent it. */
export function resolveRedirect(from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchError("bad-url", from.href, `redirect to an invalid URL "${location}"`);
  }
  return httpOnly(next, from.href, "redirect to ");
}

/** Remembers every URL of one fetch; refuses a repeat (loop) and one redirect too many. */
export class RedirectTrail {
  private readonly seen: Set<string>;
  private count = 0;

  constructor(
    private readonly start: string,
    first: URL,
    private readonly max: number,
  ) {
    this.seen = new Set([first.href]);
  }

  add(from: URL, next: URL): void {
    if (this.seen.has(next.href)) {
      throw new FetchError(
        "redirect-loop",
        this.start,
        `redirect loop: ${from.href} -> ${next.href}`,
      );
    }
    if (++this.count > this.max) {
      const why = `more than ${this.max} redirects (last to ${next.href})`;
      throw new FetchError("too-many-redirects", this.start, why);
    }
    this.seen.add(next.href);
  }
}

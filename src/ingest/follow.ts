// Whether a URL may become a source. The fetcher refuses the same URLs at every poll; checking when
// a source is added refuses a typo, a file: path or a private address at once, with the reason,
// instead of storing a source that can only ever fail.

import { FetchError } from "./fetch/errors.ts";
import { parseTarget } from "./fetch/redirects.ts";
import { checkUrlHost, makeAllowList } from "./fetch/ssrf.ts";

/** The URL as it will be stored (absolute http or https, no fragment), or an Error saying why it
 * cannot be followed. Host names are checked when they are resolved, at fetch time; IP literals
 * here, against the same allow list (STORYLINE_ALLOW_PRIVATE_HOSTS). */
export function followableUrl(raw: string, allowPrivateHosts: readonly string[]): string {
  try {
    const url = parseTarget(raw.trim());
    checkUrlHost(url, makeAllowList(allowPrivateHosts));
    return url.toString();
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    const hint = err.code === "ssrf" ? " (STORYLINE_ALLOW_PRIVATE_HOSTS lists hosts allowed)" : "";
    throw new Error(`cannot follow ${raw}: ${err.reason}${hint}`);
  }
}

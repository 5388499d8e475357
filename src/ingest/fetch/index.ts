// The one safe fetcher: every network read in Storyline goes through createFetcher(). It refuses
// private addresses (literal hosts before connecting, resolved ones inside the socket's DNS lookup),
// follows redirects itself, caps decompressed size and total time, respects robots.txt and
// per-host politeness, and decodes text with the right charset. nextAttempt() schedules sources.

import type { FetchConfig } from "../../config.ts";
import { SafeFetcher } from "./fetcher.ts";
import type { Fetcher, FetcherHooks } from "./types.ts";

export { FetchError, type FetchErrorCode } from "./errors.ts";
export { parseTarget } from "./redirects.ts";
export { type AttemptOutcome, type NextAttempt, nextAttempt } from "./schedule.ts";
export type { Fetcher, FetcherHooks, FetchOutcome, FetchRequest, FetchResult } from "./types.ts";

export function createFetcher(config: FetchConfig, hooks: FetcherHooks = {}): Fetcher {
  return new SafeFetcher(config, hooks);
}

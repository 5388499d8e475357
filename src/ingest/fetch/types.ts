// The fetcher's public records.

import type { LookupFunction } from "node:net";

export interface FetchRequest {
  /** Validators from the previous fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Accept header; "*\/*" when absent. */
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

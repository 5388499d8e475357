// What every route module is handed by createApp.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Store } from "../store/store.ts";
import type { Metrics } from "./metrics.ts";
import type { Reader } from "./model.ts";
import { nextVisit, VISIT_COOKIE, VISIT_COOKIE_MAX_AGE_S } from "./visit.ts";

/** What the sources page's add form asks for. */
export interface AddSourceInput {
  kind: "feed" | "page" | "opml";
  url?: string;
  opml?: string;
  /** The section to put the source in (an OPML file's feeds: else their folders'). */
  section?: string | null;
}

export interface Deps {
  store: Store;
  reader: Reader;
  metrics: Metrics;
  adminToken: string | null;
  /** Normalised by createApp: absolute, ending in one slash. */
  publicBaseUrl?: string;
  onAddSource?: (input: AddSourceInput) => Promise<string>;
  feedsOpml?: () => Promise<string>;
}

/** Base for absolute links: the configured public URL, else the origin the request came to. */
export function baseUrl(c: Context, deps: Deps): string {
  return deps.publicBaseUrl ?? `${new URL(c.req.url).origin}/`;
}

/** Reads and renews the last-visit cookie; returns the time after which things count as new. */
export function visitSince(c: Context, deps: Deps): number | null {
  const visit = nextVisit(getCookie(c, VISIT_COOKIE), deps.reader.now());
  setCookie(c, VISIT_COOKIE, visit.cookie, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    maxAge: VISIT_COOKIE_MAX_AGE_S,
    secure: new URL(c.req.url).protocol === "https:",
  });
  return visit.since;
}

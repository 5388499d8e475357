// The reader's side: web UI, JSON API, feeds out, search. Reads the store; never fetches.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { publicUrlOf } from "../config.ts";
import { log } from "../log.ts";
import type { Store } from "../store/store.ts";
import type { AddSourceInput, Deps } from "./deps.ts";
import { HttpError } from "./http-error.ts";
import { Metrics } from "./metrics.ts";
import { Reader } from "./model.ts";
import { apiRoutes } from "./routes/api.ts";
import { feedRoutes } from "./routes/feeds.ts";
import { pageRoutes } from "./routes/pages.ts";
import { sourceRoutes } from "./routes/sources.ts";
import { isLoopbackAddress, securityHeaders } from "./security.ts";
import { staticRoutes } from "./static.ts";
import { errorPage } from "./views/error.ts";
import { layout } from "./views/layout.ts";

export { HttpError } from "./http-error.ts";

export interface ServeOptions {
  store: Store;
  /** Required for POST when listening beyond loopback. */
  adminToken: string | null;
  /** Where readers reach the server ("https://x.org/news/"): absolute links are built on it.
   * Without it they follow each request's Host header, which any client can set. */
  publicBaseUrl?: string;
  onAddSource?: (input: AddSourceInput) => Promise<string>;
  /** The followed feeds as OPML, for the sources page's download (absent: no download). */
  feedsOpml?: () => Promise<string>;
  /** How stale a page may be, in ms (default 1000; 0 disables page caching, for tests). */
  cacheTtlMs?: number;
  /** Clock for ranking and last-visit marks (tests). */
  now?: () => number;
  /** Time between two refusals of a wrong admin token (default 1 s; tests shorten it). */
  wrongTokenGapMs?: number;
}

function wantsJson(path: string): boolean {
  return path.startsWith("/api/") || path === "/healthz";
}

function publicMessage(err: HttpError): string {
  return err.message.replace(/^serve: /, "");
}

export function createApp(opts: ServeOptions): Hono {
  const metrics = new Metrics();
  const deps: Deps = {
    store: opts.store,
    reader: new Reader(opts.store, { cacheTtlMs: opts.cacheTtlMs, now: opts.now }),
    metrics,
    adminToken: opts.adminToken,
    publicBaseUrl:
      opts.publicBaseUrl === undefined
        ? undefined
        : publicUrlOf(opts.publicBaseUrl, "serve: publicBaseUrl"),
    onAddSource: opts.onAddSource,
    feedsOpml: opts.feedsOpml,
  };
  const app = new Hono();
  app.use("*", metrics.middleware());
  app.use("*", securityHeaders);
  app.route("/", staticRoutes());
  app.route("/", pageRoutes(deps));
  app.route("/", sourceRoutes(deps, opts.wrongTokenGapMs));
  app.route("/", apiRoutes(deps));
  app.route("/", feedRoutes(deps));

  app.notFound((c) => {
    if (wantsJson(c.req.path)) return c.json({ error: "not found" }, 404);
    return c.html(
      layout({ title: "Not found", body: errorPage(404, "There is no page at this address.") }),
      404,
    );
  });

  app.onError((err, c) => {
    const known = err instanceof HttpError;
    if (!known) log("error", "serve", `${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    else if (err.cause) log("warn", "serve", `${publicMessage(err)}: ${String(err.cause)}`);
    const status = known ? err.status : 500;
    const message = known ? publicMessage(err) : "Internal error.";
    if (wantsJson(c.req.path)) return c.json({ error: message }, status);
    return c.html(
      layout({ title: known ? "Error" : "Internal error", body: errorPage(status, message) }),
      status,
    );
  });
  return app;
}

export async function startServer(
  opts: ServeOptions & { port: number; host: string },
): Promise<{ url: string; close(): Promise<void> }> {
  if (!isLoopbackAddress(opts.host) && opts.host !== "localhost" && !opts.adminToken) {
    log(
      "warn",
      "serve",
      `listening on ${opts.host} without an admin token: adding sources works only from this machine`,
    );
  }
  const app = createApp(opts);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: opts.port, hostname: opts.host },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((err) => (err ? fail(err) : done()));
              if ("closeAllConnections" in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once("error", (err) => reject(new Error("serve: could not listen", { cause: err })));
  });
}

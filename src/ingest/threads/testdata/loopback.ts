// Test helpers: a 127.0.0.1 HTTP server serving fixed routes, and a tiny Fetcher over undici
// that behaves like the real one where our code cares (final URL, non-2xx is an error).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fetch } from "undici";
import type { Fetcher, FetchOutcome, FetchRequest } from "../../fetch/index.ts";

export interface Route {
  status?: number;
  type?: string;
  body?: string | Buffer;
  /** Redirect target (path or URL); sets status 301 unless given. */
  location?: string;
}

export interface Loopback {
  base: string;
  /** Every request path (with query) in order. */
  hits: string[];
  close(): Promise<void>;
}

/** Serves `routes` keyed by path-with-query; anything else is a 404. */
export async function startLoopback(routes: Record<string, Route>): Promise<Loopback> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.push(path);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const headers: Record<string, string> = { "content-type": route.type ?? "text/plain" };
    if (route.location) headers.location = route.location;
    res.writeHead(route.status ?? (route.location ? 301 : 200), headers).end(route.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function loopbackFetcher(): Fetcher & { requests: { url: string; accept?: string }[] } {
  const requests: { url: string; accept?: string }[] = [];
  return {
    requests,
    async fetch(url: string, req: FetchRequest = {}): Promise<FetchOutcome> {
      requests.push({ url, accept: req.accept });
      if (!url.startsWith("http://127.0.0.1:")) throw new Error(`test fetcher: refusing ${url}`);
      const res = await fetch(url, { headers: req.accept ? { accept: req.accept } : {} });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status < 200 || res.status > 299) throw new Error(`fetch: HTTP ${res.status} for ${url}`);
      return {
        kind: "ok",
        url: res.url,
        status: res.status,
        contentType: res.headers.get("content-type"),
        charset: "utf-8",
        body,
        text: body.toString("utf8"),
        etag: res.headers.get("etag"),
        lastModified: res.headers.get("last-modified"),
        retryAfterMs: null,
      };
    },
    async close() {},
  };
}

export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, name), "utf8");
}

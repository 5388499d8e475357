// A hostile HTTP server on 127.0.0.1: one path per way a feed source can misbehave, plus honest
// article pages for the feeds that only lie about their charset. It counts what it sends, so the
// test can show the poller hung up instead of swallowing a 100 MB body or a 1 GB gzip bomb.

import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import iconv from "iconv-lite";
import {
  startServer,
  streamChunks as stream,
  type TestServer,
} from "../../../src/ingest/fetch/test-server.ts";
import { articleHtml, rssXml } from "./documents.ts";

/** 1 MiB of zeros deflates to ~1 KiB; 1024 such gzip members inflate to 1 GiB. */
const BOMB_MEMBER = zlib.gzipSync(Buffer.alloc(1024 * 1024));
const BOMB_MEMBERS = 1024;
/** The "100 MB feed", sent in 64 KiB chunks honouring backpressure. */
export const HUGE_BYTES = 100 * 1024 * 1024;
const HUGE_CHUNK = Buffer.from(`<item><title>${"x".repeat(64 * 1024 - 30)}</title></item>\n`);
/** A byte a second: far slower than any body deadline. */
const SLOW_DRIP_MS = 1000;
/** A byte every 100 ms: each arrives inside the idle timeout, so only the whole-body deadline stops it. */
const FAST_DRIP_MS = 100;

/** Headlines and feed titles whose characters a wrong decoding would mangle. */
export const CHARSET_CASES = {
  /** Prolog and header both say UTF-8; the bytes are windows-1252 (the commonest lie). */
  "latin1-says-utf8": {
    feedTitle: "Café Zürich – “Gazette” €",
    headline: "Zürich café owners fight “naïve” rent rules – €200 more",
    encoding: "windows-1252",
    contentType: (base: string) => `${base}; charset=utf-8`,
    prolog: "utf-8" as string | null,
  },
  /** The header says ISO-8859-1 (a server default); the bytes are UTF-8. */
  "utf8-says-latin1": {
    feedTitle: "Łódź & Kraków Dziennik — Zürich",
    headline: "Łódź mayor visits Zürich café — “déjà vu” for Kraków",
    encoding: "utf-8",
    contentType: (base: string) => `${base}; charset=iso-8859-1`,
    prolog: null as string | null,
  },
  /** Nothing declared anywhere; the bytes are windows-1252. */
  "no-charset": {
    feedTitle: "Señor Müller’s Café Bulletin",
    headline: "Señor Müller’s café wins “best in town” – again",
    encoding: "windows-1252",
    contentType: (base: string) => base,
    prolog: null as string | null,
  },
} as const;
export type CharsetCase = keyof typeof CHARSET_CASES;

export const FLAKY_HEADLINE = "Market hall reopens after the storm";

export interface HostileServer {
  origin: string;
  server: TestServer;
  /** The most bytes of the 100 MB feed written in any one response. */
  sent: { hugeBytes: number };
  /** Requests per path (robots.txt included). */
  hits(path: string): number;
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void;
interface RouteContext {
  origin: string;
  hit: number;
  sent: HostileServer["sent"];
  every: (res: ServerResponse, ms: number, tick: () => void) => void;
}

const RSS = "application/rss+xml";

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function charsetFeed(name: CharsetCase): Route {
  const c = CHARSET_CASES[name];
  return (_req, res, { origin }) => {
    const items = [{ title: c.headline, url: `${origin}/articles/${name}.html` }];
    const xml = rssXml(c.feedTitle, items, c.prolog);
    send(res, 200, c.contentType(RSS), iconv.encode(xml, c.encoding));
  };
}

function charsetPage(name: CharsetCase): Route {
  const c = CHARSET_CASES[name];
  return (_req, res) => {
    const html = articleHtml({ headline: c.headline, metaCharset: c.prolog });
    send(res, 200, c.contentType("text/html"), iconv.encode(html, c.encoding));
  };
}

const ROUTES: Record<string, Route> = {
  "/robots.txt": (_req, res) => send(res, 404, "text/plain", "no robots here\n"),
  "/silent.xml": () => {},
  "/endless.xml": (_req, res) => {
    res.writeHead(200, { "content-type": RSS });
    res.write('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Endless</title>\n');
  },
  "/drip.xml": (_req, res, { every }) => {
    res.writeHead(200, { "content-type": RSS });
    res.flushHeaders();
    every(res, SLOW_DRIP_MS, () => res.write("<"));
  },
  "/drip-fast.xml": (_req, res, { every }) => {
    res.writeHead(200, { "content-type": RSS });
    res.flushHeaders();
    every(res, FAST_DRIP_MS, () => res.write(" "));
  },
  "/bomb.xml": (_req, res) => {
    res.writeHead(200, { "content-type": RSS, "content-encoding": "gzip" });
    let members = 0;
    stream(res, () => (members++ < BOMB_MEMBERS ? BOMB_MEMBER : null));
  },
  "/huge.xml": (_req, res, { sent }) => {
    res.writeHead(200, { "content-type": RSS });
    res.write('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Huge</title>\n');
    let written = 0;
    stream(res, () => {
      if (written >= HUGE_BYTES) return null;
      written += HUGE_CHUNK.length;
      sent.hugeBytes = Math.max(sent.hugeBytes, written);
      return HUGE_CHUNK;
    });
  },
  "/huge-declared.xml": (_req, res) => {
    res.writeHead(200, { "content-type": RSS, "content-length": HUGE_BYTES });
    res.write('<?xml version="1.0"?>\n');
  },
  "/loop-a.xml": (_req, res) => redirect(res, "/loop-b.xml"),
  "/loop-b.xml": (_req, res) => redirect(res, "/loop-a.xml"),
  // Never fetched: the fetcher must refuse the target before connecting.
  "/to-private.xml": (_req, res) => redirect(res, "http://10.0.0.1/feed.xml"),
  "/truncated.xml": (_req, res) =>
    send(
      res,
      200,
      RSS,
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut short</title>\n<item><title>Half an',
    ),
  "/html-feed.xml": (_req, res) =>
    send(
      res,
      200,
      RSS,
      "<!doctype html>\n<html><head><title>Home</title></head><body></body></html>",
    ),
  "/flaky.xml": (_req, res, { origin, hit }) => {
    if (hit === 1) return send(res, 500, "text/plain", "internal error\n");
    const items = [{ title: FLAKY_HEADLINE, url: `${origin}/articles/flaky.html` }];
    send(res, 200, RSS, rssXml("Flaky Times", items, "utf-8"));
  },
  "/articles/flaky.html": (_req, res) =>
    send(
      res,
      200,
      "text/html; charset=utf-8",
      articleHtml({ headline: FLAKY_HEADLINE, metaCharset: "utf-8" }),
    ),
  "/always-500.xml": (_req, res) => send(res, 500, "text/plain", "internal error\n"),
};
for (const name of Object.keys(CHARSET_CASES) as CharsetCase[]) {
  ROUTES[`/${name}.xml`] = charsetFeed(name);
  ROUTES[`/articles/${name}.html`] = charsetPage(name);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "content-length": 0 });
  res.end();
}

export async function startHostileServer(): Promise<HostileServer> {
  const sent = { hugeBytes: 0 };
  const counts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const every = (res: ServerResponse, ms: number, tick: () => void) => {
    const timer = setInterval(tick, ms);
    timers.add(timer);
    res.on("close", () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  };
  let origin = "";
  const server = await startServer((req, res) => {
    const path = new URL(req.url ?? "/", origin).pathname;
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    const route = ROUTES[path];
    if (!route) return send(res, 404, "text/plain", "not found\n");
    route(req, res, { origin, hit, sent, every });
  });
  origin = server.origin;
  return {
    origin,
    server,
    sent,
    hits: (path) => counts.get(path) ?? 0,
    close: async () => {
      for (const t of timers) clearInterval(t);
      await server.close();
    },
  };
}

// The demo HTTP server: serves the fictional corpus as outlets' feeds and article pages, plus three
// discussion threads in Hacker News, Reddit and Lemmy shapes, all on 127.0.0.1.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "../log.ts";
import { type DemoCorpus, type DemoThread, loadCorpus } from "./corpus.ts";
import { renderFeed, renderOpml } from "./feeds.ts";
import { articlePage, feedFile } from "./pages.ts";
import {
  hnFirebaseItems,
  hnItem,
  hnSearch,
  LEMMY_MAX_LIMIT,
  lemmyComments,
  lemmyPost,
  redditComments,
  redditInfo,
  redditPermalink,
  threadPage,
} from "./threads.ts";

export interface DemoServer {
  url: string;
  feedUrls: string[];
  threadUrls: string[];
  opml: string;
  /** The outlet list a reader of these outlets would write (`storyline outlets import`): JSON. */
  outletList: string;
  close(): Promise<void>;
}

interface Resource {
  body: string;
  type: string;
  etag: string;
}

const HTML = "text/html; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

function resource(body: string, type: string): Resource {
  const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
  return { body, type, etag };
}

function json(value: unknown): Resource {
  return resource(`${JSON.stringify(value)}\n`, JSON_TYPE);
}

/** The URL a thread was submitted with: its article's canonical URL on this server. */
function threadUrlOf(corpus: DemoCorpus, base: string): (t: DemoThread) => string {
  const paths = new Map(corpus.articles.map((a) => [a.id, a.path]));
  return (t) => base + (paths.get(t.articleId) ?? "/");
}

export function threadPath(thread: DemoThread): string {
  if (thread.platform === "hackernews") return `/hn/item?id=${thread.postId}`;
  if (thread.platform === "reddit") return redditPermalink(thread);
  return `/post/${thread.postId}`;
}

/** Every fixed route, built once when the server knows its own address. */
function buildRoutes(corpus: DemoCorpus, base: string): Map<string, Resource> {
  const routes = new Map<string, Resource>();
  const newestFirst = [...corpus.articles].reverse();
  for (const outlet of corpus.outlets) {
    const mine = newestFirst.filter((a) => a.outlet === outlet.slug);
    const feed = renderFeed({ base, outlet, articles: mine });
    routes.set(`/${outlet.slug}/${feedFile(outlet)}`, resource(feed.body, feed.type));
    for (const article of mine) {
      const others = mine.filter((a) => a !== article);
      routes.set(article.path, resource(articlePage({ base, outlet, article, others }), HTML));
    }
  }
  const urlOf = threadUrlOf(corpus, base);
  for (const t of corpus.threads) {
    routes.set(threadPath(t), resource(threadPage(t, urlOf(t)), HTML));
    if (t.platform === "hackernews") {
      routes.set(`/hn/api/v1/items/${t.postId}`, json(hnItem(t, urlOf(t))));
      for (const [id, item] of hnFirebaseItems(t, urlOf(t))) {
        routes.set(`/hn/v0/item/${id}.json`, json(item));
      }
    }
    if (t.platform === "reddit") {
      const listing = json(redditComments(t, urlOf(t)));
      const permalink = redditPermalink(t);
      routes.set(`${permalink}.json`, listing);
      routes.set(`${permalink.slice(0, -1)}.json`, listing);
      routes.set(`/r/${t.community}/comments/${t.postId}.json`, listing);
    }
  }
  routes.set("/opml.xml", resource(renderOpml(base, corpus.outlets), "text/x-opml; charset=utf-8"));
  return routes;
}

/** Routes whose answer depends on the query string. */
function dynamicRoute(corpus: DemoCorpus, base: string, url: URL): Resource | null {
  const urlOf = threadUrlOf(corpus, base);
  const q = url.searchParams;
  const byUrl = (platform: DemoThread["platform"], wanted: string | null) =>
    corpus.threads.filter((t) => t.platform === platform && wanted !== null && urlOf(t) === wanted);
  if (url.pathname === "/hn/api/v1/search") {
    return json(hnSearch(byUrl("hackernews", q.get("query")), urlOf));
  }
  if (url.pathname === "/api/info.json")
    return json(redditInfo(byUrl("reddit", q.get("url")), urlOf));
  if (url.pathname === "/api/v3/post") {
    const thread = corpus.threads.find((t) => t.platform === "lemmy" && t.postId === q.get("id"));
    return thread ? json(lemmyPost(thread, urlOf(thread), base)) : null;
  }
  if (url.pathname === "/api/v3/comment/list") {
    const id = q.get("post_id");
    const thread = corpus.threads.find((t) => t.platform === "lemmy" && t.postId === id);
    if (!thread) return null;
    const page = Number(q.get("page") ?? "1") || 1;
    const limit = Number(q.get("limit") ?? String(LEMMY_MAX_LIMIT)) || LEMMY_MAX_LIMIT;
    return json(lemmyComments(thread, page, limit));
  }
  return null;
}

function indexPage(corpus: DemoCorpus, base: string, threadUrls: string[]): Resource {
  const feeds = corpus.outlets
    .map((o) => `<li><a href="/${o.slug}/${feedFile(o)}">${o.name}</a> (${o.format})</li>`)
    .join("\n");
  const threads = threadUrls.map((u) => `<li><a href="${u}">${u}</a></li>`).join("\n");
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Storyline demo news (fictional)</title></head>
<body><h1>Storyline demo news server</h1>
<p>Every outlet, person, place and event here is invented. <a href="/opml.xml">OPML of all feeds</a>.</p>
<h2>Feeds</h2><ul>
${feeds}
</ul><h2>Discussion threads</h2><ul>
${threads}
</ul><p>Base URL: ${base}</p></body></html>
`;
  return resource(body, HTML);
}

function send(req: IncomingMessage, res: ServerResponse, found: Resource | null): void {
  if (!found) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("404 not found\n");
    return;
  }
  if (req.headers["if-none-match"] === found.etag) {
    res.writeHead(304, { etag: found.etag });
    res.end();
    return;
  }
  res.writeHead(200, {
    "content-type": found.type,
    "content-length": Buffer.byteLength(found.body),
    etag: found.etag,
    "cache-control": "max-age=60",
  });
  res.end(req.method === "HEAD" ? undefined : found.body);
}

export async function startDemoServer(opts: { port?: number } = {}): Promise<DemoServer> {
  const corpus = loadCorpus();
  let routes = new Map<string, Resource>();
  let base = "";
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", base);
    if (req.method !== "GET" && req.method !== "HEAD") return send(req, res, null);
    const exact = routes.get(url.pathname) ?? routes.get(url.pathname + url.search);
    send(req, res, exact ?? dynamicRoute(corpus, base, url));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (cause) => reject(new Error("demo: cannot listen", { cause })));
    server.listen(opts.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  routes = buildRoutes(corpus, base);
  const threadUrls = corpus.threads.map((t) => base + threadPath(t));
  routes.set("/", indexPage(corpus, base, threadUrls));
  log("debug", "demo", `serving ${corpus.articles.length} articles at ${base}`);
  return {
    url: base,
    feedUrls: corpus.outlets.map((o) => `${base}/${o.slug}/${feedFile(o)}`),
    threadUrls,
    opml: routes.get("/opml.xml")?.body ?? "",
    outletList: JSON.stringify(
      corpus.outlets.map(({ name, country, ownership, lean }) => ({
        name,
        country,
        ownership,
        lean,
      })),
    ),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) =>
          err ? reject(new Error("demo: close failed", { cause: err })) : resolve(),
        );
      }),
  };
}

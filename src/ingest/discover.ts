// Feed discovery for a web page: the feeds it advertises with <link rel="alternate">, else the
// paths sites usually put feeds at. Only URLs that really parse as feeds are returned.
import { parseFeed } from "./feeds/index.ts";
import { decodeEntities } from "./feeds/text.ts";
import { httpUrl, isAbsoluteHttpUrl } from "./feeds/url.ts";
import type { Fetcher, FetchOutcome } from "./fetch/index.ts";

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+json",
  "application/json",
]);

/** Where feeds usually live when a page does not say; tried in this order on the page's origin. */
export const COMMON_FEED_PATHS = [
  "/feed",
  "/rss",
  "/rss.xml",
  "/atom.xml",
  "/feed.xml",
  "/index.xml",
  "/feed.json",
];

/** A page advertising more alternates than this is listing categories or tags; the first ones are the main feeds. */
const MAX_LINK_CANDIDATES = 8;

const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

const LINK_TAG = /<link\b[^>]*>/gi;
const BASE_TAG = /<base\b[^>]*>/i;
const ATTR = /([^\s"'=<>/]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const COMMENT = /<!--[\s\S]*?-->/g;

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const inner = tag.replace(/^<\w+/, "").replace(/\/?>$/, "");
  for (const m of inner.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    out[name] ??= decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/** The feed URLs a page advertises, resolved against its <base href> or URL, in document order. */
export function findFeedLinks(html: string, pageUrl: string): string[] {
  const source = html.replace(COMMENT, "");
  const baseHref = BASE_TAG.exec(source);
  const base = (baseHref && httpUrl(attributes(baseHref[0]).href, pageUrl)) || pageUrl;
  const found: string[] = [];
  for (const [tag] of source.matchAll(LINK_TAG)) {
    const attrs = attributes(tag);
    const rels = (attrs.rel ?? "").toLowerCase().split(/\s+/);
    const type = (attrs.type ?? "").toLowerCase().split(";")[0]!.trim();
    if (!rels.includes("alternate") || !FEED_TYPES.has(type)) continue;
    const url = httpUrl(attrs.href, base);
    if (url !== null && !found.includes(url)) found.push(url);
  }
  return found;
}

async function tryFetch(
  fetcher: Fetcher,
  url: string,
  accept: string,
): Promise<FetchOutcome | null> {
  try {
    return await fetcher.fetch(url, { accept });
  } catch {
    return null; // discovery is a search: a candidate that fails to load is simply not a feed
  }
}

/** The final URL of `url` if it loads and parses as a feed, else null. */
async function feedAt(fetcher: Fetcher, url: string): Promise<string | null> {
  const res = await tryFetch(fetcher, url, FEED_ACCEPT);
  if (res?.kind !== "ok") return null;
  try {
    await parseFeed(res.body, res.url, res.contentType);
    return res.url;
  } catch {
    return null;
  }
}

async function keepFeeds(fetcher: Fetcher, candidates: string[]): Promise<string[]> {
  const feeds: string[] = [];
  for (const url of candidates) {
    const feed = await feedAt(fetcher, url);
    if (feed !== null && !feeds.includes(feed)) feeds.push(feed);
  }
  return feeds;
}

/**
 * Feeds for a page: the page itself if it is a feed; else the feeds it links to; else whichever
 * common paths on its origin hold a feed. [] when none is found or `pageUrl` is not an http(s) URL.
 */
export async function discoverFeeds(pageUrl: string, fetcher: Fetcher): Promise<string[]> {
  // "example.com" is not a page to fetch, and has no origin to try the common paths on.
  if (!isAbsoluteHttpUrl(pageUrl)) return [];
  const page = await tryFetch(fetcher, pageUrl, PAGE_ACCEPT);
  const finalUrl = page?.kind === "ok" ? page.url : pageUrl;
  if (page?.kind === "ok") {
    const isFeed = await parseFeed(page.body, page.url, page.contentType).then(
      () => true,
      () => false,
    );
    if (isFeed) return [page.url];
    const linked = await keepFeeds(
      fetcher,
      findFeedLinks(page.text, page.url).slice(0, MAX_LINK_CANDIDATES),
    );
    if (linked.length > 0) return linked;
  }
  const origin = new URL(finalUrl).origin;
  return keepFeeds(
    fetcher,
    COMMON_FEED_PATHS.map((path) => `${origin}${path}`),
  );
}

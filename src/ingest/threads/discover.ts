// Finds the discussions of an article: Hacker News stories (Algolia search restricted to the
// URL attribute) and Reddit posts (/api/info.json?url=) that link to it and have comments.
import { z } from "zod";
import { log } from "../../log.ts";
import type { Fetcher } from "../fetch/index.ts";
import { optional } from "../lenient.ts";
import { withoutTracking } from "../url.ts";
import { guard, readItems, readJson } from "./error.ts";
import { hnHumanBase } from "./fetch.ts";

export interface DiscoveryApis {
  hackernewsSearch: string;
  reddit: string;
}

/** Threads kept per platform: reposts of one link beyond this are noise. */
export const MAX_THREADS_PER_PLATFORM = 5;
/** A thread with no comments has no reaction to summarise (yet). */
const MIN_COMMENTS = 1;

const algoliaSearch = z.object({ hits: z.array(z.unknown()) });
const algoliaHit = z.object({
  objectID: z.union([z.string(), z.number()]),
  url: optional(z.string()),
  num_comments: optional(z.number()),
});

const redditInfo = z.object({ data: z.object({ children: z.array(z.unknown()) }) });
const redditPost = z.object({
  kind: z.string(),
  data: z.object({
    permalink: optional(z.string()),
    num_comments: optional(z.number()),
    url: optional(z.string()),
  }),
});

/** A URL reduced to what identifies the page: no scheme, "www.", fragment, tracking parameters or trailing slash. */
export function sameArticleKey(raw: string): string | null {
  try {
    const url = withoutTracking(raw.replace(/&amp;/g, "&"));
    const host = url.hostname.toLowerCase().replace(/^www\./, "");
    const path = url.pathname.replace(/\/+$/, "");
    return `${host}${path}${url.search}`;
  } catch {
    return null;
  }
}

async function getJson(fetcher: Fetcher, url: string): Promise<unknown> {
  const res = await fetcher.fetch(url, { accept: "application/json" });
  if (res.kind !== "ok") return null;
  return readJson(res.text);
}

async function hackerNews(articleUrl: string, fetcher: Fetcher, search: string): Promise<string[]> {
  const base = search.replace(/\/+$/, "");
  const query = `${base}/search?query=${encodeURIComponent(articleUrl)}&restrictSearchableAttributes=url`;
  const answer = guard(algoliaSearch, await getJson(fetcher, query), "Algolia search");
  const hits = readItems(answer.hits, algoliaHit, "Algolia search hit");
  const want = sameArticleKey(articleUrl);
  const human = hnHumanBase(search);
  return hits
    .filter((h) => (h.num_comments ?? 0) >= MIN_COMMENTS && h.url && sameArticleKey(h.url) === want)
    .map((h) => `${human}/item?id=${h.objectID}`);
}

async function reddit(articleUrl: string, fetcher: Fetcher, api: string): Promise<string[]> {
  const base = api.replace(/\/+$/, "");
  const info = guard(
    redditInfo,
    await getJson(fetcher, `${base}/api/info.json?url=${encodeURIComponent(articleUrl)}`),
    "Reddit info",
  );
  return readItems(info.data.children, redditPost, "Reddit info entry")
    .filter(
      (c) => c.kind === "t3" && c.data.permalink && (c.data.num_comments ?? 0) >= MIN_COMMENTS,
    )
    .map((c) => `${base}${c.data.permalink}`);
}

async function settle(platform: string, work: Promise<string[]>): Promise<string[]> {
  try {
    return (await work).slice(0, MAX_THREADS_PER_PLATFORM);
  } catch (err) {
    log("warn", "threads", `${platform} discovery failed: ${(err as Error).message}`);
    return []; // one platform being down must not hide the other's threads
  }
}

/** Human URLs of Hacker News and Reddit threads about `articleUrl` that have comments; [] when none. */
export async function discoverThreadUrls(
  articleUrl: string,
  fetcher: Fetcher,
  apis: DiscoveryApis,
): Promise<string[]> {
  const found = await Promise.all([
    settle("hackernews", hackerNews(articleUrl, fetcher, apis.hackernewsSearch)),
    settle("reddit", reddit(articleUrl, fetcher, apis.reddit)),
  ]);
  return [...new Set(found.flat())];
}

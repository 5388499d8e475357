// fetchThread: a human or API thread URL to a Thread, through the shared Fetcher.
import type { Thread } from "../../types.ts";
import type { Fetcher } from "../fetch/index.ts";
import { ThreadError } from "./error.ts";
import { HN_HUMAN_BASE, parseHnAlgoliaThread } from "./hackernews-algolia.ts";
import { fetchHnFirebaseThread } from "./hackernews-firebase.ts";
import { lemmyThread, parseLemmyComments, parseLemmyPost } from "./lemmy.ts";
import { parseRedditThread } from "./reddit.ts";

export interface ThreadApis {
  hackernewsSearch: string;
  hackernewsItems: string;
}

/** Lemmy pages of comments fetched at most; 5 × 50 top-level comments (with replies) is plenty. */
export const MAX_LEMMY_PAGES = 5;
const LEMMY_PAGE_SIZE = 50;
const LEMMY_MAX_DEPTH = 8;

export type ThreadTarget =
  | { platform: "hackernews"; via: "algolia"; api: string; id: number; humanBase: string }
  | { platform: "hackernews"; via: "firebase"; itemsApi: string; id: number; humanBase: string }
  | { platform: "reddit"; api: string; origin: string }
  | { platform: "lemmy"; origin: string; postId: number };

/**
 * Where people read HN, given the search API base: news.ycombinator.com for Algolia's own API,
 * else the API's origin plus any path before "/api/v1" (a test or demo server mounting HN under
 * a prefix serves both there).
 */
export function hnHumanBase(hackernewsSearch: string): string {
  const url = new URL(hackernewsSearch);
  if (url.hostname === "hn.algolia.com") return HN_HUMAN_BASE;
  return `${url.origin}${url.pathname.replace(/\/+$/, "").replace(/\/api(\/v\d+)?$/, "")}`;
}

const ALGOLIA_ITEM = /\/items\/(\d+)\/?$/;
const FIREBASE_ITEM = /^(.*)\/item\/(\d+)\.json$/;
const REDDIT_COMMENTS = /\/comments\/[a-z0-9]+(\/|\.json$|$)/i;
const LEMMY_POST = /\/post\/(\d+)\/?$/;

function trimSlash(path: string): string {
  return path.replace(/\/+$/, "");
}

/** What a thread URL points at, or null when it is no thread URL we know. */
export function recogniseThreadUrl(raw: string, apis: ThreadApis): ThreadTarget | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const path = url.pathname;
  const id = url.searchParams.get("id");
  let m = ALGOLIA_ITEM.exec(path);
  if (m && path.includes("/api/"))
    return {
      platform: "hackernews",
      via: "algolia",
      api: url.href,
      id: Number(m[1]),
      humanBase: hnHumanBase(apis.hackernewsSearch),
    };
  m = FIREBASE_ITEM.exec(path);
  if (m)
    return {
      platform: "hackernews",
      via: "firebase",
      itemsApi: `${url.origin}${m[1]}`,
      id: Number(m[2]),
      humanBase: hnHumanBase(apis.hackernewsSearch),
    };
  if (/\/item\/?$/.test(path) && id && /^\d+$/.test(id)) {
    return {
      platform: "hackernews",
      via: "algolia",
      api: `${trimSlash(apis.hackernewsSearch)}/items/${id}`,
      id: Number(id),
      humanBase: `${url.origin}${path.replace(/\/item\/?$/, "")}`,
    };
  }
  if (REDDIT_COMMENTS.test(path)) {
    const api = path.endsWith(".json")
      ? url.href
      : `${url.origin}${trimSlash(path)}.json${url.search}`;
    return { platform: "reddit", api, origin: url.origin };
  }
  if (/\/api\/v3\/post\/?$/.test(path) && id && /^\d+$/.test(id))
    return { platform: "lemmy", origin: url.origin, postId: Number(id) };
  m = LEMMY_POST.exec(path);
  if (m) return { platform: "lemmy", origin: url.origin, postId: Number(m[1]) };
  return null;
}

async function getJson(fetcher: Fetcher, url: string): Promise<string> {
  const res = await fetcher.fetch(url, { accept: "application/json" });
  if (res.kind !== "ok") throw new ThreadError(`unexpected 304 Not Modified from ${url}`);
  return res.text;
}

async function fetchLemmy(
  fetcher: Fetcher,
  origin: string,
  postId: number,
  fetchedAt: string,
): Promise<Thread> {
  const post = parseLemmyPost(await getJson(fetcher, `${origin}/api/v3/post?id=${postId}`));
  const list = `${origin}/api/v3/comment/list?post_id=${postId}&max_depth=${LEMMY_MAX_DEPTH}&limit=${LEMMY_PAGE_SIZE}&sort=Top`;
  const views: ReturnType<typeof parseLemmyComments> = [];
  const seen = new Set<number>();
  for (let page = 1; page <= MAX_LEMMY_PAGES; page++) {
    const batch = parseLemmyComments(
      await getJson(fetcher, page === 1 ? list : `${list}&page=${page}`),
    );
    const fresh = batch.filter((v) => !seen.has(v.comment.id));
    for (const v of fresh) seen.add(v.comment.id);
    views.push(...fresh);
    // A short page is the last; a page of nothing new means the server ignores `page`.
    if (batch.length < LEMMY_PAGE_SIZE || fresh.length === 0) break;
  }
  return lemmyThread(post, views, origin, fetchedAt);
}

/**
 * Algolia first (one request for the whole tree); when it fails (it lags behind brand-new
 * stories and has outages) the Firebase API, item by item. The Algolia error wins if both fail.
 */
async function fetchHnWithFallback(
  target: Extract<ThreadTarget, { via: "algolia" }>,
  fetcher: Fetcher,
  apis: ThreadApis,
  fetchedAt: string,
): Promise<Thread> {
  try {
    return parseHnAlgoliaThread(await getJson(fetcher, target.api), fetchedAt, target.humanBase);
  } catch (algoliaError) {
    try {
      return await fetchHnFirebaseThread(target.id, fetcher, apis.hackernewsItems, {
        humanBase: target.humanBase,
      });
    } catch {
      throw algoliaError;
    }
  }
}

/**
 * Fetches and parses a discussion thread: a Hacker News item URL (any host; read through the
 * Algolia items API, falling back to the Firebase API), a Reddit comments URL, a Lemmy post URL, or any of their API URLs.
 * Throws ThreadError for unknown URLs and bad responses; fetch errors pass through.
 */
export async function fetchThread(
  threadUrl: string,
  fetcher: Fetcher,
  apis: ThreadApis,
): Promise<Thread> {
  const target = recogniseThreadUrl(threadUrl, apis);
  const fetchedAt = new Date().toISOString();
  if (target === null)
    throw new ThreadError(`not a Hacker News, Reddit or Lemmy thread URL: ${threadUrl}`);
  switch (target.platform) {
    case "hackernews":
      return target.via === "algolia"
        ? fetchHnWithFallback(target, fetcher, apis, fetchedAt)
        : fetchHnFirebaseThread(target.id, fetcher, target.itemsApi, {
            humanBase: target.humanBase,
          });
    case "reddit":
      return parseRedditThread(await getJson(fetcher, target.api), fetchedAt, target.origin);
    case "lemmy":
      return fetchLemmy(fetcher, target.origin, target.postId, fetchedAt);
  }
}

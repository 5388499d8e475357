// Hacker News through its Firebase API (GET /v0/item/<id>.json): one item per request, replies
// listed by id in `kids`. We walk them breadth-first through the fetcher, with a cap on requests.
import { z } from "zod";
import type { Comment, Thread } from "../../types.ts";
import { htmlToText } from "../feeds/text.ts";
import type { Fetcher } from "../fetch/index.ts";
import { optional } from "../lenient.ts";
import { guard, isoFromEpochSeconds, readJson, ThreadError } from "./error.ts";
import { HN_HUMAN_BASE, hackerNewsThread } from "./hackernews-algolia.ts";
import { walkComments } from "./walk.ts";

/** Each comment costs one request; past this many the thread is sampled (top levels first). */
export const MAX_FIREBASE_ITEMS = 300;
/** Requests in flight at once; the fetcher's per-host politeness still applies on top. */
const FIREBASE_BATCH = 4;

export const hnFirebaseItem = z.object({
  id: z.number(),
  by: optional(z.string()),
  // Not read leniently: a story whose replies are not a list is a shape change, not a blank.
  kids: z.array(z.number()).nullish(),
  text: optional(z.string()),
  time: optional(z.number()),
  type: optional(z.string()),
  url: optional(z.string()),
  title: optional(z.string()),
  score: optional(z.number()),
  parent: optional(z.number()),
  deleted: optional(z.boolean()),
  dead: optional(z.boolean()),
});
export type HnFirebaseItem = z.infer<typeof hnFirebaseItem>;

/** One Firebase item; `null` (what the API answers for an unknown id) is a ThreadError. */
export function parseHnFirebaseItem(input: string | Buffer | unknown): HnFirebaseItem {
  const data = readJson(input);
  if (data === null) throw new ThreadError("no such Hacker News item");
  return guard(hnFirebaseItem, data, "Hacker News item");
}

async function getItem(
  fetcher: Fetcher,
  itemsApi: string,
  id: number,
): Promise<HnFirebaseItem | null> {
  const res = await fetcher.fetch(`${itemsApi}/item/${id}.json`, { accept: "application/json" });
  if (res.kind !== "ok") throw new ThreadError(`unexpected 304 for Hacker News item ${id}`);
  return readJson(res.text) === null ? null : parseHnFirebaseItem(res.text);
}

/** Fetches the kids of `root`, level by level, until `maxItems` items have been requested. */
async function fetchDescendants(
  fetcher: Fetcher,
  itemsApi: string,
  root: HnFirebaseItem,
  maxItems: number,
): Promise<Map<number, HnFirebaseItem>> {
  const items = new Map<number, HnFirebaseItem>();
  let queue = [...(root.kids ?? [])];
  let requested = 0;
  while (queue.length > 0 && requested < maxItems) {
    const batch = queue.splice(0, Math.min(FIREBASE_BATCH, maxItems - requested));
    requested += batch.length;
    const got = await Promise.all(
      batch.map((id) => getItem(fetcher, itemsApi, id).catch(() => null)),
    );
    for (const item of got) {
      if (item === null || items.has(item.id)) continue;
      items.set(item.id, item);
      queue = queue.concat(item.kids ?? []);
    }
  }
  return items;
}

function toComment(humanBase: string) {
  return (item: HnFirebaseItem, parentId: string | null): Comment | null => {
    const text = item.text ? htmlToText(item.text) : "";
    if (item.deleted || item.dead || (!item.by && text === "")) return null;
    return {
      id: String(item.id),
      parentId,
      author: item.by ?? null,
      text,
      score: item.score ?? null,
      postedAt: isoFromEpochSeconds(item.time),
      url: `${humanBase}/item?id=${item.id}`,
    };
  };
}

/** A whole HN thread through the Firebase API; `itemsApi` is e.g. "https://hacker-news.firebaseio.com/v0". */
export async function fetchHnFirebaseThread(
  id: number,
  fetcher: Fetcher,
  itemsApi: string,
  options: { maxItems?: number; humanBase?: string; now?: Date } = {},
): Promise<Thread> {
  const base = itemsApi.replace(/\/+$/, "");
  const humanBase = options.humanBase ?? HN_HUMAN_BASE;
  const root = await getItem(fetcher, base, id);
  if (root === null) throw new ThreadError(`no such Hacker News item: ${id}`);
  if (root.type === "comment")
    throw new ThreadError(`Hacker News item ${id} is a comment, not a story`);
  const items = await fetchDescendants(fetcher, base, root, options.maxItems ?? MAX_FIREBASE_ITEMS);
  const kidsOf = (item: HnFirebaseItem) =>
    (item.kids ?? []).map((k) => items.get(k)).filter((k): k is HnFirebaseItem => k !== undefined);
  const comments = walkComments(kidsOf(root), toComment(humanBase), kidsOf);
  return hackerNewsThread(root, comments, humanBase, (options.now ?? new Date()).toISOString());
}

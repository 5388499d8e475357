import { FeedError } from "../error.ts";
import { type JsonFeedItem, type JsonFeedTop, jsonFeedItem, jsonFeedTop } from "./types.ts";

export interface RawJsonFeed {
  top: JsonFeedTop;
  /** Items that are objects; anything else in the list is skipped, not fatal. */
  items: JsonFeedItem[];
}

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/i;

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? text).trim();
}

export function parseJsonFeed(text: string): RawJsonFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FeedError(`malformed JSON: ${firstLine((err as Error).message)}`, { cause: err });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new FeedError("not a feed: JSON that is not an object");
  }
  const version = (data as Record<string, unknown>).version;
  if (typeof version !== "string" || !VERSION.test(version.trim())) {
    throw new FeedError("not a feed: JSON without a JSON Feed version");
  }
  const top = jsonFeedTop.safeParse(data);
  if (!top.success) {
    const issue = top.error.issues[0];
    const where = issue?.path.join(".") || "document";
    throw new FeedError(`malformed JSON Feed: ${where}: ${issue?.message ?? "invalid"}`);
  }
  const items = top.data.items.flatMap((raw) => {
    const item = jsonFeedItem.safeParse(raw);
    return item.success ? [item.data] : [];
  });
  return { top: top.data, items };
}

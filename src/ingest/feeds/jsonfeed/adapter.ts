import type { FeedEntry, ParsedFeed } from "../../../types.ts";
import { parseFeedDate } from "../dates.ts";
import { summaryOf } from "../summary.ts";
import { htmlToText, inlineText } from "../text.ts";
import { httpUrl, isAbsoluteHttpUrl } from "../url.ts";
import type { RawJsonFeed } from "./parse.ts";
import type { JsonFeedItem, JsonFeedTop } from "./types.ts";

function author(item: JsonFeedItem, top: JsonFeedTop): string | null {
  const names = [...(item.authors ?? []), item.author, ...(top.authors ?? []), top.author]
    .map((a) => inlineText(a?.name))
    .filter((n): n is string => n !== null);
  return names[0] ?? null;
}

/** summary and content_text are plain text: a "<" in them is text, not markup. */
function summary(item: JsonFeedItem): string | null {
  const raw =
    item.summary ?? item.content_text ?? (item.content_html ? htmlToText(item.content_html) : null);
  const text = raw?.replace(/\s+/g, " ").trim();
  return summaryOf(text ? text : null);
}

function jsonItemToEntry(item: JsonFeedItem, top: JsonFeedTop, base: string): FeedEntry {
  const guid = item.id == null || String(item.id).trim() === "" ? null : String(item.id).trim();
  const url =
    httpUrl(item.url, base) ??
    httpUrl(item.external_url, base) ??
    (guid && isAbsoluteHttpUrl(guid) ? httpUrl(guid) : null);
  return {
    guid,
    url,
    title: inlineText(item.title),
    summary: summary(item),
    author: author(item, top),
    publishedAt: parseFeedDate(item.date_published) ?? parseFeedDate(item.date_modified),
  };
}

export function jsonToParsedFeed(raw: RawJsonFeed, feedUrl: string): ParsedFeed {
  const base = feedUrl; // where the document really came from, not what it says about itself
  return {
    format: "jsonfeed",
    title: inlineText(raw.top.title),
    siteUrl: httpUrl(raw.top.home_page_url, base),
    entries: raw.items
      .map((item) => jsonItemToEntry(item, raw.top, base))
      .filter((e) => e.url !== null || e.guid !== null || e.title !== null),
  };
}

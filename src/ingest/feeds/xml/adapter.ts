// feedparser's items and meta to our FeedEntry / ParsedFeed. feedparser keeps every raw element
// under "<namespace>:<name>" beside its normalised fields; we read the raw ones where its
// normalisation loses something (dates in odd zones, "&lt;" in titles, guid fallbacks).
import type FeedParser from "feedparser";
import type { FeedEntry, ParsedFeed } from "../../../types.ts";
import { parseFeedDate } from "../dates.ts";
import { summaryOf } from "../summary.ts";
import { inlineText } from "../text.ts";
import { httpUrl, isAbsoluteHttpUrl } from "../url.ts";
import type { RawXmlFeed } from "./parse.ts";

type RawItem = FeedParser.Item & Record<string, unknown>;

/** Publication dates first, then update dates: we want when the entry appeared. */
const DATE_KEYS = [
  "rss:pubdate",
  "atom:published",
  "atom:issued",
  "dc:date",
  "dcterms:issued",
  "dcterms:created",
  "atom:created",
  "atom:updated",
  "atom:modified",
  "dcterms:modified",
];
const TITLE_KEYS = ["rss:title", "atom:title", "rdf:title", "dc:title"];
const GUID_KEYS = ["rss:guid", "atom:id", "rdf:about", "dc:identifier"];

/** The text of a raw element: `{"#": text}`, a plain string, or the first of a repeated element. */
function rawText(item: Record<string, unknown>, key: string): string | null {
  let value = item[key];
  if (Array.isArray(value)) value = value[0];
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "#" in value) {
    const text = (value as Record<string, unknown>)["#"];
    return typeof text === "string" ? text : null;
  }
  return null;
}

function firstRaw(item: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const text = rawText(item, key)?.trim();
    if (text) return text;
  }
  return null;
}

function entryGuid(item: RawItem): string | null {
  const rdfAbout = (item["rdf:@"] as Record<string, unknown> | undefined)?.about;
  const raw = firstRaw(item, GUID_KEYS) ?? (typeof rdfAbout === "string" ? rdfAbout.trim() : null);
  return raw || null;
}

function entryUrl(item: RawItem, guid: string | null, feedUrl: string): string | null {
  const orig = httpUrl(item.origlink, feedUrl);
  if (orig) return orig;
  const link = httpUrl(item.link, feedUrl);
  if (link) return link;
  return guid && isAbsoluteHttpUrl(guid) ? httpUrl(guid) : null;
}

function entryDate(item: RawItem): string | null {
  let sawRaw = false;
  for (const key of DATE_KEYS) {
    const raw = rawText(item, key);
    sawRaw ||= Boolean(raw?.trim());
    const parsed = parseFeedDate(raw);
    if (parsed) return parsed;
  }
  if (sawRaw) return null; // we read the date and judged it; feedparser's Date would roll "30 Feb" into March
  for (const date of [item.pubdate, item.date]) {
    if (date instanceof Date && !Number.isNaN(date.getTime()))
      return parseFeedDate(date.toISOString());
  }
  return null;
}

export function xmlItemToEntry(item: RawItem, feedUrl: string): FeedEntry {
  const guid = entryGuid(item);
  return {
    guid,
    url: entryUrl(item, guid, feedUrl),
    title: inlineText(firstRaw(item, TITLE_KEYS) ?? item.title),
    summary: summaryOf(inlineText(item.summary ?? item.description)),
    author: inlineText(item.author),
    publishedAt: entryDate(item),
  };
}

export function xmlToParsedFeed(raw: RawXmlFeed, feedUrl: string): ParsedFeed {
  const entries = raw.items
    .map((item) => xmlItemToEntry(item as RawItem, feedUrl))
    .filter((e) => e.url !== null || e.guid !== null || e.title !== null);
  return {
    format: raw.type,
    title: inlineText(raw.meta.title),
    siteUrl: httpUrl(raw.meta.link, feedUrl),
    entries,
  };
}

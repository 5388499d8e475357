// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), as loose as real feeds need:
// every field optional and nullable, numeric ids accepted, unknown fields ignored, and a field of
// the wrong type read as absent (a number for a title costs the title, not the item or the feed).
import { z } from "zod";
import { optional } from "../../lenient.ts";

const text = optional(z.string());

export const jsonFeedAuthor = optional(z.object({ name: text, url: text }));

export const jsonFeedItem = z.object({
  id: optional(z.union([z.string(), z.number()])),
  url: text,
  external_url: text,
  title: text,
  content_html: text,
  content_text: text,
  summary: text,
  date_published: text,
  date_modified: text,
  /** JSON Feed 1.0 */
  author: jsonFeedAuthor,
  /** JSON Feed 1.1 */
  authors: optional(z.array(jsonFeedAuthor)),
});

export const jsonFeedTop = z.object({
  version: z.string(),
  title: text,
  home_page_url: text,
  feed_url: text,
  author: jsonFeedAuthor,
  authors: optional(z.array(jsonFeedAuthor)),
  items: z.array(z.unknown()),
});

export type JsonFeedItem = z.infer<typeof jsonFeedItem>;
export type JsonFeedTop = z.infer<typeof jsonFeedTop>;

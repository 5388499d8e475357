// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), as loose as real feeds need:
// every field optional and nullable, numeric ids accepted, unknown fields ignored, and a field of
// the wrong type read as absent (a number for a title costs the title, not the item or the feed).
import { z } from "zod";

const text = z.string().nullish().catch(null);

export const jsonFeedAuthor = z.object({ name: text, url: text }).nullish().catch(null);

export const jsonFeedItem = z.object({
  id: z.union([z.string(), z.number()]).nullish().catch(null),
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
  authors: z.array(jsonFeedAuthor).nullish().catch(null),
});

export const jsonFeedTop = z.object({
  version: z.string(),
  title: text,
  home_page_url: text,
  feed_url: text,
  author: jsonFeedAuthor,
  authors: z.array(jsonFeedAuthor).nullish().catch(null),
  items: z.array(z.unknown()),
});

export type JsonFeedItem = z.infer<typeof jsonFeedItem>;
export type JsonFeedTop = z.infer<typeof jsonFeedTop>;

// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), as loose as real feeds need:
// every field optional and nullable, numeric ids accepted, unknown fields ignored.
import { z } from "zod";

const text = z.string().nullish();

export const jsonFeedAuthor = z.object({ name: text, url: text }).nullish();

export const jsonFeedItem = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
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
  authors: z.array(jsonFeedAuthor).nullish(),
});

export const jsonFeedTop = z.object({
  version: z.string(),
  title: text,
  home_page_url: text,
  feed_url: text,
  author: jsonFeedAuthor,
  authors: z.array(jsonFeedAuthor).nullish(),
  items: z.array(z.unknown()),
});

export type JsonFeedItem = z.infer<typeof jsonFeedItem>;
export type JsonFeedTop = z.infer<typeof jsonFeedTop>;

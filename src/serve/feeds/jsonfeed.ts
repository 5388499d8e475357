// JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
import type { Feed } from "./feed.ts";
import { cleanText } from "./xml.ts";

export function toJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    language: "en",
    items: feed.items.map((i) => ({
      id: i.id,
      url: i.url,
      title: cleanText(i.title),
      content_html: i.contentHtml,
      ...(i.summary ? { summary: cleanText(i.summary) } : {}),
      date_published: i.published,
      date_modified: i.updated,
      authors: i.authors.map((name) => ({ name: cleanText(name) })),
    })),
  });
}

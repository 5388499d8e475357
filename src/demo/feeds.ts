// Feeds for each demo outlet (RSS 2.0, Atom 1.0 or JSON Feed 1.1) and the OPML listing them all.
import type { DemoArticle, DemoOutlet } from "./corpus.ts";
import { esc, rfc822 } from "./escape.ts";
import { feedFile } from "./pages.ts";

export interface FeedContext {
  base: string;
  outlet: DemoOutlet;
  /** The outlet's articles, newest first. */
  articles: DemoArticle[];
}

function updated(articles: DemoArticle[]): string {
  return articles[0]?.publishedAt ?? "2026-11-23T00:00:00.000Z";
}

function rss({ base, outlet, articles }: FeedContext): string {
  const items = articles
    .map(
      (a) => `<item>
<title>${esc(a.headline)}</title>
<link>${esc(base + a.path)}</link>
<guid isPermaLink="true">${esc(base + a.path)}</guid>
<pubDate>${rfc822(a.publishedAt)}</pubDate>
${a.byline ? `<dc:creator>${esc(a.byline)}</dc:creator>\n` : ""}<description>${esc(a.paragraphs[0] ?? "")}</description>
</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${esc(outlet.name)}</title>
<link>${esc(`${base}/${outlet.slug}/`)}</link>
<atom:link href="${esc(`${base}/${outlet.slug}/feed.xml`)}" rel="self" type="application/rss+xml"/>
<description>${esc(outlet.tagline)}</description>
<language>en</language>
<lastBuildDate>${rfc822(updated(articles))}</lastBuildDate>
${items}
</channel>
</rss>
`;
}

function atom({ base, outlet, articles }: FeedContext): string {
  const entries = articles
    .map(
      (a) => `<entry>
<id>${esc(base + a.path)}</id>
<title type="text">${esc(a.headline)}</title>
<link rel="alternate" type="text/html" href="${esc(base + a.path)}"/>
<published>${a.publishedAt}</published>
<updated>${a.publishedAt}</updated>
<author><name>${esc(a.byline ?? outlet.name)}</name></author>
<summary type="text">${esc(a.paragraphs[0] ?? "")}</summary>
</entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>${esc(`${base}/${outlet.slug}/`)}</id>
<title>${esc(outlet.name)}</title>
<subtitle>${esc(outlet.tagline)}</subtitle>
<link rel="self" type="application/atom+xml" href="${esc(`${base}/${outlet.slug}/atom.xml`)}"/>
<link rel="alternate" type="text/html" href="${esc(`${base}/${outlet.slug}/`)}"/>
<updated>${updated(articles)}</updated>
${entries}
</feed>
`;
}

function jsonFeed({ base, outlet, articles }: FeedContext): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: outlet.name,
    description: outlet.tagline,
    home_page_url: `${base}/${outlet.slug}/`,
    feed_url: `${base}/${outlet.slug}/feed.json`,
    language: "en",
    items: articles.map((a) => ({
      id: base + a.path,
      url: base + a.path,
      title: a.headline,
      summary: a.paragraphs[0] ?? "",
      content_text: a.paragraphs[0] ?? "",
      date_published: a.publishedAt,
      authors: [{ name: a.byline ?? outlet.name }],
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

export function renderFeed(ctx: FeedContext): { body: string; type: string } {
  if (ctx.outlet.format === "rss") {
    return { body: rss(ctx), type: "application/rss+xml; charset=utf-8" };
  }
  if (ctx.outlet.format === "atom") {
    return { body: atom(ctx), type: "application/atom+xml; charset=utf-8" };
  }
  return { body: jsonFeed(ctx), type: "application/feed+json; charset=utf-8" };
}

export function renderOpml(base: string, outlets: DemoOutlet[]): string {
  const sections = [...new Set(outlets.map((o) => o.section))];
  const lines = sections
    .map((section) => {
      const feeds = outlets
        .filter((o) => o.section === section)
        .map(
          (o) =>
            `<outline type="rss" text="${esc(o.name)}" title="${esc(o.name)}" xmlUrl="${esc(`${base}/${o.slug}/${feedFile(o)}`)}" htmlUrl="${esc(`${base}/${o.slug}/`)}"/>`,
        );
      return `<outline text="${esc(section)}" title="${esc(section)}">\n${feeds.join("\n")}\n</outline>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
<head>
<title>Storyline demo outlets</title>
<dateCreated>Wed, 25 Nov 2026 23:00:00 GMT</dateCreated>
</head>
<body>
${lines}
</body>
</opml>
`;
}

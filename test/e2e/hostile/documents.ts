// The documents the hostile server hands out: small RSS feeds and article pages whose headlines carry
// non-ASCII characters, so a wrong or missing charset shows up as mojibake in what gets stored.

/** Enough prose for the extractor to accept a page as an article (it drops short paragraphs). */
const PARAGRAPHS = [
  "The city council met on Tuesday evening to debate the proposal, which would change how the old market hall is run and who may rent its stalls during the winter season.",
  "Shop owners who spoke at the meeting said the new rules would raise their costs by a third, and several of them warned that they would close rather than pay the higher fees.",
  "Officials answered that the hall had lost money for six years in a row and that the building needed repairs to its roof, its heating and its ageing electrical wiring.",
  "A final vote is expected next month, after a public consultation that will run for four weeks and include two open evenings at the town library for residents.",
];

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export interface PageSpec {
  headline: string;
  /** Written as <meta charset>; null leaves the page without one. */
  metaCharset: string | null;
}

export function articleHtml(page: PageSpec): string {
  const meta = page.metaCharset === null ? "" : `<meta charset="${page.metaCharset}">\n`;
  const body = PARAGRAPHS.map((p) => `<p>${esc(p)}</p>`).join("\n");
  return `<!doctype html>
<html lang="en"><head>
${meta}<title>${esc(page.headline)}</title>
</head><body>
<article><h1>${esc(page.headline)}</h1>
<p class="byline">By Jo Reporter</p>
${body}
</article></body></html>
`;
}

export interface FeedItem {
  title: string;
  url: string;
}

/** An RSS 2.0 document; `prologEncoding` null writes a prolog without an encoding. */
export function rssXml(title: string, items: FeedItem[], prologEncoding: string | null): string {
  const encoding = prologEncoding === null ? "" : ` encoding="${prologEncoding}"`;
  const entries = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.url)}</link><guid>${esc(i.url)}</guid></item>`,
    )
    .join("\n");
  return `<?xml version="1.0"${encoding}?>
<rss version="2.0"><channel>
<title>${esc(title)}</title><link>http://example.invalid/</link><description>hostile fixture</description>
${entries}
</channel></rss>
`;
}

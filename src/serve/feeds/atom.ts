// Atom 1.0 (RFC 4287).
import type { Feed } from "./feed.ts";
import { xmlText as x } from "./xml.ts";

export function toAtom(feed: Feed): string {
  const entries = feed.items.map(
    (i) => `<entry>
<id>${x(i.id)}</id>
<title type="text">${x(i.title)}</title>
<link rel="alternate" type="text/html" href="${x(i.url)}"/>
<published>${i.published}</published>
<updated>${i.updated}</updated>
${i.authors.length ? i.authors.map((a) => `<author><name>${x(a)}</name></author>`).join("") : "<author><name>Storyline</name></author>"}
${i.summary ? `<summary type="text">${x(i.summary)}</summary>` : ""}
<content type="html">${x(i.contentHtml)}</content>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${x(feed.id)}</id>
<title type="text">${x(feed.title)}</title>
<updated>${feed.updated}</updated>
<link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${x(feed.homeUrl)}"/>
<author><name>Storyline</name></author>
<generator uri="https://github.com/storyline-news/storyline">Storyline</generator>
${entries.join("\n")}
</feed>
`;
}

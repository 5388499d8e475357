// Writes the generated part of the feed corpus: testdata/corpus/gen-<slug>/{input.<ext>, expected.json}.
// Every expectation is stated here from what the generator put in, never read back from the parser.
// Hand-written cases live beside them without the "gen-" prefix and are left alone.
//   node --import tsx src/ingest/feeds/testdata/make-corpus.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";

const ROOT = join(import.meta.dirname, "corpus");
export const FEED_URL = "https://feeds.example.com/news/feed.xml";

interface First {
  title?: string | null;
  url?: string | null;
  guid?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  summary?: string | null;
}
interface Expected {
  format?: string;
  title?: string | null;
  siteUrl?: string | null;
  entries?: number;
  first?: First;
  error?: string;
  feedUrl?: string;
  contentType?: string;
}
interface Case {
  slug: string;
  ext: "xml" | "json" | "html" | "txt";
  body: string | Buffer;
  expected: Expected;
}

/** An item as raw markup: strings go into the document exactly as written. */
interface Item {
  title?: string;
  link?: string;
  guid?: string;
  guidAttrs?: string;
  date?: string;
  author?: string;
  summary?: string;
  extra?: string;
}

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS =
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"';

function tag(name: string, value: string | undefined, attrs = ""): string {
  return value === undefined ? "" : `<${name}${attrs ? ` ${attrs}` : ""}>${value}</${name}>`;
}

function rss(items: Item[], o: { version?: string; title?: string; link?: string; prolog?: string; channelExtra?: string } = {}): string {
  const body = items
    .map(
      (i) =>
        `  <item>${tag("title", i.title)}${tag("link", i.link)}${tag("guid", i.guid, i.guidAttrs)}${tag("pubDate", i.date)}${tag("dc:creator", i.author)}${tag("description", i.summary)}${i.extra ?? ""}</item>`,
    )
    .join("\n");
  return `${o.prolog ?? PROLOG}<rss version="${o.version ?? "2.0"}" ${NS}>\n<channel>\n${tag("title", o.title ?? "Example News")}${tag("link", o.link ?? "https://www.example.com/")}<description>All the news</description>${o.channelExtra ?? ""}\n${body}\n</channel>\n</rss>\n`;
}

function rdf(items: Item[], o: { title?: string; ns?: string } = {}): string {
  const body = items
    .map(
      (i) =>
        `<item rdf:about="${i.guid ?? i.link ?? ""}">${tag("title", i.title)}${tag("link", i.link)}${tag("dc:date", i.date)}${tag("dc:creator", i.author)}${tag("description", i.summary)}</item>`,
    )
    .join("\n");
  const ns = o.ns ?? "http://purl.org/rss/1.0/";
  return `${PROLOG}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="${ns}" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel rdf:about="https://www.example.com/">${tag("title", o.title ?? "Example RDF")}<link>https://www.example.com/</link><description>d</description></channel>\n${body}\n</rdf:RDF>\n`;
}

function atom(items: Item[], o: { title?: string; base?: string; v03?: boolean; prefix?: string; siteLink?: string } = {}): string {
  const p = o.prefix ? `${o.prefix}:` : "";
  const t = (n: string, v: string | undefined, a = "") => tag(`${p}${n}`, v, a);
  const link = (href: string | undefined) => (href === undefined ? "" : `<${p}link rel="alternate" type="text/html" href="${href}"/>`);
  const published = o.v03 ? "issued" : "published";
  const body = items
    .map(
      (i) =>
        `<${p}entry>${t("title", i.title)}${link(i.link)}${t("id", i.guid)}${t(published, i.date)}${i.author === undefined ? "" : `<${p}author><${p}name>${i.author}</${p}name></${p}author>`}${t("summary", i.summary)}${i.extra ?? ""}</${p}entry>`,
    )
    .join("\n");
  const ns = o.v03 ? "http://purl.org/atom/ns#" : "http://www.w3.org/2005/Atom";
  const xmlns = o.prefix ? `xmlns:${o.prefix}="${ns}"` : `xmlns="${ns}"`;
  const version = o.v03 ? ' version="0.3"' : "";
  const base = o.base ? ` xml:base="${o.base}"` : "";
  return `${PROLOG}<${p}feed ${xmlns}${version}${base}>\n${t("title", o.title ?? "Example Atom")}${link(o.siteLink ?? "https://www.example.com/")}<${p}id>urn:example:feed</${p}id><${p}updated>2026-11-20T10:00:00Z</${p}updated>\n${body}\n</${p}feed>\n`;
}

function jsonFeed(items: Record<string, unknown>[], version = "1.1", extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ version: `https://jsonfeed.org/version/${version}`, title: "Example JSON", home_page_url: "https://www.example.com/", feed_url: FEED_URL, ...extra, items }, null, 2)}\n`;
}

const A = "https://www.example.com/2026/11/";

// 1. The same three-item feed in every format.
const three: Item[] = [1, 2, 3].map((n) => ({
  title: `Story number ${n}`,
  link: `${A}story-${n}`,
  guid: `${A}story-${n}`,
  date: `Fri, 2${n} Nov 2026 09:00:00 GMT`,
  author: "Ana Writer",
  summary: `Summary ${n}`,
}));
const firstOfThree = { title: "Story number 1", url: `${A}story-1`, guid: `${A}story-1`, author: "Ana Writer", publishedAt: "2026-11-21T09:00:00.000Z", summary: "Summary 1" };
add({ slug: "rss20-basic", ext: "xml", body: rss(three), expected: { format: "rss", title: "Example News", siteUrl: "https://www.example.com/", entries: 3, first: firstOfThree } });
for (const version of ["0.91", "0.92"]) {
  const items = three.map(({ title, link, summary }) => ({ title, link, summary }));
  add({ slug: `rss${version.replace(".", "")}-basic`, ext: "xml", body: rss(items, { version }), expected: { format: "rss", entries: 3, first: { title: "Story number 1", url: `${A}story-1`, guid: null, publishedAt: null } } });
}
const isoThree = three.map((i, n) => ({ ...i, date: `2026-11-2${n + 1}T09:00:00Z` }));
add({ slug: "rdf10-basic", ext: "xml", body: rdf(isoThree), expected: { format: "rdf", title: "Example RDF", entries: 3, first: firstOfThree } });
add({ slug: "rss090-rdf", ext: "xml", body: rdf(isoThree, { ns: "http://my.netscape.com/rdf/simple/0.9/" }), expected: { format: "rdf", entries: 3, first: { title: "Story number 1", url: `${A}story-1` } } });
add({ slug: "atom10-basic", ext: "xml", body: atom(isoThree), expected: { format: "atom", title: "Example Atom", siteUrl: "https://www.example.com/", entries: 3, first: firstOfThree } });
add({ slug: "atom03-basic", ext: "xml", body: atom(isoThree, { v03: true }), expected: { format: "atom", entries: 3, first: firstOfThree } });
add({ slug: "atom10-prefixed", ext: "xml", body: atom(isoThree, { prefix: "a" }), expected: { format: "atom", title: "Example Atom", entries: 3, first: firstOfThree } });
const jsonThree = [1, 2, 3].map((n) => ({ id: `${A}story-${n}`, url: `${A}story-${n}`, title: `Story number ${n}`, summary: `Summary ${n}`, date_published: `2026-11-2${n}T09:00:00Z`, authors: [{ name: "Ana Writer" }] }));
add({ slug: "jsonfeed11-basic", ext: "json", body: jsonFeed(jsonThree), expected: { format: "jsonfeed", title: "Example JSON", siteUrl: "https://www.example.com/", entries: 3, first: firstOfThree } });
add({ slug: "jsonfeed10-basic", ext: "json", body: jsonFeed(jsonThree.map(({ authors, ...rest }) => ({ ...rest, author: authors[0] })), "1"), expected: { format: "jsonfeed", entries: 3, first: firstOfThree } });

// 2. Titles: CDATA, markup, entities, double escaping, whitespace, empty.
const titles: [string, string, string | null][] = [
  ["cdata-plain", "<![CDATA[Plain title in CDATA]]>", "Plain title in CDATA"],
  ["cdata-html", "<![CDATA[Rates <em>rise</em> again]]>", "Rates rise again"],
  ["escaped-html", "Rates &lt;b&gt;rise&lt;/b&gt; again", "Rates rise again"],
  ["amp", "Tom &amp; Jerry", "Tom & Jerry"],
  ["double-escaped-amp", "Tom &amp;amp; Jerry", "Tom & Jerry"],
  ["numeric-entity", "It&#8217;s here &#8212; finally", "It’s here — finally"],
  ["hex-entity", "Caf&#xE9; &#x2014; open", "Café — open"],
  ["named-entity-escaped", "Caf&amp;eacute; &amp;hellip;", "Café …"],
  ["cp1252-numeric", "Smart &#147;quotes&#148;", "Smart “quotes”"],
  ["less-than", "5 &lt; 6 and 7 &gt; 3", "5 < 6 and 7 > 3"],
  ["whitespace", "\n   Spread\n   over   lines \n", "Spread over lines"],
  ["empty", "", null],
  ["only-tags", "<![CDATA[<img src='x.png'>]]>", null],
  ["unicode", "Ünïcödé 日本語 😀 title", "Ünïcödé 日本語 😀 title"],
  ["script-tag", "<![CDATA[Hello<script>alert(1)</script> world]]>", "Hello world"],
];
for (const [slug, raw, want] of titles) {
  add({ slug: `title-rss-${slug}`, ext: "xml", body: rss([{ title: raw, link: `${A}t` }]), expected: { format: "rss", entries: 1, first: { title: want, url: `${A}t` } } });
}
for (const [slug, raw, want] of titles.slice(0, 6)) {
  add({ slug: `title-atom-${slug}`, ext: "xml", body: atom([{ title: raw, link: `${A}t`, guid: "urn:x:1" }]), expected: { format: "atom", entries: 1, first: { title: want } } });
}
add({ slug: "title-atom-xhtml", ext: "xml", body: atom([{ link: `${A}t`, guid: "urn:x:1", extra: '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>XHTML</b> title</div></title>' }]), expected: { format: "atom", entries: 1, first: { title: "An XHTML title" } } });

// 3. Links: relative, xml:base, guid fallback, origLink, bad schemes.
add({ slug: "link-rss-relative", ext: "xml", body: rss([{ title: "r", link: "../2026/rel" }, { title: "r2", link: "/abs" }]), expected: { format: "rss", entries: 2, first: { url: "https://feeds.example.com/2026/rel" } } });
add({ slug: "link-rss-relative-root", ext: "xml", body: rss([{ title: "r", link: "/2026/rel" }]), expected: { entries: 1, first: { url: "https://feeds.example.com/2026/rel" } } });
add({ slug: "link-atom-xmlbase-feed", ext: "xml", body: atom([{ title: "b", link: "posts/1", guid: "urn:x:1" }], { base: "https://blog.example.org/base/" }), expected: { format: "atom", entries: 1, first: { url: "https://blog.example.org/base/posts/1" } } });
add({ slug: "link-atom-xmlbase-entry", ext: "xml", body: `${PROLOG}<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/"><title>B</title><id>urn:f</id><updated>2026-11-20T10:00:00Z</updated><entry xml:base="/deep/dir/"><title>e</title><id>urn:e</id><link href="page.html"/><updated>2026-11-20T10:00:00Z</updated></entry></feed>\n`, expected: { format: "atom", entries: 1, first: { url: "https://blog.example.org/deep/dir/page.html", guid: "urn:e", publishedAt: "2026-11-20T10:00:00.000Z" } } });
add({ slug: "link-atom-relative-no-base", ext: "xml", body: atom([{ title: "n", link: "entry/2", guid: "urn:x:2" }]), expected: { entries: 1, first: { url: "https://feeds.example.com/news/entry/2" } } });
add({ slug: "link-guid-permalink", ext: "xml", body: rss([{ title: "g", guid: `${A}guid-only` }]), expected: { entries: 1, first: { url: `${A}guid-only`, guid: `${A}guid-only` } } });
add({ slug: "link-guid-not-permalink-url", ext: "xml", body: rss([{ title: "g", guid: `${A}guid-np`, guidAttrs: 'isPermaLink="false"' }]), expected: { entries: 1, first: { url: `${A}guid-np`, guid: `${A}guid-np` } } });
add({ slug: "link-guid-not-url", ext: "xml", body: rss([{ title: "g", guid: "post-1234", guidAttrs: 'isPermaLink="false"' }]), expected: { entries: 1, first: { url: null, guid: "post-1234", title: "g" } } });
add({ slug: "link-feedburner-origlink", ext: "xml", body: rss([{ title: "fb", link: "https://feedproxy.example.net/~r/x/1", extra: `<feedburner:origLink>${A}real</feedburner:origLink>` }]), expected: { entries: 1, first: { url: `${A}real` } } });
add({ slug: "link-javascript-scheme", ext: "xml", body: rss([{ title: "js", link: "javascript:alert(1)" }]), expected: { entries: 1, first: { url: null, title: "js" } } });
add({ slug: "link-whitespace", ext: "xml", body: rss([{ title: "ws", link: `\n    ${A}ws\n  ` }]), expected: { entries: 1, first: { url: `${A}ws` } } });
add({ slug: "link-json-relative", ext: "json", body: jsonFeed([{ id: "1", url: "/2026/json-rel", title: "j" }]), expected: { format: "jsonfeed", entries: 1, first: { url: "https://feeds.example.com/2026/json-rel", guid: "1" } } });
add({ slug: "link-json-external", ext: "json", body: jsonFeed([{ id: 7, external_url: "https://other.example.net/a", title: "ext" }]), expected: { format: "jsonfeed", entries: 1, first: { url: "https://other.example.net/a", guid: "7" } } });
add({ slug: "link-json-id-url", ext: "json", body: jsonFeed([{ id: `${A}id-url`, title: "idurl" }]), expected: { entries: 1, first: { url: `${A}id-url` } } });

// 4. Dates.
const dates: [string, string | null][] = [
  ["Sat, 21 Nov 2026 09:00:00 GMT", "2026-11-21T09:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 +0000", "2026-11-21T09:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 -0500", "2026-11-21T14:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 +05:30", "2026-11-21T03:30:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 EST", "2026-11-21T14:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 PDT", "2026-11-21T16:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 CEST", "2026-11-21T07:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 UT", "2026-11-21T09:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 Z", "2026-11-21T09:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00 GMT", "2026-11-21T09:00:00.000Z"],
  ["21 Nov 2026 09:00:00 GMT", "2026-11-21T09:00:00.000Z"],
  ["Sat, 21 Nov 26 09:00:00 GMT", "2026-11-21T09:00:00.000Z"],
  ["Sat, 1 Nov 2026 09:00:00 +0100 (CET)", "2026-11-01T08:00:00.000Z"],
  ["Saturday, 21 November 2026 09:00:00 GMT", "2026-11-21T09:00:00.000Z"],
  ["Mon, 21 Nov 2026 09:00:00 GMT", "2026-11-21T09:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00", "2026-11-21T09:00:00.000Z"],
  ["Sat, 21 Nov 2026 09:00:00 XYZ", "2026-11-21T09:00:00.000Z"],
  ["2026-11-21T09:00:00Z", "2026-11-21T09:00:00.000Z"],
  ["2026-11-21T09:00:00.123+02:00", "2026-11-21T07:00:00.123Z"],
  ["2026-11-21T09:00:00+0200", "2026-11-21T07:00:00.000Z"],
  ["2026-11-21 09:00:00", "2026-11-21T09:00:00.000Z"],
  ["2026-11-21", "2026-11-21T00:00:00.000Z"],
  ["20261121T090000Z", "2026-11-21T09:00:00.000Z"],
  ["November 21, 2026 9:00 AM GMT", "2026-11-21T09:00:00.000Z"],
  ["not a date", null],
  ["", null],
  ["0001-01-01T00:00:00Z", null],
  ["2026-02-30T10:00:00Z", null],
  ["Sat, 32 Nov 2026 09:00:00 GMT", null],
];
dates.forEach(([raw, want], n) => {
  add({ slug: `date-rss-${String(n).padStart(2, "0")}`, ext: "xml", body: rss([{ title: `d${n}`, link: `${A}d${n}`, date: raw }]), expected: { format: "rss", entries: 1, first: { title: `d${n}`, publishedAt: want } } });
});
add({ slug: "date-atom-updated-only", ext: "xml", body: atom([{ title: "u", link: `${A}u`, guid: "urn:u", extra: "<updated>2026-11-22T01:02:03-08:00</updated>" }]), expected: { format: "atom", entries: 1, first: { publishedAt: "2026-11-22T09:02:03.000Z" } } });
add({ slug: "date-rss-dc-date", ext: "xml", body: rss([{ title: "dc", link: `${A}dc`, extra: "<dc:date>2026-11-22T10:00:00+01:00</dc:date>" }]), expected: { format: "rss", entries: 1, first: { publishedAt: "2026-11-22T09:00:00.000Z" } } });
add({ slug: "date-json-modified-only", ext: "json", body: jsonFeed([{ id: "m", url: `${A}m`, title: "m", date_modified: "2026-11-22T10:00:00-05:00" }]), expected: { entries: 1, first: { publishedAt: "2026-11-22T15:00:00.000Z" } } });
add({ slug: "date-json-garbage", ext: "json", body: jsonFeed([{ id: "g", url: `${A}g`, title: "g", date_published: "yesterday" }]), expected: { entries: 1, first: { publishedAt: null } } });

// 5. Encodings (bytes, not text).
const euroTitle = "Café – naïve “quotes” cost 5 €";
const latinTitle = "Café naïve señor";
const enc = (text: string, encoding: string) => iconv.encode(text, encoding);
add({ slug: "enc-windows-1252", ext: "xml", body: enc(rss([{ title: euroTitle, link: `${A}e` }], { prolog: '<?xml version="1.0" encoding="windows-1252"?>\n' }), "windows-1252"), expected: { entries: 1, first: { title: euroTitle } } });
add({ slug: "enc-iso-8859-1", ext: "xml", body: enc(rss([{ title: latinTitle, link: `${A}e` }], { prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }), "latin1"), expected: { entries: 1, first: { title: latinTitle } } });
add({ slug: "enc-iso-8859-1-label-with-1252-bytes", ext: "xml", body: enc(rss([{ title: euroTitle, link: `${A}e` }], { prolog: "<?xml version='1.0' encoding='iso-8859-1'?>\n" }), "windows-1252"), expected: { entries: 1, first: { title: euroTitle } } });
add({ slug: "enc-iso-8859-15", ext: "xml", body: enc(rss([{ title: "Prix 5 € œuvre", link: `${A}e` }], { prolog: '<?xml version="1.0" encoding="ISO-8859-15"?>\n' }), "iso-8859-15"), expected: { entries: 1, first: { title: "Prix 5 € œuvre" } } });
add({ slug: "enc-utf16le-bom", ext: "xml", body: Buffer.concat([Buffer.from([0xff, 0xfe]), enc(rss([{ title: euroTitle, link: `${A}e` }], { prolog: '<?xml version="1.0" encoding="UTF-16"?>\n' }), "utf-16le")]), expected: { entries: 1, first: { title: euroTitle } } });
add({ slug: "enc-utf16be-bom", ext: "xml", body: Buffer.concat([Buffer.from([0xfe, 0xff]), enc(atom([{ title: euroTitle, link: `${A}e`, guid: "urn:e" }]).replace("UTF-8", "UTF-16"), "utf-16be")]), expected: { format: "atom", entries: 1, first: { title: euroTitle } } });
add({ slug: "enc-utf16le-no-bom", ext: "xml", body: enc(rss([{ title: euroTitle, link: `${A}e` }], { prolog: '<?xml version="1.0" encoding="UTF-16"?>\n' }), "utf-16le"), expected: { entries: 1, first: { title: euroTitle } } });
add({ slug: "enc-utf8-bom", ext: "xml", body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss([{ title: euroTitle, link: `${A}e` }]))]), expected: { entries: 1, first: { title: euroTitle } } });
add({ slug: "enc-1252-bytes-utf8-prolog", ext: "xml", body: enc(rss([{ title: euroTitle, link: `${A}e` }]), "windows-1252"), expected: { entries: 1, first: { title: euroTitle } } });
add({ slug: "enc-1252-no-prolog-header-charset", ext: "xml", body: enc(rss([{ title: euroTitle, link: `${A}e` }], { prolog: "" }), "windows-1252"), expected: { entries: 1, first: { title: euroTitle }, contentType: "application/rss+xml; charset=windows-1252" } });
add({ slug: "enc-koi8r", ext: "xml", body: enc(rss([{ title: "Новости дня", link: `${A}e` }], { prolog: '<?xml version="1.0" encoding="KOI8-R"?>\n' }), "koi8-r"), expected: { entries: 1, first: { title: "Новости дня" } } });
add({ slug: "enc-shift-jis", ext: "xml", body: enc(rss([{ title: "今日のニュース", link: `${A}e` }], { prolog: '<?xml version="1.0" encoding="Shift_JIS"?>\n' }), "shift_jis"), expected: { entries: 1, first: { title: "今日のニュース" } } });
add({ slug: "enc-json-utf8-bom", ext: "json", body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonFeed([{ id: "b", url: `${A}b`, title: euroTitle }]))]), expected: { format: "jsonfeed", entries: 1, first: { title: euroTitle } } });

// 6. Missing and odd fields.
add({ slug: "missing-item-title", ext: "xml", body: rss([{ link: `${A}nt`, summary: "Only a description" }]), expected: { entries: 1, first: { title: null, url: `${A}nt`, summary: "Only a description" } } });
add({ slug: "missing-everything-but-description", ext: "xml", body: rss([{ summary: "Orphan text" }, { title: "kept", link: `${A}k` }]), expected: { entries: 1, first: { title: "kept" } } });
add({ slug: "missing-channel-title", ext: "xml", body: rss([{ title: "x", link: `${A}x` }], { title: "" }), expected: { title: null, entries: 1 } });
add({ slug: "no-items-rss", ext: "xml", body: rss([]), expected: { format: "rss", title: "Example News", entries: 0 } });
add({ slug: "no-entries-atom", ext: "xml", body: atom([]), expected: { format: "atom", entries: 0 } });
add({ slug: "no-items-json", ext: "json", body: jsonFeed([]), expected: { format: "jsonfeed", entries: 0 } });
add({ slug: "json-microblog-no-title", ext: "json", body: jsonFeed([{ id: "mb1", url: `${A}mb1`, content_text: "Just a short note.", date_published: "2026-11-21T09:00:00Z" }]), expected: { entries: 1, first: { title: null, summary: "Just a short note." } } });
add({ slug: "json-content-html-summary", ext: "json", body: jsonFeed([{ id: "h", url: `${A}h`, title: "h", content_html: "<p>First para.</p><p>Second &amp; last.</p>" }]), expected: { entries: 1, first: { summary: "First para. Second & last." } } });
add({ slug: "json-bad-item-skipped", ext: "json", body: jsonFeed([{ id: "ok", url: `${A}ok`, title: 5 }, { id: "ok2", url: `${A}ok2`, title: "fine" }]), expected: { entries: 1, first: { title: "fine" } } });
add({ slug: "json-feed-author-fallback", ext: "json", body: jsonFeed([{ id: "fa", url: `${A}fa`, title: "fa" }], "1.1", { authors: [{ name: "Feed Author" }] }), expected: { entries: 1, first: { author: "Feed Author" } } });
add({ slug: "rss-author-email-name", ext: "xml", body: rss([{ title: "a", link: `${A}a`, extra: "<author>ana@example.com (Ana Writer)</author>" }]), expected: { entries: 1, first: { author: "Ana Writer" } } });
add({ slug: "rss-content-encoded", ext: "xml", body: rss([{ title: "c", link: `${A}c`, extra: "<content:encoded><![CDATA[<p>Full <b>body</b> text</p>]]></content:encoded>" }]), expected: { entries: 1, first: { summary: "Full body text" } } });
add({ slug: "rss-html-description", ext: "xml", body: rss([{ title: "c", link: `${A}c`, summary: "&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;" }]), expected: { entries: 1, first: { summary: "Hello & welcome" } } });
add({ slug: "rss-atom-self-link-in-channel", ext: "xml", body: rss([{ title: "s", link: `${A}s` }], { channelExtra: `<atom:link href="${FEED_URL}" rel="self" type="application/rss+xml"/>` }), expected: { siteUrl: "https://www.example.com/", entries: 1 } });
add({ slug: "rss-media-namespace", ext: "xml", body: rss([{ title: "m", link: `${A}m`, extra: '<media:content url="https://img.example.com/a.jpg" medium="image"><media:title>Photo</media:title></media:content>' }]), expected: { entries: 1, first: { title: "m", url: `${A}m` } } });
add({ slug: "rss-many-items", ext: "xml", body: rss(Array.from({ length: 60 }, (_, n) => ({ title: `Item ${n}`, link: `${A}many-${n}` }))), expected: { entries: 60, first: { title: "Item 0" } } });
add({ slug: "rss-unknown-entity", ext: "xml", body: rss([{ title: "Space&nbsp;here", link: `${A}ent` }]), expected: { entries: 1, first: { title: "Space here" } } });
add({ slug: "rss-bare-ampersand", ext: "xml", body: rss([{ title: "Q & A session", link: `${A}qa?x=1&y=2` }]), expected: { entries: 1, first: { title: "Q & A session", url: `${A}qa?x=1&y=2` } } });
add({ slug: "rss-stylesheet-pi", ext: "xml", body: rss([{ title: "pi", link: `${A}pi` }]).replace("?>\n", '?>\n<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>\n<!-- generated -->\n'), expected: { format: "rss", entries: 1 } });
add({ slug: "rss-doctype-091", ext: "xml", body: rss([{ title: "dt", link: `${A}dt` }], { version: "0.91" }).replace("?>\n", '?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'), expected: { format: "rss", entries: 1 } });
add({ slug: "rss-leading-whitespace", ext: "xml", body: `\n\n   ${rss([{ title: "lw", link: `${A}lw` }], { prolog: "" })}`, expected: { format: "rss", entries: 1 } });

// 7. Broken documents.
add({ slug: "broken-empty", ext: "txt", body: "", expected: { error: "feed: empty document" } });
add({ slug: "broken-whitespace", ext: "txt", body: "  \n\t\n", expected: { error: "feed: empty document" } });
add({ slug: "broken-prolog-only", ext: "xml", body: PROLOG, expected: { error: "feed: empty document" } });
add({ slug: "broken-html-page", ext: "html", body: "<!DOCTYPE html>\n<html><head><title>Home</title></head><body><p>Welcome</p></body></html>\n", expected: { error: "feed: not a feed: got an HTML page" } });
add({ slug: "broken-html-no-doctype", ext: "html", body: "<html>\n<head><meta charset=utf-8><title>Oops</title></head><body>Not found</body></html>\n", expected: { error: "feed: not a feed: got an HTML page" } });
add({ slug: "broken-truncated-rss", ext: "xml", body: rss(three).slice(0, 700), expected: { error: "feed: malformed XML at line 6: document ends inside <item> (truncated?)" } });
add({ slug: "broken-truncated-atom", ext: "xml", body: atom(isoThree).split("\n").slice(0, 3).join("\n"), expected: { error: "feed: malformed XML at line 3: document ends inside <feed> (truncated?)" } });
add({ slug: "broken-json-syntax", ext: "json", body: '{"version": "https://jsonfeed.org/version/1.1", "items": [', expected: { error: "feed: malformed JSON: Unexpected end of JSON input" } });
add({ slug: "broken-json-not-feed", ext: "json", body: '{"status": "ok", "results": [1, 2, 3]}\n', expected: { error: "feed: not a feed: JSON without a JSON Feed version" } });
add({ slug: "broken-json-array", ext: "json", body: "[1, 2, 3]\n", expected: { error: "feed: not a feed: JSON that is not an object" } });
add({ slug: "broken-json-items-not-array", ext: "json", body: '{"version": "https://jsonfeed.org/version/1", "title": "x", "items": {}}\n', expected: { error: "feed: malformed JSON Feed: items: Invalid input: expected array, received object" } });
add({ slug: "broken-plain-text", ext: "txt", body: "Service temporarily unavailable\n", expected: { error: "feed: not a feed: neither XML nor JSON" } });
add({ slug: "broken-sitemap", ext: "xml", body: `${PROLOG}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://www.example.com/</loc></url></urlset>\n`, expected: { error: "feed: not a feed: XML document with root <urlset>" } });

function write(c: Case): void {
  const dir = join(ROOT, `gen-${c.slug}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `input.${c.ext}`), c.body);
  writeFileSync(join(dir, "expected.json"), `${JSON.stringify(c.expected, null, 2)}\n`);
}

if (process.argv[1]?.endsWith("make-corpus.ts")) {
  mkdirSync(ROOT, { recursive: true });
  for (const name of readdirSync(ROOT)) if (name.startsWith("gen-")) rmSync(join(ROOT, name), { recursive: true });
  for (const c of cases) write(c);
  process.stdout.write(`wrote ${cases.length} generated cases to ${ROOT}\n`);
}

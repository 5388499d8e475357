// OPML subscription lists: read every outline with an xmlUrl (any depth, attribute names in any
// case) with the folder it sits in as its section, write an OPML 2.0 list with a folder per section. Lenient like the exports it reads (a bare "&" in a title is
// forgiven), strict about what makes the list unusable (not OPML, cut short).
import sax from "sax";
import { sectionName } from "../types.ts";

export interface OpmlFeed {
  title: string | null;
  url: string;
  siteUrl: string | null;
  /** The folder the feed sits in (the nearest one), else its first `category`; null in none. */
  section: string | null;
}

/** The last part of the first of OPML 2.0's slash-delimited categories ("/News/World,/Tech" ->
 * "World"). */
function categorySection(category: string | undefined): string | null {
  const first = category?.split(",")[0] ?? "";
  return sectionName(
    first
      .split("/")
      .filter((part) => part.trim() !== "")
      .at(-1),
  );
}

function httpUrl(raw: string | undefined): string | null {
  // "feed:https://…" wraps a whole URL; "feed://host/…" stands for http.
  const text = raw
    ?.trim()
    .replace(/^feed:(?=https?:)/i, "")
    .replace(/^feed:(\/\/)?/i, "http://");
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function attrsOf(tag: sax.Tag): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(tag.attributes)) out[name.toLowerCase()] = value;
  return out;
}

function lineOf(err: Error): string {
  const line = /Line: (\d+)/.exec(err.message)?.[1];
  const message = err.message.split("\n")[0]?.toLowerCase() ?? "bad XML";
  return `${line === undefined ? "" : ` at line ${Number(line) + 1}`}: ${message}`;
}

/** The feeds listed in an OPML document, in document order, each URL once. Throws "opml: …" errors. */
export function parseOpml(text: string): OpmlFeed[] {
  if (text.replace(/^\ufeff/, "").trim() === "") throw new Error("opml: empty document");
  const parser = sax.parser(false, { lowercase: true, trim: false });
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const open: string[] = [];
  // For each open outline, the folder title it makes (null: a feed, or a folder without one).
  const folders: (string | null)[] = [];
  let root: string | null = null;
  let error: Error | null = null;
  parser.onerror = (err) => {
    error ??= err;
    (parser as { error: Error | null }).error = null;
    parser.resume();
  };
  parser.onopentag = (tag) => {
    root ??= tag.name;
    open.push(tag.name);
    if (tag.name !== "outline") return;
    const attrs = attrsOf(tag as sax.Tag);
    const title = (attrs.title ?? attrs.text)?.trim() || null;
    const url = httpUrl(attrs.xmlurl);
    const folder = folders.findLast((f) => f !== null) ?? null;
    folders.push(attrs.xmlurl === undefined ? sectionName(title) : null);
    if (url === null || seen.has(url)) return;
    seen.add(url);
    const section = folder ?? categorySection(attrs.category);
    feeds.push({ title, url, siteUrl: httpUrl(attrs.htmlurl), section });
  };
  parser.onclosetag = (name) => {
    open.pop();
    if (name === "outline") folders.pop();
  };
  parser.write(text).close();
  if (root !== "opml") {
    throw new Error(
      root === null ? "opml: not an OPML document" : `opml: not an OPML document: root <${root}>`,
    );
  }
  if (open.length > 0)
    throw new Error(`opml: malformed XML: document ends inside <${open.at(-1)}> (truncated?)`);
  if (error && feeds.length === 0)
    throw new Error(`opml: malformed XML${lineOf(error)}`, { cause: error });
  return feeds;
}

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r?\n|\r|\t/g, " ");
}

/** An OPML 2.0 subscription list: feeds without a section first, then a folder per section (in
 * order of first appearance), as feed readers import them. */
export function writeOpml(
  feeds: { title: string | null; url: string; section?: string | null }[],
  title = "Storyline subscriptions",
): string {
  const outline = (f: { title: string | null; url: string }, indent: string) => {
    const name =
      f.title === null ? "" : ` text="${escapeAttr(f.title)}" title="${escapeAttr(f.title)}"`;
    return `${indent}<outline type="rss"${name} xmlUrl="${escapeAttr(f.url)}"/>`;
  };
  const bySection = new Map<string, typeof feeds>();
  for (const f of feeds) {
    if (!f.section) continue;
    bySection.set(f.section, [...(bySection.get(f.section) ?? []), f]);
  }
  const outlines = feeds.filter((f) => !f.section).map((f) => outline(f, "    "));
  for (const [section, list] of bySection) {
    const name = escapeAttr(section);
    outlines.push(`    <outline text="${name}" title="${name}">`);
    outlines.push(...list.map((f) => outline(f, "      ")), "    </outline>");
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head>\n    <title>${escapeAttr(title)}</title>\n  </head>`,
    "  <body>",
    ...outlines,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}

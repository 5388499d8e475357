// OPML subscription lists: read every outline with an xmlUrl (any depth, attribute names in any
// case), write a flat OPML 2.0 list. Lenient like the exports it reads (a bare "&" in a title is
// forgiven), strict about what makes the list unusable (not OPML, cut short).
import sax from "sax";

export interface OpmlFeed {
  title: string | null;
  url: string;
  siteUrl: string | null;
}

function httpUrl(raw: string | undefined): string | null {
  const text = raw?.trim().replace(/^feed:(\/\/)?/i, "http://");
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
    const url = httpUrl(attrs.xmlurl);
    if (url === null || seen.has(url)) return;
    seen.add(url);
    const title = (attrs.title ?? attrs.text)?.trim() || null;
    feeds.push({ title, url, siteUrl: httpUrl(attrs.htmlurl) });
  };
  parser.onclosetag = () => void open.pop();
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

/** A flat OPML 2.0 subscription list. */
export function writeOpml(
  feeds: { title: string | null; url: string }[],
  title = "Storyline subscriptions",
): string {
  const outlines = feeds.map((f) => {
    const name =
      f.title === null ? "" : ` text="${escapeAttr(f.title)}" title="${escapeAttr(f.title)}"`;
    return `    <outline type="rss"${name} xmlUrl="${escapeAttr(f.url)}"/>`;
  });
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

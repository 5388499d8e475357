// The cheap check before parsing: is this XML, JSON, an HTML page, or nothing at all?
// Decided from the document itself; the HTTP content type is too often wrong to trust.

export type DocumentKind = "xml" | "json" | "html" | "empty" | "unknown";

export interface Sniffed {
  kind: DocumentKind;
  /** The document without a BOM, leading whitespace or junk before the XML (hand this to the parser). */
  body: string;
  /** First element name for markup ("rss", "rdf:rdf", "html"), lowercased; null otherwise. */
  root: string | null;
}

/** Prolog, comments, doctypes and processing instructions that may come before the root element. */
const PREAMBLE =
  /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype\s+(?!html\b)[^>[]*(?:\[[\s\S]*?\])?\s*>)/i;
const HTML_DOCTYPE = /^<!doctype\s+html\b/i;
const ROOT = /^<([A-Za-z_][\w.:-]*)/;

/** Elements that only start an HTML page, never a feed. */
const HTML_ROOTS = new Set(["html", "head", "body", "meta", "title", "div", "p", "script", "link"]);

/** How far into the document the root element may start; past that it is not a feed anyway. */
const MAX_PREAMBLE_CHARS = 64 * 1024;

function skipPreamble(text: string): string {
  let rest = text.slice(0, MAX_PREAMBLE_CHARS);
  for (let m = PREAMBLE.exec(rest); m && m[0].length > 0; m = PREAMBLE.exec(rest)) {
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/**
 * Server-side warnings printed before the feed ("Warning: … on line 3") are a classic breakage;
 * when a feed's start shows up this early after such text, we parse from there.
 */
const MAX_JUNK_CHARS = 2048;
const FEED_START = /<\?xml\b|<rss\b|<feed\b|<rdf:RDF\b/i;

function skipJunk(text: string): string | null {
  const start = text.slice(0, MAX_JUNK_CHARS).search(FEED_START);
  return start > 0 ? text.slice(start) : null;
}

function sniffMarkup(body: string): Sniffed {
  const rest = skipPreamble(body);
  if (HTML_DOCTYPE.test(rest)) return { kind: "html", body, root: "html" };
  const root = ROOT.exec(rest)?.[1]?.toLowerCase() ?? null;
  if (root === null) return { kind: rest.trim() === "" ? "empty" : "unknown", body, root: null };
  return { kind: HTML_ROOTS.has(root) ? "html" : "xml", body, root };
}

/** Local names of the root elements of RSS, RDF and Atom (any namespace prefix). */
const FEED_ROOTS = new Set(["rss", "rdf", "feed"]);

export function isFeedRoot(root: string | null): boolean {
  return FEED_ROOTS.has(root?.split(":").pop() ?? "");
}

export function sniffDocument(text: string): Sniffed {
  const body = text.replace(/^\ufeff/, "").trimStart();
  if (body === "") return { kind: "empty", body, root: null };
  const first = body[0];
  if (first === "{" || first === "[") return { kind: "json", body, root: null };
  const sniffed =
    first === "<" ? sniffMarkup(body) : { kind: "unknown" as const, body, root: null };
  if (sniffed.kind === "html" || isFeedRoot(sniffed.root)) return sniffed;
  // Relax and retry: text or stray markup (a PHP warning) before the real feed.
  const recovered = skipJunk(body);
  return recovered === null ? sniffed : sniffMarkup(recovered);
}

// The cheap check before parsing: is this XML, JSON, an HTML page, or nothing at all?
// Decided from the document itself; the HTTP content type is too often wrong to trust.

export type DocumentKind = "xml" | "json" | "html" | "empty" | "unknown";

export interface Sniffed {
  kind: DocumentKind;
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

export function sniffDocument(text: string): Sniffed {
  const trimmed = text.replace(/^\ufeff/, "").trimStart();
  if (trimmed === "") return { kind: "empty", root: null };
  const first = trimmed[0];
  if (first === "{" || first === "[") return { kind: "json", root: null };
  if (first !== "<") return { kind: "unknown", root: null };
  const rest = skipPreamble(trimmed);
  if (HTML_DOCTYPE.test(rest)) return { kind: "html", root: "html" };
  const root = ROOT.exec(rest)?.[1]?.toLowerCase() ?? null;
  if (root === null) return { kind: rest.trim() === "" ? "empty" : "unknown", root: null };
  return { kind: HTML_ROOTS.has(root) ? "html" : "xml", root };
}

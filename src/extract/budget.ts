// Cheap checks before the page is parsed: inline scripts, styles, SVG and comments are cut
// (JSON-LD kept), giant attribute values are emptied, and what is left must fit a size and
// element budget. Every pass is linear (indexOf scans, no backtracking), so a hostile page
// costs a few scans and then a clear error.

/** Largest input we even scan; ten times the biggest real article page we have seen. */
export const MAX_INPUT_CHARS = 50_000_000;
/** Largest page (after scripts and styles are cut) we parse; real articles are < 2 MB. */
export const MAX_HTML_CHARS = 6_000_000;
/**
 * Most tags we parse. News pages carry 1k–20k once scripts are cut; Readability's work grows
 * faster than linearly with elements on linkedom (~1 min at 90k), so the cap is kept close.
 */
export const MAX_TAGS = 60_000;
/** Attribute values longer than this (inline data URIs, serialized state) are dropped. */
export const MAX_ATTRIBUTE_CHARS = 20_000;

// The start of a quoted value at least MAX_ATTRIBUTE_CHARS long; its end is found by indexOf.
// Matched whole by a regular expression, a value of a few million characters (an inline image)
// ran V8 out of stack: a RangeError, not a BudgetError.
const HUGE_ATTRIBUTE_START = new RegExp(
  `(\\s[\\w:.-]+\\s*=\\s*)(?:"(?=[^"]{${MAX_ATTRIBUTE_CHARS}})|'(?=[^']{${MAX_ATTRIBUTE_CHARS}}))`,
  "g",
);

/** The page with every quoted attribute value of MAX_ATTRIBUTE_CHARS or more emptied (written
 * ""). Each value is scanned to its closing quote once more at most: linear. */
function emptyHugeAttributes(html: string): string {
  const parts: string[] = [];
  let from = 0;
  HUGE_ATTRIBUTE_START.lastIndex = 0;
  for (let m = HUGE_ATTRIBUTE_START.exec(html); m !== null; m = HUGE_ATTRIBUTE_START.exec(html)) {
    const open = m.index + m[0].length;
    const close = html.indexOf(html[open - 1]!, open);
    if (close === -1) {
      // Unclosed: not a value; look on from the next character, as a regular expression would.
      HUGE_ATTRIBUTE_START.lastIndex = m.index + 1;
      continue;
    }
    parts.push(html.slice(from, m.index), m[1]!, '""');
    from = close + 1;
    HUGE_ATTRIBUTE_START.lastIndex = from;
  }
  parts.push(html.slice(from));
  return parts.join("");
}
const TAG_START = /<[a-zA-Z]/g;
const JSON_LD = /ld\+json/i;

export class BudgetError extends Error {}

// Openers of the elements we cut; each one's end is searched from there, so the page is
// scanned once. An unclosed one runs to the end of the page, as in a browser.
const OPENER = /<(script|style|svg)(?=[\s>/])([^>]*)>|<!--/gi;
const CLOSER: Record<string, RegExp> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  svg: /<\/svg\s*>/gi,
  comment: /-->/g,
};

function cutInvisible(html: string): string {
  const parts: string[] = [];
  let from = 0;
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(html); m !== null; m = OPENER.exec(html)) {
    const name = m[1]?.toLowerCase() ?? "comment";
    if (name === "script" && JSON_LD.test(m[2] ?? "")) continue;
    const closer = CLOSER[name]!;
    closer.lastIndex = OPENER.lastIndex;
    const end = closer.exec(html);
    const stop = end === null ? html.length : end.index + end[0].length;
    parts.push(html.slice(from, m.index));
    from = stop;
    OPENER.lastIndex = stop;
  }
  parts.push(html.slice(from));
  return parts.join("");
}

/** Returns the page trimmed for parsing, or throws a BudgetError naming the exceeded budget. */
export function trimForParsing(html: string): { html: string; tags: number } {
  if (html.length > MAX_INPUT_CHARS) {
    throw new BudgetError(`extract: page too large (${html.length} chars > ${MAX_INPUT_CHARS})`);
  }
  const out = emptyHugeAttributes(cutInvisible(html));
  if (out.length > MAX_HTML_CHARS) {
    throw new BudgetError(`extract: page too large (${out.length} chars > ${MAX_HTML_CHARS})`);
  }
  let tags = 0;
  TAG_START.lastIndex = 0;
  while (TAG_START.exec(out) !== null) {
    if (++tags > MAX_TAGS) throw new BudgetError(`extract: too many elements (> ${MAX_TAGS})`);
  }
  return { html: out, tags };
}

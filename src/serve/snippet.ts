// The store's search snippets wrap each matched term in \u0001 … \u0002. The reader's page turns
// them into <mark> elements; everyone else gets the plain text, and an API client the places of
// the matches in it.
import type { SearchHit } from "../types.ts";
import { escapeHtml, Safe } from "./html.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: the highlight markers are control characters
const MARKER_SPLIT = /([\u0001\u0002])/;

/** The snippet without its highlight markers. */
export function plainSnippet(snippet: string): string {
  return snippetMatches(snippet).text;
}

/** The plain snippet and, for each matched term, its [start, end) in it (UTF-16 offsets, as
 * JavaScript's String.prototype.slice counts). */
export function snippetMatches(snippet: string): { text: string; matches: [number, number][] } {
  const matches: [number, number][] = [];
  let text = "";
  let start = -1;
  for (const part of snippet.split(MARKER_SPLIT)) {
    if (part === "\u0001") start = text.length;
    else if (part === "\u0002") {
      if (start >= 0 && text.length > start) matches.push([start, text.length]);
      start = -1;
    } else text += part;
  }
  // A snippet cut inside a match leaves it open.
  if (start >= 0 && text.length > start) matches.push([start, text.length]);
  return { text, matches };
}

/** The snippet's plain text with each match passed through `mark` and the text between
 * through `plain`. */
export function markMatches(
  snippet: string,
  mark: (match: string) => string,
  plain: (text: string) => string = (text) => text,
): string {
  const { text, matches } = snippetMatches(snippet);
  let out = "";
  let at = 0;
  for (const [start, end] of matches) {
    out += `${plain(text.slice(at, start))}${mark(text.slice(start, end))}`;
    at = end;
  }
  return out + plain(text.slice(at));
}

/** The snippet escaped for a page, each match in a <mark> element. */
export function highlight(snippet: string): Safe {
  return new Safe(markMatches(snippet, (m) => `<mark>${escapeHtml(m)}</mark>`, escapeHtml));
}

/** A search hit as JSON clients get it (the API, `storyline search --json`): the snippet as plain
 * text, and each match's [start, end) in it. */
export function hitWithMatches(hit: SearchHit) {
  const { text, matches } = snippetMatches(hit.snippet);
  return { ...hit, snippet: text, matches };
}

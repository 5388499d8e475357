// The article body: Mozilla Readability on the cleaned DOM, its element read as paragraphs.
// When Readability finds nothing usable, the page's own JSON-LD articleBody, else the parent
// holding the most paragraph text, stands in.
import { Readability } from "@mozilla/readability";
import { toParagraphs } from "./paragraphs.ts";

/** Readability's own cap; our budget check stops larger pages before this. */
const MAX_ELEMS_TO_PARSE = 200_000;
/** Less body text than this in the whole page: no article, and Readability is not run. */
export const MIN_PAGE_TEXT_CHARS = 200;
/** A Readability result shorter than this is a miss, and the fallbacks are tried. */
const MIN_BODY_CHARS = 250;

export interface Body {
  paragraphs: string[];
  title: string | null;
  byline: string | null;
}

function chars(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

function readabilityBody(doc: Document): Body | null {
  const reader = new Readability<Element>(doc, {
    serializer: (el) => el as Element,
    disableJSONLD: true,
    maxElemsToParse: MAX_ELEMS_TO_PARSE,
  });
  // Readability's last step rewrites links and classes for display; we only read text.
  (reader as unknown as { _postProcessContent: () => void })._postProcessContent = () => {};
  const result = reader.parse();
  if (!result?.content) return null;
  return {
    paragraphs: toParagraphs(result.content),
    title: result.title ?? null,
    byline: result.byline ?? null,
  };
}

/** The element whose direct <p> children carry the most text. */
function densestBlock(root: Element): Element | null {
  const totals = new Map<Element, number>();
  const ps = root.getElementsByTagName("p");
  for (let i = 0; i < ps.length; i++) {
    const parent = ps[i]!.parentElement;
    if (parent) totals.set(parent, (totals.get(parent) ?? 0) + (ps[i]!.textContent ?? "").length);
  }
  let best: Element | null = null;
  let most = 0;
  for (const [el, n] of totals) {
    if (n > most) {
      best = el;
      most = n;
    }
  }
  return best;
}

export function extractBody(doc: Document, ldBody: string | null): Body | null {
  const root = doc.body;
  if (!root || (root.textContent ?? "").trim().length < MIN_PAGE_TEXT_CHARS) return null;
  const fallbackBlock = densestBlock(root)?.cloneNode(true) as Element | undefined;
  const found = readabilityBody(doc);
  if (found && chars(found.paragraphs) >= MIN_BODY_CHARS) return found;
  const fromLd = ldBody
    ?.split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (fromLd && chars(fromLd) >= MIN_BODY_CHARS)
    return { ...found, title: null, byline: null, paragraphs: fromLd };
  const fromBlock = fallbackBlock ? toParagraphs(fallbackBlock) : [];
  if (chars(fromBlock) >= MIN_BODY_CHARS)
    return { title: null, byline: null, ...found, paragraphs: fromBlock };
  return found;
}

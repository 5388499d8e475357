// The article body: Mozilla Readability on the cleaned DOM, its element read as paragraphs.
// When Readability finds nothing usable, the page's own JSON-LD articleBody, else the parent
// holding the most paragraph text, stands in.
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { toParagraphs } from "./paragraphs.ts";

/** Readability's own cap; our budget check stops larger pages before this. */
const MAX_ELEMS_TO_PARSE = 200_000;
/** Less body text than this in the whole page: no article, and Readability is not run. */
export const MIN_PAGE_TEXT_CHARS = 200;
/**
 * Readability's readerable score (sum over long paragraphs of sqrt(chars - 140)) below which a
 * page holds no article worth its full search; its own default is 20, we take less so short
 * articles still qualify.
 */
const MIN_READERABLE_SCORE = 8;
/**
 * Above this many elements Readability gets one attempt: its relaxed retries re-parse the page
 * each time, and on big pages that is where the time goes.
 */
const RETRY_MAX_TAGS = 10_000;
/**
 * Above this many elements Readability is not run at all (its single pass is still worse than
 * linear on linkedom: ~12 s of CPU at 57k elements); the linear densest-block fallback decides.
 */
const READABILITY_MAX_TAGS = 25_000;
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

function readabilityBody(doc: Document, tags: number): Body | null {
  const reader = new Readability<Element>(doc, {
    ...(tags > RETRY_MAX_TAGS ? { charThreshold: 0 } : {}),
    serializer: (el) => el as Element,
    disableJSONLD: true,
    maxElemsToParse: MAX_ELEMS_TO_PARSE,
  });
  // Readability's last step rewrites links and classes for display; we only read text.
  (reader as unknown as { _postProcessContent: () => void })._postProcessContent = () => {};
  let result: ReturnType<typeof reader.parse>;
  try {
    result = reader.parse();
  } catch {
    // Readability assumes its best candidate sits inside <body>: when a broken head swallows the
    // article (`<meta charset="utf-8"<article>`), it walks off the top of the tree and throws.
    // The page's JSON-LD body or its densest block still give the article (see extractBody).
    return null;
  }
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

export function extractBody(doc: Document, ldBody: string | null, tags: number): Body | null {
  const root = doc.body;
  if (!root || (root.textContent ?? "").trim().length < MIN_PAGE_TEXT_CHARS) return null;
  const fallbackBlock = densestBlock(root)?.cloneNode(true) as Element | undefined;
  const readerable =
    tags <= READABILITY_MAX_TAGS && isProbablyReaderable(doc, { minScore: MIN_READERABLE_SCORE });
  const found = readerable ? readabilityBody(doc, tags) : null;
  if (found && chars(found.paragraphs) >= MIN_BODY_CHARS) return found;
  const fromLd = ldBody
    ?.split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (fromLd && chars(fromLd) >= MIN_BODY_CHARS)
    return { title: null, byline: null, ...found, paragraphs: fromLd };
  const fromBlock = fallbackBlock ? toParagraphs(fallbackBlock) : [];
  if (chars(fromBlock) >= MIN_BODY_CHARS)
    return { title: null, byline: null, ...found, paragraphs: fromBlock };
  return found;
}

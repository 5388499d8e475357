// The article body: Mozilla Readability on the cleaned DOM, its element read as paragraphs,
// with a fallback when Readability finds nothing.
import { Readability } from "@mozilla/readability";
import { toParagraphs } from "./paragraphs.ts";

/** Readability's own cap; our budget check stops larger pages before this. */
const MAX_ELEMS_TO_PARSE = 200_000;

export interface Body {
  paragraphs: string[];
  title: string | null;
  byline: string | null;
}

export function readabilityBody(doc: Document): Body | null {
  const reader = new Readability<Element>(doc, {
    serializer: (el) => el as Element,
    disableJSONLD: true,
    maxElemsToParse: MAX_ELEMS_TO_PARSE,
  });
  const result = reader.parse();
  if (!result?.content) return null;
  return {
    paragraphs: toParagraphs(result.content),
    title: result.title ?? null,
    byline: result.byline ?? null,
  };
}

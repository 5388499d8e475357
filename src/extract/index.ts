// Article extraction: a pure function of a page and its URL. Parse once (linkedom), read the
// page's metadata, cut boilerplate, run Readability, read paragraphs, fall back when needed.
import { parseHTML } from "linkedom";
import type { ExtractedPage } from "../types.ts";
import { extractBody } from "./body.ts";
import { cutBoilerplate } from "./boilerplate.ts";
import { trimForParsing } from "./budget.ts";
import { filterParagraphs } from "./filters.ts";
import { withImpliedTags } from "./implied.ts";
import { articleLanguage } from "./language.ts";
import { cleanByline, readMetadata } from "./metadata.ts";
import { cutTeaserArticles } from "./teasers.ts";

export { decodeHtml } from "./decode.ts";
export { errorPageReason } from "./errorpage.ts";

export function extractArticle(html: string, url: string): ExtractedPage | null {
  const { html: trimmed, tags } = trimForParsing(html);
  const { document } = parseHTML(withImpliedTags(trimmed));
  const meta = readMetadata(document as unknown as Document, url);
  const root = document.body as unknown as Element | null;
  if (root) {
    cutBoilerplate(root);
    cutTeaserArticles(root);
  }
  const body = extractBody(document as unknown as Document, meta.ldBody, tags);
  if (!body) return null;
  const paragraphs = filterParagraphs(body.paragraphs, meta.headline ?? body.title);
  if (paragraphs.length === 0) return null;
  const { ldBody: _ldBody, ...page } = meta;
  return {
    ...page,
    headline: meta.headline ?? body.title ?? "",
    byline: meta.byline ?? cleanByline(body.byline),
    language: articleLanguage(meta.language, paragraphs.join("\n")),
    paragraphs,
  };
}

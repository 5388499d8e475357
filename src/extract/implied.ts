// HTML lets a page leave out its <html>, <head> and <body> tags (html-minifier's
// removeOptionalTags does, and so do many hand-written pages); the browser implies them. linkedom
// does not: it makes the first element the whole document, so such a page had no body and no
// title, and an untagged text page threw. parse5 builds the tree as the HTML standard says; it runs
// only on a page that lacks one of the three tags, so every other page is parsed as before.
import { parse, serialize } from "parse5";

const HTML_TAG = /<html[\s>/]/i;
const HEAD_TAG = /<head[\s>/]/i;
const BODY_TAG = /<body[\s>/]/i;

/** The page with its <html>, <head> and <body> tags written out where the standard implies them. */
export function withImpliedTags(html: string): string {
  if (HTML_TAG.test(html) && HEAD_TAG.test(html) && BODY_TAG.test(html)) return html;
  return serialize(parse(html));
}

// Pages served with status 200 that are not reports: "page not found" pages, login and
// registration walls, server errors. Extraction reads their few paragraphs like any others, so
// they are known by what they say, and only when short: a report about an outage may use the same
// words, at length. Written by hand: no maintained library classifies soft-404 pages.

import type { ExtractedPage } from "../types.ts";

/** Error and login pages are a few lines; a page longer than this many words is taken as a report
 * even when it mentions an error. */
const MAX_ERROR_PAGE_WORDS = 120;
/** Below this many words the body alone may show an error page; up to MAX_ERROR_PAGE_WORDS the
 * headline must show it too ("Page not found"), so that a short report of an outage ("users
 * could not sign in to view their accounts") is kept. */
const MAX_UNTITLED_ERROR_WORDS = 60;

/** A headline that is the whole title of such a page, perhaps followed by " | Site" or " - Site".
 * Anchored: a report's headline may use the same words ("Voters urged to register for…"); and the
 * site's name is at most four words, where a report's tail is longer ("Access denied – disabled
 * voters turned away at polls"). */
const wholeTitle = (title: string) =>
  new RegExp(`^(?:${title})[.!]?(?:\\s+[|\\-–—]\\s+[^\\s|]+(?:\\s+[^\\s|]+){0,3})?$`, "i");

const SIGNS: Array<[RegExp, RegExp, string]> = [
  [
    /\b(?:page|file|article|story)s? (?:you (?:requested|are looking for|were looking for) )?(?:could not|cannot|can['’]t|couldn['’]t) be found|\b(?:page|file) (?:was )?not found\b|\b(?:error|http) 404\b|\b404\b[^.]{0,30}\b(?:error|not found)|couldn['’]t find (?:that|this|the) page/i,
    wholeTitle(
      // "Oops! Page not found", "Sorry, this page can't be found", "Article not found".
      "(?:(?:sorry|oops)[,!.]? )?(?:(?:(?:error |http )?404(?: error)?(?: ?[-:–—]? ?)?)?(?:(?:page|file|article|story) )?not found|(?:(?:this|the) )?(?:page|file|article|story) (?:could not|cannot|can['’]t|couldn['’]t) be found|we couldn['’]t find (?:that|this|the) page)|(?:error |http )?404(?: error)?",
    ),
    "a 'page not found' page",
  ],
  [
    /\b(?:log|sign) ?in to (?:continue|read|view)|\bregister for\b|\bregistration is free\b|\bmember id and password\b|forgot (?:your )?password/i,
    wholeTitle("(?:sign|log) ?in|(?:sign|log) ?in to (?:continue|read|view)(?: reading)?"),
    "a login or registration page",
  ],
  [
    /unable to process your request|\b(?:sorry|error)\b[^.]{0,80}\btry again later|service (?:is )?(?:temporarily )?unavailable|internal server error|access denied|\berror 999\b/i,
    wholeTitle(
      "(?:503 )?service (?:temporarily )?unavailable|(?:403 )?access denied|(?:500 )?internal server error|error",
    ),
    "an error page",
  ],
  [
    /\b(?:enable|turn on) (?:javascript|cookies)\b/i,
    wholeTitle("(?:please )?(?:enable|turn on) (?:javascript|cookies)"),
    "a page that needs JavaScript or cookies",
  ],
];

/** What the page is when it is an error or login page served as if it were an article, or null. */
export function errorPageReason(page: ExtractedPage): string | null {
  const body = page.paragraphs.join("\n");
  const words = body.split(/\s+/).filter(Boolean).length;
  if (words > MAX_ERROR_PAGE_WORDS) return null;
  const headline = page.headline.trim();
  for (const [sign, title, reason] of SIGNS) {
    if (title.test(headline)) return reason;
    if (words <= MAX_UNTITLED_ERROR_WORDS && sign.test(body)) return reason;
  }
  return null;
}

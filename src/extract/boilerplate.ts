// Boilerplate cut before Readability runs, in one walk over the DOM: elements that are never
// article text (navigation, forms, hidden parts, captions) and blocks whose class or id names
// them as furniture (share bars, newsletter boxes, related links), unless they hold a lot of
// prose. The same walk flattens nesting deeper than MAX_DEPTH into plain paragraphs, so later
// recursion (Readability's) is bounded and the text keeps its paragraph breaks.

import { toParagraphs } from "./paragraphs.ts";

/** Deeper than this is hostile or broken markup; real pages stay under ~60 levels. */
export const MAX_DEPTH = 200;
/** A furniture-named block with this many real paragraphs is more likely the article itself. */
const MAX_BOILERPLATE_PARAGRAPHS = 3;
/** Paragraphs shorter than this (in chars) are labels and teasers, not prose. */
const PROSE_PARAGRAPH_CHARS = 80;

const DROP_TAGS = new Set([
  "NAV",
  "ASIDE",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "INPUT",
  "LABEL",
  "IFRAME",
  "DIALOG",
  "TEMPLATE",
  "NOSCRIPT",
  "FIGCAPTION",
  "OBJECT",
  "EMBED",
  "CANVAS",
  "MENU",
  "AUDIO",
  "VIDEO",
]);
const DROP_ROLES =
  /^(?:navigation|complementary|contentinfo|dialog|alertdialog|banner|search|menu|menubar|toolbar|tablist)$/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const words = (list: string[]) => new RegExp(`(?:^|[-_ ])(?:${list.join("|")})(?:$|[-_ ])`, "i");
// Furniture words that also mark names they begin (relatedposts, sharebar, newsletterSignup).
const PREFIXES = /(?:^|[-_ ])(?:related|share|newsletter|advert|outbrain|taboola|breadcrumb)/i;

// Class/id name parts that always mark furniture, whatever else the name says.
const FURNITURE_STRONG = words([
  "share",
  "shares",
  "sharing",
  "sharebar",
  "newsletter",
  "newsletters",
  "related",
  "recommended",
  "recommendations",
  "promo",
  "promotion",
  "advert",
  "advertisement",
  "ad",
  "ads",
  "adslot",
  "adunit",
  "sponsor",
  "sponsored",
  "outbrain",
  "taboola",
  "cookie",
  "consent",
  "breadcrumb",
  "breadcrumbs",
  "caption",
  "credit",
  "credits",
  "byline",
  "dateline",
  "timestamp",
  "readmore",
  "disqus",
]);
// Parts that mark furniture unless the name also says it is the article (article-comments no,
// but "comments" alone yes; "box article modal-enabled" stays).
const FURNITURE_WEAK = words([
  "social",
  "signup",
  "subscribe",
  "subscription",
  "tags",
  "tag",
  "toolbar",
  "popup",
  "modal",
  "overlay",
  "trending",
  "popular",
  "comments",
  "comment",
  "skip",
  "bio",
  "widget",
  "sidebar",
  "footer",
  "masthead",
  "menu",
  "nav",
  "navigation",
  "pagination",
  "pager",
]);
const CONTENT_NAME = /article|body|content|entry|main|story|post|text|embed/i;
// Embedded posts that are part of the story (tweets, Instagram) stay, whatever holds them.
const EMBEDDED_POST = /twitter-tweet|instagram-media|tiktok-embed/;

function holdsEmbeddedPost(el: Element): boolean {
  const quotes = el.getElementsByTagName("blockquote");
  for (let i = 0; i < quotes.length; i++) {
    if (EMBEDDED_POST.test(quotes[i]!.getAttribute("class") ?? "")) return true;
  }
  return false;
}

const ELEMENT_NODE = 1;

function isHidden(el: Element): boolean {
  if (el.hasAttribute("hidden")) return true;
  if (el.getAttribute("aria-hidden") === "true") return true;
  const style = el.getAttribute("style");
  return style !== null && HIDDEN_STYLE.test(style);
}

function hasProse(el: Element): boolean {
  let prose = 0;
  const paragraphs = el.getElementsByTagName("p");
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (
      (p.textContent ?? "").length >= PROSE_PARAGRAPH_CHARS &&
      ++prose >= MAX_BOILERPLATE_PARAGRAPHS
    ) {
      return true;
    }
  }
  return false;
}

function isFurniture(el: Element): boolean {
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  if (names.length < 2) return false;
  const furniture =
    FURNITURE_STRONG.test(names) ||
    PREFIXES.test(names) ||
    (FURNITURE_WEAK.test(names) && !CONTENT_NAME.test(names));
  if (!furniture || el.tagName === "BODY" || el.tagName === "ARTICLE") return false;
  return !hasProse(el) && !holdsEmbeddedPost(el);
}

function shouldDrop(el: Element): boolean {
  if (DROP_TAGS.has(el.tagName)) return true;
  // ASP.NET pages wrap the whole body in one <form>; a form only goes when it is not prose.
  if (el.tagName === "FORM") return !hasProse(el);
  const role = el.getAttribute("role");
  if (role && DROP_ROLES.test(role)) return true;
  return isHidden(el) || isFurniture(el);
}

/** A too-deep subtree as one <p> per paragraph of its text (a single text node would leave
 * Readability no paragraphs to score). */
function flattened(el: Element): DocumentFragment {
  const doc = el.ownerDocument;
  const out = doc.createDocumentFragment();
  for (const text of toParagraphs(el)) {
    const p = doc.createElement("p");
    p.textContent = text;
    out.appendChild(p);
  }
  return out;
}

/** Cuts boilerplate in place and flattens too-deep subtrees to their paragraphs. */
export function cutBoilerplate(root: Element): void {
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    let child = el.firstElementChild;
    while (child) {
      const next = child.nextElementSibling;
      if (shouldDrop(child)) {
        child.remove();
      } else if (depth + 1 >= MAX_DEPTH) {
        child.replaceWith(flattened(child));
      } else if (child.nodeType === ELEMENT_NODE) {
        stack.push([child, depth + 1]);
      }
      child = next;
    }
  }
}

// Boilerplate cut before Readability runs, in one walk over the DOM: elements that are never
// article text (navigation, forms, hidden parts, captions) and blocks whose class or id names
// them as furniture (share bars, newsletter boxes, related links), unless they hold a lot of
// prose. The same walk flattens nesting deeper than MAX_DEPTH, so later recursion is bounded.

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

// Tokens of class/id names that mark furniture. Matched against each '-'/'_' separated part.
const FURNITURE = new RegExp(
  `(?:^|[-_ ])(?:${[
    "share",
    "shares",
    "sharing",
    "social",
    "newsletter",
    "newsletters",
    "signup",
    "subscribe",
    "subscription",
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
    "tags",
    "tag",
    "toolbar",
    "popup",
    "modal",
    "overlay",
    "trending",
    "popular",
    "readmore",
    "comments",
    "comment",
    "disqus",
    "skip",
    "bio",
    "dateline",
    "timestamp",
    "widget",
    "sidebar",
    "footer",
    "masthead",
    "menu",
    "nav",
    "navigation",
    "pagination",
    "pager",
  ].join("|")})(?:$|[-_ ])`,
  "i",
);
// Names that say "this is the article" win over furniture words in the same name
// (entry-content-read-more, article-body-share), as do embedded posts that are part of the story.
const KEEP =
  /article|body|content|entry|main|story|post|text|twitter-tweet|instagram-media|tiktok/i;

const ELEMENT_NODE = 1;

function isHidden(el: Element): boolean {
  if (el.hasAttribute("hidden")) return true;
  if (el.getAttribute("aria-hidden") === "true") return true;
  const style = el.getAttribute("style");
  return style !== null && HIDDEN_STYLE.test(style);
}

function hasProse(el: Element): boolean {
  let prose = 0;
  const paragraphs = el.querySelectorAll("p");
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
  if (names.length < 2 || !FURNITURE.test(names) || KEEP.test(names)) return false;
  if (el.tagName === "BODY" || el.tagName === "HTML" || el.tagName === "ARTICLE") return false;
  return !hasProse(el);
}

function shouldDrop(el: Element): boolean {
  if (DROP_TAGS.has(el.tagName)) return true;
  // ASP.NET pages wrap the whole body in one <form>; a form only goes when it is not prose.
  if (el.tagName === "FORM") return !hasProse(el);
  const role = el.getAttribute("role");
  if (role && DROP_ROLES.test(role)) return true;
  return isHidden(el) || isFurniture(el);
}

/** Cuts boilerplate in place and flattens too-deep subtrees to their text. */
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
        child.replaceWith(child.ownerDocument.createTextNode(child.textContent ?? ""));
      } else if (child.nodeType === ELEMENT_NODE) {
        stack.push([child, depth + 1]);
      }
      child = next;
    }
  }
}

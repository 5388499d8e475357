// Paragraph-level boilerplate that survives the DOM cleaning: short furniture lines (bylines,
// datelines, "Advertisement", "Read more"), newsletter and follow-us pitches, copyright lines,
// image credits, link lists. Each rule is a pattern plus a length cap, because real prose can
// use the same words in a long sentence.

/** Furniture labels are short; a paragraph longer than this is never judged a label. */
const LABEL_MAX_CHARS = 60;
/** Byline and dateline lines are short; longer paragraphs starting "By" are prose. */
const DATELINE_MAX_CHARS = 100;
/** Pitches (newsletter, follow us, copyright) are a sentence or two. */
const PITCH_MAX_CHARS = 300;

const LABEL =
  /^(?:advertisement|advert|ad|sponsored(?: content)?|comments?|\d+ comments?|share(?: this(?: article| story)?)?|subscribe|sign up|more|more from .+|related(?: articles| stories| content| coverage| links)?|read more.*|see also|recommended(?: for you)?|tell us what you think.*|continue reading.*|story continues below.*|skip (?:to )?.+|loading.*|source: .+|image:? .+|photo:? .+|getty images|ap photo.*|reuters)[\s.:!…]*$/i;
const DATELINE =
  /^(?:by |posted|updated|published|last updated|first published|created|modified)|^\W*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\b\d{1,2}:\d{2} ?(?:am|pm)\b.*\b(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b.*\b\d{1,2}:\d{2} ?(?:am|pm)?\b/i;
const PITCH =
  /\b(?:newsletters?|sign up (?:for|to)|subscribe (?:to|for|now|today)|in your inbox|delivered (?:to|through)|follow (?:us|him|her|me|them) on|all rights reserved|subject to copyright|reproduced without|this (?:article|story) (?:was|has been) (?:originally )?published|have a tip\?)/i;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)/i;
const CREDIT = /^\(?(?:image|photo|picture|video|illustration|graphic)s?(?: credit)?:|^credit:/i;

export function isBoilerplateParagraph(text: string): boolean {
  const n = text.length;
  if (n <= LABEL_MAX_CHARS && LABEL.test(text)) return true;
  if (n <= DATELINE_MAX_CHARS && DATELINE.test(text)) return true;
  if (n <= PITCH_MAX_CHARS && (PITCH.test(text) || COPYRIGHT.test(text) || CREDIT.test(text)))
    return true;
  return false;
}

function same(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  return norm(a) === norm(b);
}

/** Drops boilerplate paragraphs and a leading repeat of the headline. */
export function filterParagraphs(paragraphs: string[], headline: string | null): string[] {
  const out = paragraphs.filter((p) => !isBoilerplateParagraph(p));
  while (headline && out.length > 0 && same(out[0]!, headline)) out.shift();
  return out;
}

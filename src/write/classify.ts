// What each chosen sentence does in the brief: lead, fact, quote, reaction, context or outlook.
import type { SentenceKind } from "../types.ts";

const QUOTED = /["“][^"“”]*\b\w+\s+\w+\s+\w+[^"“”]*["”]/;
const REACTION =
  /\b(criticis|criticiz|condemn|welcom|prais|denounc|slammed|applaud|responded|reacted|protested|expressed (concern|support|regret|hope)|called (it|the|for|on))/i;
const OUTLOOK =
  /\b(will|is expected|are expected|expects|plans to|is planning|are planning|scheduled|next (week|month|year)|later this|upcoming|in the coming|remains to be seen|is likely to|are likely to|is set to|are set to|is due to|are due to)\b/i;
const CONTEXT =
  /\b(last (year|month|week)|in (19|20)\d\d|previously|earlier this|since (19|20)\d\d|had been|history|historically|first time since|years ago|in the past|was founded|began in)\b/i;

/** A sentence about what is yet to happen: an outlook, or what someone has promised to do. */
export function isForecast(text: string): boolean {
  return OUTLOOK.test(text) || PROMISE.test(text);
}

const PROMISE =
  /\b(?:shall|plans? to|intends? to|(?:has |have )?(?:promised|pledged|vowed)|promises|pledges|vows)\b/i;

export function kindOf(text: string): Exclude<SentenceKind, "lead"> {
  if (QUOTED.test(text)) return "quote";
  if (REACTION.test(text)) return "reaction";
  if (OUTLOOK.test(text)) return "outlook";
  if (CONTEXT.test(text)) return "context";
  return "fact";
}

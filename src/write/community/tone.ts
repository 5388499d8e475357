// The overall tone of a discussion from per-comment sentiment and stance cues.
import type { Tone } from "../../types.ts";
import { type Camp, type Cues, cuesOf } from "./stance.ts";

/** Without any cue, sentiment this far from zero still takes a side. */
const SENTIMENT_ONLY_MARGIN = 0.5;
/** Sentiment alone is read only in comments of at least this many words ("lol" scores +0.6). */
const SENTIMENT_ONLY_WORDS = 4;
/** A cue-bearing comment whose sentiment leans the other way by this much is read by its cues
 * alone only when they are clear (one camp ahead); otherwise sentiment breaks the tie. */
const SENTIMENT_TIE_MARGIN = 0.1;
/** Fewer opinionated comments than this share of the discussion leaves it neutral. */
const MIN_OPINION_SHARE = 0.2;
/** Divided: each camp holds at least this share of all comments… */
const DIVIDED_MIN_SHARE = 0.12;
/** …and the smaller camp is at least this share of the opinionated comments. */
const DIVIDED_MINORITY = 0.35;

export type Stance = Camp | "neutral";

export interface CommentStance {
  stance: Stance;
  sentiment: number;
  cues: Cues;
}

/** Among tied camps, the more specific reading wins: doubt and worry say more than dislike. */
const TIE_ORDER: Camp[] = ["skeptical", "concerned", "critical", "supportive"];
const AGAINST: Camp[] = ["critical", "concerned", "skeptical"];

export function stanceOf(text: string, sentiment: number): CommentStance {
  const cues = cuesOf(text);
  const against = AGAINST.reduce((n, c) => n + cues[c], 0);
  let stance: Stance = "neutral";
  if (against === 0 && cues.supportive === 0) {
    // wink scores questions oddly ("Any sign of the data being sold yet?" is +0.5): they ask.
    if (/\?\s*$/.test(text) || text.split(/\s+/).length < SENTIMENT_ONLY_WORDS) stance = "neutral";
    else if (sentiment >= SENTIMENT_ONLY_MARGIN) stance = "supportive";
    else if (sentiment <= -SENTIMENT_ONLY_MARGIN) stance = "critical";
  } else if (cues.supportive > against) stance = "supportive";
  else if (against > cues.supportive) stance = topCamp(cues, AGAINST);
  else stance = sentiment > SENTIMENT_TIE_MARGIN ? "supportive" : topCamp(cues, AGAINST);
  return { stance, sentiment, cues };
}

function topCamp(cues: Cues, camps: Camp[]): Camp {
  let best = camps[0]!;
  for (const c of camps) {
    if (
      cues[c] > cues[best] ||
      (cues[c] === cues[best] && TIE_ORDER.indexOf(c) < TIE_ORDER.indexOf(best))
    )
      best = c;
  }
  return best;
}

export function toneOf(stances: CommentStance[]): Tone {
  if (stances.length === 0) return "neutral";
  const count = (s: Stance) => stances.filter((x) => x.stance === s).length;
  const support = count("supportive");
  const byCamp = AGAINST.map((c) => [c, count(c)] as const);
  const against = byCamp.reduce((n, [, k]) => n + k, 0);
  const opinionated = support + against;
  if (opinionated < MIN_OPINION_SHARE * stances.length) return "neutral";
  const minority = Math.min(support, against);
  if (minority >= DIVIDED_MIN_SHARE * stances.length && minority >= DIVIDED_MINORITY * opinionated)
    return "divided";
  if (support > against) return "supportive";
  // The leading critical camp names the tone; a tie goes to the more specific reading.
  const sorted = byCamp
    .slice()
    .sort((a, b) => b[1] - a[1] || TIE_ORDER.indexOf(a[0]) - TIE_ORDER.indexOf(b[0]));
  return sorted[0]![0];
}

// The overall tone of a discussion from per-comment sentiment and stance markers.
import { sentiment } from "../../text/sentiment.ts";
import type { Tone } from "../../types.ts";

/** Sentiment beyond this counts as positive or negative; nearer zero is neutral. */
const SENTIMENT_MARGIN = 0.1;
/** A stance must be taken by at least this share of comments to set the tone. */
const DOMINANT_SHARE = 0.3;
/** Both camps this large make the discussion divided. */
const DIVIDED_SHARE = 0.3;

type Stance = "supportive" | "skeptical" | "concerned" | "critical" | "neutral";

const STANCE_MARKERS: Array<[Exclude<Stance, "neutral">, RegExp]> = [
  [
    "skeptical",
    /\b(doubt\w*|skeptic\w*|sceptic\w*|not convinced|not sure|unconvinced|i don'?t (buy|believe|think)|hype\w*|overblown|misleading|snake oil|vaporware|won'?t work|never work|press release|pr stunt|show me|citation needed|source\?|really\?|yeah right|i'?ll believe it)\b/i,
  ],
  [
    "concerned",
    /\b(worr\w*|concern\w*|dangerous|danger|risk\w*|scary|scared|afraid|fear\w*|alarming|troubling|disturbing|threat\w*|uneasy|nervous|privacy|surveillance|unsafe)\b/i,
  ],
  [
    "critical",
    /\b(terrible|awful|disgrace\w*|shameful|shame|incompeten\w*|ridiculous|absurd|outrageous|pathetic|wrong|bad idea|failure|failed|mess|corrupt\w*|unacceptable)\b/i,
  ],
  [
    "supportive",
    /\b(great|good (news|move|idea|thing)|finally|love|agree|excellent|glad|welcome|awesome|impressive|amazing|well done|kudos|congrat\w*|about time|nice|brilliant|support)\b/i,
  ],
];

export interface CommentStance {
  stance: Stance;
  sentiment: number;
}

export function stanceOf(text: string): CommentStance {
  const score = sentiment(text);
  const hits = STANCE_MARKERS.filter(([, re]) => re.test(text)).map(([s]) => s);
  let stance: Stance = "neutral";
  if (hits.length > 0) {
    const negative = hits.filter((s) => s !== "supportive");
    stance = negative.length > 0 && score < SENTIMENT_MARGIN ? negative[0]! : hits[0]!;
    if (stance === "supportive" && score < -SENTIMENT_MARGIN) stance = negative[0] ?? "critical";
  } else if (score > SENTIMENT_MARGIN * 3) stance = "supportive";
  else if (score < -SENTIMENT_MARGIN * 3) stance = "critical";
  return { stance, sentiment: score };
}

export function toneOf(stances: CommentStance[]): Tone {
  if (stances.length === 0) return "neutral";
  const share = (s: Stance) => stances.filter((x) => x.stance === s).length / stances.length;
  const supportive = share("supportive");
  const against = share("skeptical") + share("concerned") + share("critical");
  if (supportive >= DIVIDED_SHARE && against >= DIVIDED_SHARE) return "divided";
  const ranked: Array<[Tone, number]> = [
    ["skeptical", share("skeptical")],
    ["concerned", share("concerned")],
    ["critical", share("critical")],
    ["supportive", supportive],
  ];
  ranked.sort((a, b) => b[1] - a[1]);
  const [top, topShare] = ranked[0]!;
  if (topShare >= DOMINANT_SHARE) return top;
  if (against >= DOMINANT_SHARE * 1.5) return top;
  return "neutral";
}

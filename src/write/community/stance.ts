// Stance cues in a comment: phrases that criticise or blame, worry, doubt, or back what happened.
// wink's sentiment misses criticism voiced without strong words ("should be fined", "again?") and
// reads sarcasm ("great job, again") as praise; these lexicons catch what readers take from them.

export type Camp = "critical" | "concerned" | "skeptical" | "supportive";

/** Each lexicon is a list of regular-expression phrases, matched case-insensitively on word edges. */
const LEXICONS: Record<Camp, string[]> = {
  critical: [
    "should (?:be|have been|get) (?:fined|punished|sued|jailed|fired|sacked|prosecuted|held (?:accountable|responsible)|ashamed|investigated)",
    "should(?:n'?t)? have (?:been )?\\w+",
    "unacceptable",
    "not acceptable",
    "inexcusable",
    "no excuse",
    "negligen(?:t|ce)",
    "incompeten(?:t|ce)",
    "irresponsible",
    "reckless",
    "careless",
    "sloppy",
    "lax",
    "shameful",
    "shame on",
    "disgrace(?:ful)?",
    "pathetic",
    "ridiculous",
    "absurd",
    "outrageous",
    "appalling",
    "terrible",
    "awful",
    "embarrassing",
    "clueless",
    "greed(?:y)?",
    "(?:to|for) ransom",
    "parasites?",
    "corrupt(?:ion)?",
    "cover[- ]?up",
    "lied",
    "liars?",
    "to blame",
    "their fault",
    "weak spot",
    "unlocked door",
    "rounding error",
    "nothing (?:ever )?changes",
    "never changes? anything",
    "(?:won'?t|doesn'?t|don'?t) change anything",
    "(?:same |more |usual )?excuses",
    "(?:is|was|what) a (?:mess|shambles|farce|disaster|joke)",
    "keeps? happening",
    "(?:yet|once|here we go) again",
    "again\\?",
    "(?:why|how) (?:on earth |the hell )?(?:could|would|did|does|do|is|are|was|were|can) [^.?!]{3,80}\\?",
    "face consequences",
    "no consequences",
    "accountab(?:le|ility)",
    "angry",
    "furious",
    "disgusting",
    "rip[- ]?off",
    "scam",
    "bad idea",
    "let (?:us|them|everyone|customers|people) down",
    "cheaper (?:for [\\w ]{1,30} )?to (?:apologi[sz]e|pay)",
    "where (?:that|the) money went",
    "but come on",
    "a lot though",
    "sack (?:the lot|them|him|her)",
    "(?:a |such a )?joke",
    "(?:is|was) wrong",
    "the (?:whole|real|main) problem",
    "the problem (?:with|is)",
    "should (?:be )?\\w+ing",
    "underfunded",
    "knew about",
    "not surprised",
    "deserve what they get",
    "what am i supposed to",
    "cut(?:ting)? corners",
    "nobody (?:wanted|owns|cares|checks|bothered|listens)",
    "no one (?:wanted|owns|cares|checks|bothered|listens)",
  ],
  concerned: [
    "worr(?:y|ied|ying|ies|isome)",
    "concern(?:ed|ing|s)?",
    "scar(?:y|ed|ier|iest)",
    "frighten(?:ing|ed)",
    "terrif(?:ying|ied)",
    "afraid",
    "fear(?:s|ful)?",
    "alarm(?:ing|ed)",
    "troubling",
    "disturbing",
    "nervous",
    "anxious",
    "what happens (?:if|when|to)",
    "what if",
    "risk(?:y|s)?",
    "danger(?:ous)?",
    "unsafe",
    "threat(?:s|ening)?",
    "vulnerable",
    "(?:lose|losing|lost) (?:their|my|your|our|all) (?:savings|money|jobs?|homes?|livelihoods?|data)",
    "(?:start to|would|will|could) hurt",
    "stay cautious",
    "be careful",
    "please don'?t",
    "fatigue",
    "stuck",
    "is this going to affect",
    "how (?:long|bad) (?:will|is|could)",
  ],
  skeptical: [
    "doubt(?:s|ful)?",
    "skeptic(?:al|ism)?",
    "sceptic(?:al|ism)?",
    "not convinced",
    "unconvinced",
    "i don'?t (?:buy|believe)",
    "hype[ds]?",
    "overblown",
    "overreact(?:ing|ion)",
    "misleading",
    "press release",
    "pr (?:stunt|exercise|spin|move|problem|disaster)",
    "i'?ll believe it when",
    "believe it when i see it",
    "yeah,? right",
    "we'?ll see",
    "show me",
    "citation needed",
    "source\\?",
    "really\\?",
    "let'?s not assume",
    "grain of salt",
    "lip service",
    "talk is cheap",
    "all talk",
    "window dressing",
    "security theat(?:er|re)",
    "remains to be seen",
    "not sure",
    "i'?d want it in writing",
  ],
  supportive: [
    "good(?: news| move| idea| call| thing| job| on them| for them| luck)?",
    "great(?: news| move| idea| call| work| job)?",
    "finally",
    "well done",
    "kudos",
    "bravo",
    "about time",
    "glad",
    "welcome",
    "love (?:this|it|that|seeing)",
    "excellent",
    "impress(?:ive|ed)",
    "amazing",
    "brilliant",
    "solidarity",
    "respect",
    "i (?:fully |completely )?support",
    "should be the top comment",
    "fair enough",
    "fingers crossed",
    "proud",
    "right call",
    "makes sense",
    "good on",
    "nice",
    "congrat\\w*",
    "the right thing",
  ],
};

/** Thanks and "helpful" are politeness between commenters: they lean supportive only a little. */
const POLITE = /(?<![\w'])(?:thanks?(?: you)?|helpful|cheers)(?![\w'])/gi;
const POLITE_WEIGHT = 0.5;
/** A bare "Great." or "Perfect." after bad news is sarcasm more often than praise. */
const BARE_PRAISE = /(?:^|[.!?]\s+)(?:great|perfect|wonderful|fantastic|brilliant|lovely)[.!]/i;

/** Sarcasm turns praise words into criticism: "oh great, another breach". */
const SARCASM =
  /\b(?:oh (?:great|good|wonderful|joy)|(?:great|good|nice) (?:job|work|going)[^.?!]{0,40}[.!,]\s*(?:another|again|same)\b|thanks a lot|what could possibly go wrong|who could have (?:guessed|seen|predicted)|colou?r me (?:surprised|shocked)|surprise,? surprise|slow clap|shocked,? shocked|\/s$)/i;
/** A negation just before a cue cancels it ("not angry at the dockers", "don't worry"). */
const NEGATED =
  /\b(?:not|never|no|nothing|don'?t|doesn'?t|didn'?t|isn'?t|wasn'?t|aren'?t|n't)\s+(?:\w+\s+)?$/i;
/** After "but", the clause says what the commenter thinks: "I support workers but come on". */
const BUT = /\b(?:but|though|however)\b/i;
/** Cues after a "but" count this much more. */
const AFTER_BUT_WEIGHT = 2;

const PATTERNS: Array<[Camp, RegExp]> = (Object.keys(LEXICONS) as Camp[]).map((camp) => [
  camp,
  new RegExp(`(?<![\\w'])(?:${LEXICONS[camp].join("|")})(?![\\w'])`, "gi"),
]);

export type Cues = Record<Camp, number>;

/** Weighted count of each camp's cues in a text. */
export function cuesOf(text: string): Cues {
  const cues: Cues = { critical: 0, concerned: 0, skeptical: 0, supportive: 0 };
  const but = BUT.exec(text);
  const pivot = but ? but.index : Number.POSITIVE_INFINITY;
  for (const [camp, re] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const weight = m.index > pivot ? AFTER_BUT_WEIGHT : 1;
      // "Not impressed" is criticism; "not worried", "not angry at the dockers" are no stance.
      if (NEGATED.test(text.slice(Math.max(0, m.index - 24), m.index))) {
        if (camp === "supportive") cues.critical += weight;
        continue;
      }
      cues[camp] += weight;
    }
  }
  for (const _ of text.matchAll(POLITE)) cues.supportive += POLITE_WEIGHT;
  if (SARCASM.test(text) || BARE_PRAISE.test(text)) {
    cues.critical += cues.supportive + 1;
    cues.supportive = 0;
  }
  return cues;
}

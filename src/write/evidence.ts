// The story's sentences as evidence: token sets, TF-IDF vectors, which outlet carries each one,
// and a relevance score (centrality across sources, position in the article).

import { isEnglishTag } from "../text/english.ts";
import { FINITE_VERBS, hasPredicate } from "../text/predicate.ts";
import { hasUnspacedScript, textWords } from "../text/terms.ts";
import type { Article } from "../types.ts";
import { lowerCaseWords, midSentenceNames } from "./attribute.ts";
import { retractedClaims } from "./retractions.ts";
import { contentWords, figures, norm, numbers, type Vector } from "./tokens.ts";

/** Long pages (transcripts, comment dumps) add little after this many sentences, and cost time. */
export const MAX_SENTENCES_PER_ARTICLE = 150;
/** Briefs want real sentences: shorter ones are captions or fragments, longer ones run-ons. */
const MIN_WORDS = 7;
const MAX_WORDS = 70;
/** Title-case lines (menus, headlines) are not sentences of the report. */
const MAX_CAPITALISED_SHARE = 0.6;
/** Figures in this share of a "sentence"'s words make it a table row (see isEligible). */
const MAX_FIGURE_SHARE = 0.35;
/** Weights of relevance: centrality to the story, support from other outlets, early position. */
const W_CENTRAL = 0.4;
const W_SUPPORT = 0.2;
const W_POSITION = 0.4;
/** Headlines are the outlets' own summaries: sentences that echo them carry the story. */
const W_HEADLINE = 0.4;
/** The earliest article broke the story and usually tells it most fully; later ones follow up. */
const FIRST_REPORT_BONUS = 0.2;
/** An article whose first this many sentences share no two words with another outlet's has not
 * taken up the story yet (see storyOpenings): an ordinary report's first lines may use words of
 * their own. wikinews-dev ROUGE-1/2/L 0.3168 / 0.1132 / 0.1789 -> 0.3169 / 0.1159 / 0.1796 at 5;
 * at 2, R-1 fell to 0.3134 (reports whose own lead was set aside); at 8 nothing changed. */
const LATE_OPENING = 5;
/** Position prior halves after this many sentences: news puts the essentials first. */
const POSITION_HALF_LIFE = 5;
/** With one outlet there is no cross-source signal, and the centroid is that page's own average
 * (which favours long generic sentences): the writer's order is the best evidence, so position
 * weighs more and decays faster. */
const W_POSITION_SINGLE = 1.5;
const POSITION_HALF_LIFE_SINGLE = 3;
/** A standfirst (a full unpunctuated summary line under the headline) sits in the first lines. */
const STANDFIRST_LINES = 3;
const STANDFIRST_MIN_WORDS = 10;
const STANDFIRST_MAX_CAPITALISED_SHARE = 0.34;

/** An e-mail address, as BOILERPLATE finds one: a character of a name, "@", a domain label and a
 * dot, and a character after it, which says no less than the whole address. Written as
 * `[\w.+-]+@…`, the name was read from every character of a long word to its end: time that grows
 * with the square of the word's length (20,000 characters took 0.4 s, a million would take
 * minutes). */
export const EMAIL_ADDRESS = /[\w.+-]@[\w-]+\.[\w.]/;

/** Page furniture: links, credits, sharing and subscription lines, contact lines, breadcrumbs;
 * then the kinds written as plain prose, each seen on real news pages: login boxes, time-zone
 * notes, author bios, credit lines, editors' notes, the tail of a breadcrumb trail ("> Thur., Dec.
 * 9"), error pages served as articles, and button rows run into the headline ("Print Mail
 * 'Fockers' tops…"). */
const BOILERPLATE = new RegExp(
  [
    /(https?:\/\/|www\.|©|copyright|all rights reserved|click here|subscribe|sign up|newsletter|cookie|advertis|follow us|read more|e-?mail this|print this|share this|comments? \(|posted by|related stories|terms of (use|service)|privacy policy|javascript|has been viewed \d|viewed \d[\d,]* times|getty images|\(file photo\)|photo: |please (?:call|contact|fax|write)|call or fax|\bhome\s*[>›»]|read the rest of|continue reading|subscribers only|free trial|without ads|options below|\s\|\s)/,
    EMAIL_ADDRESS,
    /\bremember (?:me|my)\b|forgot (?:your )?password|(?:log|sign) ?in to (?:your|read|continue)/,
    /\b(?:dates and times|all times) are (?:given |shown |listed )?in\b/,
    /\bis a (?:regular |frequent |freelance |contributing )?(?:contributor|columnist|correspondent|writer) (?:to|for|at)\b/,
    /\b(?:information|reporting) for this (?:report|story|article)|contributed to this (?:report|story|article)/,
    /^note:|^[>›»]/,
    // A list of links run together: "Today's Top Money Stories • Summer travel… • Cheap AIDS pill…".
    /•.*•/,
    // A press release's closing "About MSN MSN attracts…": the company's own blurb.
    /^about ([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}) \1\b/,
    /unable to process your request|try again later|report this problem|\bthis error\b|(?:page|file) (?:was )?not found|access denied|enable (?:javascript|cookies)|please visit\b/,
    /\b(?:print|e-?mail|share)(?:\s+|\s*\|\s*)(?:print|mail|e-?mail|share|save)\b/,
  ]
    .map((r) => r.source)
    .join("|"),
  "i",
);
const DANGLING =
  /^["“'‘]?(he|she|they|it|this|these|those|that|his|her|their|its|but|however|and|also|yet|so|then|still|moreover|furthermore|instead|there|such|both|the two|the latter|the former|some|others|one said|nor|indeed|likewise|similarly|otherwise|thus|therefore|hence|true,)(?=\W)/i;
/** A quantifier standing for the noun of the sentence before: "The service attended 37 fires this
 * year. Most started while a battery was charging." ("Most residents…" names its noun.) */
const QUANTIFIER_SUBJECT = new RegExp(
  `^["“]?(?:most|many|several|all|few|none|half|neither|each|either)\\s+(?:of (?:them|these|those)\\b|(?:${FINITE_VERBS.join("|")})\\b|\\p{Ll}+ed\\b)`,
  "iu",
);
/** "A very different story", "a different picture" with nothing after it to differ from: it differs
 * from the sentence before ("…the success story Northgate likes to tell. On Monday the company
 * had a very different story to tell."). */
const DIFFERS_FROM_BEFORE =
  /\b(?:a|an)\s+(?:(?:very|quite|rather|completely|entirely|starkly|markedly)\s+)?different\s+(?:story|picture|tune|view|account|message|tone|matter)\b(?![^.]*\b(?:from|than)\b)/i;
/** "The claims", "these allegations": what was claimed is in the sentences before ("…told the
 * Herald that staff had warned managers. Kestrel declined to comment on the claims."), unless the
 * sentence says it ("the claims that…", "the allegations by…"). */
const SHELL_NOUN =
  /\b(?:the|these|those|such)\s+(?:claims?|allegations?|accusations?|remarks|assertions?|suggestions?)\b(?!\s+(?:that|of|by|from|about|against)\b)/i;
/** A quotation whose speaker is only a pronoun ("…,” he said.) needs the sentence naming them. */
const PRONOUN_SPEAKER = /["”],?\s+(he|she|they)\s+(said|says|added|told|warned|asked)\b/i;
/** A sentence that is one quotation and nothing else ("“We are sorry.”") was spoken by whoever
 * the sentence before names: shown elsewhere, it would read as the last speaker's. */
const BARE_QUOTATION = /^\s*(?:“[^“”]+”|"[^"]+")\s*$/;
/** "A camera had matched his face": a person named only by a pronoun, with no name before it in
 * the sentence, is whoever the sentence before named. A name is a capital after the first word, or
 * a first word the story's texts use as a name mid-sentence and never in lower case ("Franklin
 * complained about the strain… his absence"). */
function unnamedPerson(text: string, names: Set<string>, common: Set<string>): boolean {
  const m = /\b(?:he|she|him|his|her)\b/.exec(text);
  if (!m) return false;
  const before = text.slice(0, m.index);
  if (/\s\p{Lu}/u.test(before)) return false;
  const first = /^["“'‘]?(\p{Lu}[\p{L}'’-]*)/u.exec(before)?.[1];
  return !(first && names.has(first) && !common.has(first.toLowerCase()));
}

/** "Wendt could not be reached for comment." after "…the head of procurement, Lars Wendt, had
 * been placed on leave": the surname a sentence opens with, when the sentence before gave it in
 * full (the person just introduced), else null. `common`: the story's words in lower case. */
export function surnameOf(text: string, previous: string, common: Set<string>): string | null {
  const surname = openingSurname(text, common);
  return surname !== null && fullNameOf(surname).test(previous) ? surname : null;
}

/** The capitalised word a sentence opens with when it may be a surname ("Wendt could not…"): not
 * a word the story also writes in lower case ("The", "Officials"). */
export function openingSurname(text: string, common: Set<string>): string | null {
  const m = /^["“'‘]?(\p{Lu}[\p{Ll}'’-]+)\s+\p{Ll}/u.exec(text);
  return m && !common.has(m[1]!.toLowerCase()) ? m[1]! : null;
}

/** A name ending in the surname: "Sanna Koivisto", "Dr. Koivisto". */
export function fullNameOf(surname: string): RegExp {
  return new RegExp(`\\p{Lu}[\\p{L}.'’-]*\\s+${surname}(?![\\p{L}-])`, "u");
}

/** A surname introduced by the sentence before (see surnameOf) of someone no other report of the
 * story names: a minor figure, whom the brief will not have introduced elsewhere. The story's
 * main people (named across its reports) stand on their surname. */
function strangerBySurname(ev: Evidence, c: Candidate, before: Candidate): boolean {
  const surname = surnameOf(c.text, before.text, ev.common);
  if (surname === null) return false;
  return !ev.articles.some((a) => a.id !== c.article.id && a.text.includes(surname));
}

/** "The audit will be carried out by…" after "…signed an order for an independent audit": a
 * sentence opening with "The" and the very word the sentence before just used points back to that
 * one thing, and alone it reads as if the thing had been introduced. A change of number ("A
 * camera matched his face. The cameras scanned…") speaks of the kind, and stands. */
export function refersBack(text: string, previous: string): boolean {
  const m = /^["“'‘]?The (\p{Ll}[\p{L}-]{3,})(?![\p{L}-])/u.exec(text);
  if (!m) return false;
  return new RegExp(`(?<![\\p{L}-])${m[1]}(?![\\p{L}-])`, "iu").test(previous);
}

export interface Candidate {
  index: number;
  article: Article;
  /** The outlet this sentence counts for: a wire copy counts as its original's outlet. */
  outlet: string;
  articleOrder: number;
  position: number;
  text: string;
  tokens: Set<string>;
  numbers: string[];
  /** The figures by what each counts (see figures in tokens.ts). */
  figures: Map<string, Set<string>>;
  vector: Vector;
  norm: number;
  /** The TF-IDF vector again, unit length, as term ids in ascending order with their weights:
   * sentence-to-sentence similarity is a merge of two short arrays (no map lookups). */
  termIds: Int32Array;
  unitWeights: Float64Array;
  /** Can stand in a brief: a whole sentence of reasonable length, not page furniture. */
  eligible: boolean;
  /** Opens with a pronoun or connective that needs the sentence before it. */
  dangling: boolean;
  /** Only sentences of original articles are chosen; copies only add evidence. */
  original: boolean;
  /** A later report withdrew it (see retractions.ts): never chosen, and supports nothing. */
  retracted: boolean;
  relevance: number;
}

export interface Evidence {
  articles: Article[];
  byId: Map<string, Article>;
  outletOf: Map<string, string>;
  candidates: Candidate[];
  perArticle: Map<string, Candidate[]>;
  idf: Map<string, number>;
  centroid: Vector;
  centroidNorm: number;
  postings: Map<string, number[]>;
  /** Words the articles use in lower case (to tell ordinary opening words from names). */
  common: Set<string>;
  /** Capitalised words the articles use mid-sentence (names). */
  names: Set<string>;
  /** Articles the brief may quote: in English when any are (see buildEvidence). */
  /** The articles the brief may quote and attribute facts to (see buildEvidence). */
  quotable: Set<string>;
}

export function evidenceOutlets(articles: Article[]): Map<string, string> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outletOf = new Map<string, string>();
  for (const a of articles) {
    const original = a.duplicateOf ? byId.get(a.duplicateOf) : undefined;
    outletOf.set(a.id, original ? original.outlet : a.outlet);
  }
  return outletOf;
}

/** An article in English, or in no stated language (most feeds do not say). */
function inEnglish(article: Article): boolean {
  return article.language === null || isEnglishTag(article.language);
}

export function buildEvidence(articles: Article[]): Evidence {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outletOf = evidenceOutlets(articles);
  const candidates: Candidate[] = [];
  const perArticle = new Map<string, Candidate[]>();
  // Briefs are written in English, by English rules (speech verbs, quotation marks, verbs): when
  // some of the story's reports are in English, the others are read for their terms, not quoted.
  const english = articles.some(inEnglish);
  const briefable = articles.filter((a) => !english || inEnglish(a));
  // Opinion pieces argue a view: what they say is not told as what happened (they are listed
  // apart, see opinionPieces), unless the story has nothing else to tell it from.
  const reports = briefable.filter((a) => !a.opinion);
  const quotable = new Set((reports.length > 0 ? reports : briefable).map((a) => a.id));
  articles.forEach((article, articleOrder) => {
    const list: Candidate[] = [];
    const sentences = article.sentences.slice(0, MAX_SENTENCES_PER_ARTICLE);
    sentences.forEach((text, position) => {
      const c = makeCandidate(candidates.length, article, articleOrder, position, text);
      if (!quotable.has(article.id)) c.eligible = false;
      c.outlet = outletOf.get(article.id) ?? article.outlet;
      c.original = !(article.duplicateOf && byId.has(article.duplicateOf));
      candidates.push(c);
      list.push(c);
    });
    perArticle.set(article.id, list);
  });
  const idf = inverseFrequencies(candidates);
  const terms = [...idf.keys()];
  const termId = new Map<string, number>(terms.map((w, i) => [w, i]));
  for (const c of candidates) {
    for (const w of c.tokens) c.vector.set(w, (c.vector.get(w) ?? 0) * (idf.get(w) ?? 0));
    c.norm = norm(c.vector);
    packVector(c, termId, terms);
  }
  for (const i of retractedClaims(candidates)) {
    candidates[i]!.retracted = true;
    candidates[i]!.eligible = false;
  }
  const centroid = centroidOf(candidates, perArticle);
  const evidence: Evidence = {
    articles,
    byId,
    outletOf,
    candidates,
    perArticle,
    idf,
    centroid,
    centroidNorm: norm(centroid),
    postings: postingsOf(candidates),
    common: lowerCaseWords(candidates.map((c) => c.text)),
    names: midSentenceNames(candidates.map((c) => c.text)),
    quotable,
  };
  for (const c of candidates) {
    const before = c.position > 0 ? perArticle.get(c.article.id)![c.position - 1]! : null;
    c.dangling ||=
      unnamedPerson(c.text, evidence.names, evidence.common) ||
      (before !== null &&
        (refersBack(c.text, before.text) || strangerBySurname(evidence, c, before)));
  }
  scoreRelevance(evidence, termId);
  return evidence;
}

/** The sentence without what a page ran into its start (see RUN_IN): the brief attributes every
 * sentence itself, and the rest still stands verbatim in the article. */
export function withoutRunIn(sentence: string): string {
  for (const pattern of RUN_IN) {
    const m = pattern.exec(sentence);
    if (m) return sentence.slice(m[0].length);
  }
  // A press release's headline and subhead run into its dateline, the page's first "sentence":
  // "Microsoft Launches Beta… More Quickly REDMOND, Wash. -- Nov. 11, 2004 -- MSN today debuted…".
  // Mid-sentence, the dateline must name its place, and nothing before it may end a sentence:
  // then what precedes it is a title, not prose.
  const mid = MID_DATELINE.exec(sentence);
  if (mid && !/[.!?]["”’')]*\s/.test(sentence.slice(0, mid.index)))
    return sentence.slice(mid.index + mid[0].length);
  return sentence;
}

const DATE = String.raw`(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})`;
const PRINT_DATE = String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, )?[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}`;

/** What pages run into the start of a sentence, each seen on real news pages. */
const RUN_IN: RegExp[] = [
  // A wire dateline: "WASHINGTON (AP) -- ", "NEW DELHI, Dec. 29 (UPI) -- ", "CUZCO, Peru (Reuters)
  // - ": capitals, an optional place or date after a comma, an optional agency, then a dash.
  /^(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?\.?(?: \d{1,2})?)? *(?:\([A-Za-z][\w .&-]*\))?|\([A-Za-z][\w .&-]*\)) *(?:--|—|–|-) +(?=\S)/,
  // The same in title case, which needs its agency: "Santiago, Chile, Jan. 5 (UPI) -- ".
  /^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)*(?: \d{1,2})? *\([A-Z][\w .&-]*\) *(?:--|—|–|-) +(?=\S)/,
  // A place before a spaced colon: "Port Vila : Vanuatu's Prime Minister…".
  /^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2} : +(?=[A-Z])/,
  // A date before a dash or straight before the first word: "December 15, 2004 - The
  // consortium…", "December 23, 2004 A recently rediscovered asteroid…".
  new RegExp(`^${DATE}(?: *(?:--|—|–|-) +(?=\\S)| +(?=[A-Z]))`),
  // A section label in capitals: "FREE PRESS COLUMNIST As chief executive…", "MONEY, SOFTWARE FOR
  // FOCUS: HOPE Detroit's…" (two or more words in capitals, then one in sentence case), or a
  // label of one word: "UPDATED: LokiTorrent…".
  /^(?:[A-Z][A-Z'’&-]+[,:]? +){2,}(?=[A-Z][a-z])/,
  /^(?:UPDATED?|BREAKING|EXCLUSIVE|ANALYSIS|WATCH|VIDEO|OPINION|EDITORIAL) *: +(?=\S)/,
  // A print edition's stamp: "Friday, Dec 31, 2004,Page 16 Advertising Meet the Fockers…",
  // "Advertisement The council voted…".
  new RegExp(
    `^(?:${PRINT_DATE}[, ]*(?:Page \\w+ *)?)?(?:Advertisement|Advertising) +(?=[A-Z])|^${PRINT_DATE}[, ]*Page \\w+ +(?=[A-Z])`,
  ),
  // A byline with its outlet in capitals: "By Edward Iwata, USA TODAY Handing down…".
  /^By (?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+, (?:[A-Z][A-Z&.'’-]+ )+(?=[A-Z][a-z])/,
  // A headline in title case (small words in lower case), then the report's first words: "Intel
  // Agent Strapped to Gurney and Flown Out of Iraq… of Detainees A veteran sergeant who…".
  /^(?:(?:[A-Z][\w.'’-]*|to|of|and|or|in|on|at|by|for|with|from|as|after|over) ){5,}(?=(?:A|An|The) [a-z])/,
  // A list item's marker: "* The new MSN Search allows…".
  /^[*•·▪‣] +(?=\S)/,
];

const MID_DATELINE =
  /\s[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+)*, [A-Z][\w.]*(?: [A-Z][\w.]*)? *(?:--|—|–)(?: *[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4} *(?:--|—|–))? +(?=[A-Z])/;

/** The page's headline, perhaps after its date, run into the first sentence: "28 December 2004
 * South Asia earthquake and tsunamis A series of earthquakes…" under that headline. */
export function withoutHeadline(sentence: string, headline: string): string {
  const h = headline.trim();
  if (h.split(/\s+/).length < 3) return sentence;
  const dated = LEADING_DATE.exec(sentence);
  const rest = dated ? sentence.slice(dated[0].length) : sentence;
  if (rest.length <= h.length || rest.slice(0, h.length).toLowerCase() !== h.toLowerCase())
    return sentence;
  const after = /^\s+(?=\p{Lu})/u.exec(rest.slice(h.length));
  return after ? rest.slice(h.length + after[0].length) : sentence;
}

const LEADING_DATE = new RegExp(`^${DATE}\\s+`);

function makeCandidate(
  index: number,
  article: Article,
  articleOrder: number,
  position: number,
  sentence: string,
): Candidate {
  const text = withoutRunIn(withoutHeadline(sentence, article.headline));
  const content = contentWords(text);
  const vector: Vector = new Map();
  for (const w of content) vector.set(w, (vector.get(w) ?? 0) + 1);
  return {
    index,
    article,
    outlet: article.outlet,
    articleOrder,
    position,
    text,
    tokens: new Set(content),
    numbers: numbers(text),
    figures: figures(text),
    vector,
    norm: 0,
    termIds: EMPTY_IDS,
    unitWeights: EMPTY_WEIGHTS,
    eligible:
      (isEligible(text) || isStandfirst(text, position)) &&
      !firstPerson(text) &&
      // The verb check reads English; text written without spaces is taken as it stands.
      (hasUnspacedScript(text) || hasPredicate(text)),
    // Completed in buildEvidence, which knows the sentence before and the story's names.
    dangling:
      DANGLING.test(text) ||
      QUANTIFIER_SUBJECT.test(text) ||
      DIFFERS_FROM_BEFORE.test(text) ||
      SHELL_NOUN.test(text) ||
      PRONOUN_SPEAKER.test(text) ||
      BARE_QUOTATION.test(text),
    original: true,
    retracted: false,
    relevance: 0,
  };
}

export function isEligible(text: string): boolean {
  const tokens = textWords(text);
  if (tokens.length < MIN_WORDS || tokens.length > MAX_WORDS) return false;
  if (!/[.!?。！？]["”’')」』）]*$/.test(text)) return false;
  // A question or exclamation of the outlet's own (not in a quotation) is a teaser or an ad
  // ("Is Puerto Rico the Florida of 2004?", "The phantom of the opera is here!"), not a fact.
  if (/[!?！？][)）]?$/.test(text)) return false;
  if (BOILERPLATE.test(text) || unbalancedQuotes(text) || GLUED.test(text)) return false;
  if (STAT_LINE.test(text)) return false;
  // A table row or a spec sheet read as a sentence ("FoW: 1-137 (Hayden, 44.2 ov), 2-240…",
  // "Diameter: 2.4 m. Span: 5.0 m."): figures in a third of its words or more. Prose dense with
  // figures stays under it ("766 were between 16 and 17 years old; 226 were between 13 and 15").
  if (tokens.filter((t) => /\d/.test(t)).length >= MAX_FIGURE_SHARE * tokens.length) return false;
  const capitalised = tokens.filter((t) => /^[A-Z]/.test(t)).length;
  return capitalised / tokens.length <= MAX_CAPITALISED_SHARE;
}

/** A sentence in the first person outside quotation marks speaks in its writer's voice (a
 * speech's transcript, a press release, a column): "I intend to address the Senate today." In a
 * brief it would read as the brief's own voice. */
export function firstPerson(text: string): boolean {
  return /\b(?:I|[Ww]e|me|us|[Mm]y|[Oo]urs?|myself|ourselves)\b/.test(withoutQuotations(text));
}

/** The text with each quotation, “…” or "…", replaced by a space, as
 * `text.replace(/“[^”]*”|"[^"]*"/g, " ")` does, in one pass: that expression reads on from every
 * opening mark that no closing one follows, to the end of the text (time with the square of
 * their number: 50,000 characters of "“a“a…" took 1.3 s, 100,000 4.9 s). */
export function withoutQuotations(text: string): string {
  const parts: string[] = [];
  let from = 0;
  // Once a search for a closing mark fails, every later one would: it is not searched again.
  let curlyClosed = true;
  let straightClosed = true;
  for (let i = 0; i < text.length; i++) {
    const curly = text[i] === "“";
    if (curly ? !curlyClosed : text[i] !== '"' || !straightClosed) continue;
    const close = text.indexOf(curly ? "”" : '"', i + 1);
    if (close === -1) {
      if (curly) curlyClosed = false;
      else straightClosed = false;
      continue;
    }
    parts.push(text.slice(from, i), " ");
    from = close + 1;
    i = close;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** A listicle's figure and its caption: "11 of 14: the number of wards Marchetti won." */
const STAT_LINE = /^[\d][\d.,%]*(?:\s+(?:of|in|out of)\s+[\d.,]+)?\s*:\s/;

/** Two pieces of a page run together without a space: "…asteroid collision:So, in summary…",
 * "Have a nice day!by: The rock…". */
const GLUED = /\p{Ll}[!?:;]\p{L}|\p{Ll}\.\p{Lu}\p{Ll}/u;

/** A subheading that starts at its verb, its subject left to the headline: "Would be first black
 * woman ever tapped as secretary of state". A capitalised word after it is a name ("Will Harlow"). */
const SUBJECTLESS = new RegExp(
  `^(?:${FINITE_VERBS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join("|")}) \\p{Ll}`,
  "u",
);

/** An outlet's standfirst: a whole sentence in sentence case, without closing punctuation, in the
 * first lines of the page. It is the outlet's own summary (headlines are title case or short). */
export function isStandfirst(text: string, position: number): boolean {
  if (position >= STANDFIRST_LINES || !/\p{Ll}$/u.test(text) || BOILERPLATE.test(text))
    return false;
  if (SUBJECTLESS.test(text)) return false;
  const tokens = textWords(text);
  if (tokens.length < STANDFIRST_MIN_WORDS || tokens.length > MAX_WORDS) return false;
  const capitalised = tokens.filter((t) => /^\p{Lu}/u.test(t)).length;
  return capitalised / tokens.length <= STANDFIRST_MAX_CAPITALISED_SHARE;
}

/** Part of a quotation cut off by the sentence splitter: quotation marks that do not pair up. */
function unbalancedQuotes(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const opens = (text.match(/“/g) ?? []).length;
  const closes = (text.match(/”/g) ?? []).length;
  return straight % 2 === 1 || opens !== closes;
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);

function packVector(c: Candidate, termId: Map<string, number>, terms: string[]): void {
  if (c.norm === 0) return;
  const ids = new Int32Array(c.vector.size);
  let k = 0;
  for (const w of c.vector.keys()) ids[k++] = termId.get(w)!;
  ids.sort();
  const weights = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) weights[i] = c.vector.get(terms[ids[i]!]!)! / c.norm;
  c.termIds = ids;
  c.unitWeights = weights;
}

/** A map vector spread over the story's term ids, unit length, for dot products with candidates. */
function denseUnit(v: Vector, termId: Map<string, number>): Float64Array {
  const out = new Float64Array(termId.size);
  const n = norm(v);
  if (n === 0) return out;
  for (const [w, x] of v) {
    const id = termId.get(w);
    if (id !== undefined) out[id] = x / n;
  }
  return out;
}

function dotDense(c: Candidate, dense: Float64Array): number {
  let dot = 0;
  for (let i = 0; i < c.termIds.length; i++) dot += c.unitWeights[i]! * dense[c.termIds[i]!]!;
  return dot;
}

function inverseFrequencies(candidates: Candidate[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const c of candidates) for (const w of c.tokens) df.set(w, (df.get(w) ?? 0) + 1);
  const n = candidates.length;
  const idf = new Map<string, number>();
  for (const [w, f] of df) idf.set(w, Math.log((n + 1) / (f + 0.5)));
  return idf;
}

/** Each article contributes its mean sentence vector once, so long pages do not outvote short ones. */
function centroidOf(candidates: Candidate[], perArticle: Map<string, Candidate[]>): Vector {
  const centroid: Vector = new Map();
  for (const list of perArticle.values()) {
    const usable = list.filter((c) => c.original && c.norm > 0);
    for (const c of usable) {
      for (const [w, x] of c.vector) {
        centroid.set(w, (centroid.get(w) ?? 0) + x / c.norm / usable.length);
      }
    }
  }
  if (centroid.size === 0 && candidates.length > 0) return new Map(candidates[0]!.vector);
  return centroid;
}

function postingsOf(candidates: Candidate[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  for (const c of candidates) {
    for (const w of c.tokens) {
      const list = postings.get(w);
      if (list) list.push(c.index);
      else postings.set(w, [c.index]);
    }
  }
  return postings;
}

/** Candidates of other articles that share at least `minShared` content words with `c`. */
export function neighbours(ev: Evidence, c: Candidate, minShared = 2): Candidate[] {
  const counts = sharedCounts(ev);
  const touched: number[] = [];
  for (const w of c.tokens) {
    for (const j of ev.postings.get(w) ?? []) {
      if (counts[j] === 0) touched.push(j);
      counts[j]!++;
    }
  }
  const out: Candidate[] = [];
  for (const j of touched) {
    const other = ev.candidates[j]!;
    if (counts[j]! >= minShared && other.article.id !== c.article.id) out.push(other);
    counts[j] = 0;
  }
  return out;
}

/** One zeroed counter per candidate, reused by every neighbour search of the story. */
const counters = new WeakMap<Evidence, Uint32Array>();
function sharedCounts(ev: Evidence): Uint32Array {
  let counts = counters.get(ev);
  if (!counts) {
    counts = new Uint32Array(ev.candidates.length);
    counters.set(ev, counts);
  }
  return counts;
}

/** Cosine of two candidates' TF-IDF vectors. */
export function similarity(a: Candidate, b: Candidate): number {
  const ai = a.termIds;
  const bi = b.termIds;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) dot += a.unitWeights[i++]! * b.unitWeights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

function headlineVector(ev: Evidence): { vector: Vector; norm: number } {
  const vector: Vector = new Map();
  for (const a of ev.articles) {
    for (const w of new Set(contentWords(a.headline))) {
      vector.set(w, (vector.get(w) ?? 0) + (ev.idf.get(w) ?? 0));
    }
  }
  return { vector, norm: norm(vector) };
}

/** Support from other outlets costs a neighbour search: only this many front-runners get one. */
const SUPPORT_CANDIDATES = 80;

function scoreRelevance(ev: Evidence, termId: Map<string, number>): void {
  const headline = denseUnit(headlineVector(ev).vector, termId);
  const centroid = denseUnit(ev.centroid, termId);
  const usable = ev.candidates.filter((c) => c.eligible && c.original);
  const outlets = new Set(ev.outletOf.values());
  const single = outlets.size < 2;
  const wPosition = single ? W_POSITION_SINGLE : W_POSITION;
  const halfLife = single ? POSITION_HALF_LIFE_SINGLE : POSITION_HALF_LIFE;
  const opening = single ? null : storyOpenings(ev);
  for (const c of usable) {
    const central = dotDense(c, centroid);
    const echo = dotDense(c, headline);
    // Counted from where the article takes up the story (see storyOpenings).
    const from = opening?.get(c.article.id) ?? 0;
    const position = c.position < from ? 0 : 0.5 ** ((c.position - from) / halfLife);
    c.relevance =
      W_CENTRAL * central +
      wPosition * position +
      W_HEADLINE * echo +
      (c.articleOrder === 0 ? FIRST_REPORT_BONUS : 0);
  }
  if (single) return;
  const front = usable
    .slice()
    .sort((a, b) => b.relevance - a.relevance || a.index - b.index)
    .slice(0, SUPPORT_CANDIDATES);
  for (const c of front) c.relevance += (W_SUPPORT * supportScore(ev, c)) / (outlets.size - 1);
}

/** Per article, where it takes up the story: the position of its first sentence that shares two
 * content words with a sentence of another outlet (Infinity when none does), or 0 when that is
 * among its first LATE_OPENING. The position prior ("news puts the essentials first") holds from
 * there: a press briefing that joined the story for one exchange opens on the roads and the
 * budget, and those first sentences are not the story's essentials. */
function storyOpenings(ev: Evidence): Map<string, number> {
  const openings = new Map<string, number>();
  for (const [id, list] of ev.perArticle) {
    const first = list.find((c) => neighbours(ev, c).some((o) => o.outlet !== c.outlet));
    const at = first ? first.position : Number.POSITIVE_INFINITY;
    openings.set(id, at < LATE_OPENING ? 0 : at);
  }
  return openings;
}

/** Sum over other outlets of the best similarity of one of their sentences to `c`. */
function supportScore(ev: Evidence, c: Candidate): number {
  const best = new Map<string, number>();
  for (const o of neighbours(ev, c)) {
    if (o.outlet === c.outlet) continue;
    const s = similarity(c, o);
    if (s > (best.get(o.outlet) ?? 0)) best.set(o.outlet, s);
  }
  let support = 0;
  for (const s of best.values()) support += s;
  return support;
}

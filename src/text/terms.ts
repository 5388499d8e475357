// Tokenising, stop words, a light plural stemmer, a cheap named-entity heuristic and term weights.
// Shared by clustering (src/stories) and anything else that needs bag-of-words features.
import { wholeCharacterEnd } from "./shorten.ts";

/** Words too common to say anything about a story. Kept short: rare-term weighting does the rest. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are aren as at be because been before " +
    "being below between both but by can could did do does doing don down during each few for from " +
    "further had has have having he her here hers herself him himself his how i if in into is isn it " +
    "its itself just let ll me more most my myself no nor not now of off on once only or other our " +
    "ours ourselves out over own re said same say says she should so some such than that the their " +
    "theirs them themselves then there these they this those through to too under until up us ve very " +
    "was we were what when where which while who whom why will with would you your yours yourself " +
    "yourselves s t d m new one two year years told according mr mrs ms may might must shall get got " +
    "like make made many much last first week day days time people via per still even back well way " +
    "since around another"
  ).split(" "),
);

// Runs of letters or digits (any script); apostrophes and hyphens split words.
const WORD = /[\p{L}\p{N}]+/gu;

// Scripts written without spaces between words, where WORD would take a whole clause as one token.
// Hangul uses spaces, so Korean stays with WORD.
export const UNSPACED_SCRIPTS =
  "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}";
export const HAS_UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, "u");
/** Longest run of unspaced script the run patterns below match at once: V8's regular expressions
 * run out of stack on a run of a few million characters (4,000,000 of Chinese threw a RangeError,
 * and a 10 MB page in GB18030 holds 5 million). A longer run is taken in pieces this long, each
 * ending where the limit falls, perhaps inside a word; no real article has a run this long. */
export const MAX_UNSPACED_RUN = 100_000;
/** The body of a run, after its first character (see UNSPACED_RUN_OR_WORD). */
export const UNSPACED_RUN_REST = `[${UNSPACED_SCRIPTS}ー\\P{L}]{0,${MAX_UNSPACED_RUN - 1}}`;
// In text that has them: a run that starts in one of those scripts and goes on through them and
// anything but letters of other scripts (digits, punctuation, spaces), so a passage takes one
// segmenter call rather than one per clause, which halves the cost; or else a WORD token.
const UNSPACED_RUN_OR_WORD = new RegExp(
  `([${UNSPACED_SCRIPTS}]${UNSPACED_RUN_REST})|[[\\p{L}\\p{N}]--[${UNSPACED_SCRIPTS}]]+`,
  "gv",
);
const KATAKANA_WORD = /^[\p{sc=Katakana}ー]+$/u;
// Fullwidth ASCII (ＪＲ, ２０２４) is common in Japanese and Chinese text; folded so it meets ASCII.
const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/g;

/** Whether the text has words of a script written without spaces (Chinese, Japanese, Thai…), where
 * counting spaces does not count words. */
export function hasUnspacedScript(text: string): boolean {
  return HAS_UNSPACED.test(text);
}

// Intl.Segmenter is the ICU dictionary word segmenter shipped with Node, so no dependency is needed.
// ICU picks its dictionary by script, not by locale ("zh", "ja", "th" and "en" give the same words
// for all these scripts), so one instance serves them all. Built on first use: it is not cheap.
let wordSegmenter: Intl.Segmenter | undefined;

/** A text's words as a reader counts them: its space-separated pieces, or, in Chinese, Japanese or
 * Thai, the words tokenize finds (spaces there separate phrases at most). */
export function textWords(text: string): string[] {
  return hasUnspacedScript(text) ? tokenize(text) : text.split(/\s+/).filter(Boolean);
}

/** Lowercased word tokens, stop words included (fingerprints want every word). */
export function tokenize(text: string): string[] {
  // The fast path, for text with no unspaced script: clustering speed depends on it.
  if (!HAS_UNSPACED.test(text)) return text.toLowerCase().match(WORD) ?? [];
  const folded = text
    .toLowerCase()
    .replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const out: string[] = [];
  for (const m of folded.matchAll(UNSPACED_RUN_OR_WORD)) {
    if (m[1] === undefined) out.push(m[0]);
    else for (const [start, end] of segmentedSpans(m[1], 0, WORD)) out.push(m[1].slice(start, end));
  }
  return out;
}

/**
 * The words ICU finds in a run of unspaced script, as [start, end) places (offset by `at`); what
 * lies between them (digits, and ① or ² that ICU does not count as words) is split by
 * `otherWords`. ICU cuts a katakana name at a dictionary prefix (マクロ|ン for Macron, プー|チン); an
 * unbroken katakana run is a loanword or a name, so its pieces are joined back into one word.
 * Clustering's tokens and search's words both come from here.
 */
export function* segmentedSpans(
  run: string,
  at: number,
  otherWords: RegExp,
): Generator<[number, number]> {
  wordSegmenter ??= new Intl.Segmenter("und", { granularity: "word" });
  // A katakana word, held back while the next segment may continue it.
  let katakana: [number, number] | null = null;
  for (const [from, to] of segmentPieces(run)) {
    for (const { segment, index, isWordLike } of wordSegmenter.segment(run.slice(from, to))) {
      const start = at + from + index;
      const unspaced = HAS_UNSPACED.test(segment);
      const katakanaWord = unspaced && isWordLike && KATAKANA_WORD.test(segment);
      if (katakana !== null && !katakanaWord) {
        yield katakana;
        katakana = null;
      }
      if (!unspaced) {
        for (const m of segment.matchAll(otherWords)) {
          yield [start + m.index, start + m.index + m[0].length];
        }
      } else if (katakanaWord) {
        if (katakana === null) katakana = [start, start + segment.length];
        else katakana[1] += segment.length;
      } else if (isWordLike) yield [start, start + segment.length];
    }
  }
  if (katakana !== null) yield katakana;
}

/** Longest piece of a run given to the segmenter at once: its time grows faster than the length
 * of its input (a page of 80,000 Japanese characters took 9 s whole, 80 ms in pieces). */
const MAX_SEGMENTED = 2_000;
/** Characters after which ICU starts a new word whatever follows, so a run cut there gives the
 * same words as whole (as checked on runs of the testdata's Chinese, Japanese and Thai). */
const SEGMENT_CUT = /[\s。、！？，]/u;

/** The pieces of a run, [start, end) each, for the segmenter: at most MAX_SEGMENTED long, cut
 * after a SEGMENT_CUT character in the last half of a piece, or else where the piece is full
 * (outside a surrogate pair), which may cut a word of a run that long without one. */
export function* segmentPieces(run: string): Generator<[number, number]> {
  for (let from = 0; from < run.length; ) {
    let to = Math.min(run.length, from + MAX_SEGMENTED);
    if (to < run.length) {
      let cut = to;
      while (cut > from + MAX_SEGMENTED / 2 && !SEGMENT_CUT.test(run[cut - 1]!)) cut--;
      if (cut > from + MAX_SEGMENTED / 2) to = cut;
      else to = wholeCharacterEnd(run, to);
    }
    yield [from, to];
    from = to;
  }
}

/** Shortest word kept as a content term: single letters are noise (but see isHanWord). */
const MIN_TERM_LENGTH = 2;

/** Function words of Chinese, Japanese and Thai that the segmenter returns as words; kept short,
 * like STOP_WORDS. Japanese grammar written in hiragana is dropped by isUnspacedFunctionWord instead. */
const UNSPACED_STOP_WORDS: ReadonlySet<string> = new Set(
  // Chinese: particles, prepositions, pronouns, "said"; 年 月 日 (dates) in Chinese and Japanese.
  (
    "的 了 在 是 和 与 及 也 就 将 被 对 于 而 或 这 那 有 为 之 其 等 中 他 她 说 称 表示 他们 我们 " +
    "到 从 一个 已经 年 月 日 " +
    // Japanese kanji that read as function words: 述(べた) "said", 氏 (Mr/Ms), 同 "the same".
    "述 氏 同 " +
    // Thai: that, and, of, in, can, give, that (said), will, -ing, be, have, with, from, by, not.
    "ที่ และ ของ ใน ได้ ให้ ว่า จะ การ เป็น มี กับ จาก โดย ไม่"
  ).split(" "),
);

/** The first code unit of every unspaced script (Thai, U+0E00): below it no token needs a look. */
const FIRST_UNSPACED_CODE = 0x0e00;
const HAN_CHARACTER = /^\p{sc=Han}$/u;
const HIRAGANA_ONLY = /^\p{sc=Hiragana}+$/u;

/** A single Han character is often a word of its own (都 "metropolis", 市 "city", 党 "party"),
 * unlike a single letter or a single kana, so it is kept as a content term. */
function isHanWord(token: string): boolean {
  return (
    token.charCodeAt(0) >= FIRST_UNSPACED_CODE &&
    HAN_CHARACTER.test(token) &&
    !UNSPACED_STOP_WORDS.has(token)
  );
}

/** A function word of an unspaced script. Japanese news writes content in kanji and katakana, and
 * grammar (particles の は を, endings した される, など こと) in hiragana, so a hiragana-only token
 * is dropped, at the cost of a rare hiragana noun (けが "injury"). */
function isUnspacedFunctionWord(token: string): boolean {
  return UNSPACED_STOP_WORDS.has(token) || HIRAGANA_ONLY.test(token);
}

/** Light plural stemming, so "elections" and "election" meet; no dictionary, no lemmatiser. */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  if (word.endsWith("ies") && n > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  const before = word.charCodeAt(n - 2);
  if (before === 115 /* s */ || before === 117 /* u */ || before === 105 /* i */) return word;
  return word.slice(0, -1);
}

function isDigits(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Content terms: tokens without stop words, too-short words or bare numbers shorter than a year. */
export function contentTerms(text: string): string[] {
  return contentTermsOf(tokenize(text));
}

/** contentTerms of text already tokenized. */
export function contentTermsOf(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (token.length < MIN_TERM_LENGTH) {
      if (!isHanWord(token)) continue;
    } else if (STOP_WORDS.has(token)) continue;
    else if (token.charCodeAt(0) >= FIRST_UNSPACED_CODE && isUnspacedFunctionWord(token)) continue;
    if (token.length < 4 && isDigits(token)) continue;
    out.push(stem(token));
  }
  return out;
}

/** Adjacent pairs of content terms, "a_b": phrases ("white_house") are far rarer than their words. */
export function bigrams(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < terms.length; i++) out.push(`${terms[i - 1]}_${terms[i]}`);
  return out;
}

// A capitalised word: an uppercase letter then letters, digits, apostrophes or dots ("McCain", "U.S.").
const CAPITALISED = /^\p{Lu}[\p{L}\p{N}'’.]*$/u;
const HAS_CAPITAL = /\p{Lu}/u;
const CLAUSE_END = /[,;)]$/;
const SENTENCE_END = /[.!?:"“”]$/;
/** Full stops that end an abbreviation, not a sentence: a title before a name ("Mr. Smith"), an
 * initial, a dotted acronym ("U.S. Senate"). */
const ABBREVIATION =
  /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|St)\.|(?:\p{Lu}\.)+)$/u;
/** Longest run of capitalised words taken as one name ("Hillary Rodham Clinton", "New York Stock
 * Exchange"). */
const MAX_NAME_WORDS = 4;
/** Capitalised words that open sentences or headlines without naming anything. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  "The A An In On At For But And Or If As It He She They We I This That These Those His Her Their Its Our After Before When While With From By To Of Mr Mrs Ms Dr".split(
    " ",
  ),
);

/**
 * Named entities by a cheap heuristic: runs of capitalised words, joined with "_" and lowercased
 * ("Condoleezza Rice" -> "condoleezza_rice"). A single capitalised word that opens a sentence is
 * skipped (it is capitalised for grammar, not because it is a name). Lowercased text yields nothing,
 * which is the right answer for data that lost its capitals.
 */
export function capitalisedEntities(text: string): string[] {
  const out: string[] = [];
  if (!HAS_CAPITAL.test(text)) return out;
  let run: string[] = [];
  let runAtStart = false;
  let atSentenceStart = true;
  const flush = () => {
    // A longer run is a Title Case heading ("Delta 4 Heavy Ready For Launch"), not a name: as one
    // token it would match nothing, so it is left to the word features.
    if (run.length > MAX_NAME_WORDS) run = [];
    if (run.length > 1 || (run.length === 1 && !runAtStart)) out.push(run.join("_"));
    run = [];
  };
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(/^[("“'‘]+|[)"”'’,;:.!?]+$/g, "");
    const first = word.charCodeAt(0);
    const maybeCapital = (first >= 65 && first <= 90) || first > 127;
    if (
      maybeCapital &&
      word.length > 1 &&
      CAPITALISED.test(word) &&
      !(run.length === 0 && NOT_NAMES.has(word))
    ) {
      if (run.length === 0) runAtStart = atSentenceStart;
      run.push(stem(word.toLowerCase().replace(/[.'’]/g, "")));
    } else {
      flush();
    }
    atSentenceStart =
      raw === "" ? atSentenceStart : SENTENCE_END.test(raw) && !ABBREVIATION.test(raw);
    if (atSentenceStart || CLAUSE_END.test(raw)) flush();
  }
  flush();
  return out;
}

/** Sublinear term frequency: the tenth mention of a word is worth less than the second. */
export function sublinearTf(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

/** Smoothed inverse document frequency from a running count: rare terms weigh more, never below 1. */
export function idf(documentFrequency: number, documentCount: number): number {
  return 1 + Math.log((documentCount + 1) / (documentFrequency + 1));
}

/** Counts of each item, in first-seen order. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

// Search terms: what full-text search matches on, the same on SQLite and PostgreSQL (see
// store/search.ts). Their own tokenizers disagree (on Indic vowel signs, accents, stop words), so
// both index these terms whole and search them by the same functions.
import porter2 from "wink-porter2-stemmer";
import { HAS_UNSPACED, segmentedSpans, UNSPACED_RUN_REST, UNSPACED_SCRIPTS } from "./terms.ts";

// A letter or digit, then letters, digits and combining marks: Indic vowel signs and viramas are
// marks, and WORD would cut हिंदी into ह and द. Joiners are kept inside a word (Bengali, Persian
// and Malayalam write them there), then dropped from its term.
const SEARCH_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200C\u200D]*/gu;
// As UNSPACED_RUN_OR_WORD, with SEARCH_WORD's marks and joiners in the words of other scripts.
const UNSPACED_RUN_OR_SEARCH_WORD = new RegExp(
  `([${UNSPACED_SCRIPTS}]${UNSPACED_RUN_REST})|[[\\p{L}\\p{N}]--[${UNSPACED_SCRIPTS}]][[\\p{L}\\p{M}\\p{N}\\u200C\\u200D]--[${UNSPACED_SCRIPTS}]]*`,
  "gv",
);
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const ASCII_LETTERS = /^[a-z]+$/;
/** Accents of Latin letters, once decomposed; the marks of other scripts are letters of the word. */
const LATIN_MARKS = /(?<=\p{sc=Latin})\p{M}+/gu;
/** Arabic short vowels, shadda and hamza marks, Hebrew points and cantillation, and the Arabic
 * tatweel (a stretch of the line): optional marks that most text and nearly every query leave
 * out, as readers leave out accents. (Arabic by script extension, as its vowels are of the
 * Inherited script; Hebrew by script, as the Inherited diaeresis of ё and ü extends to Hebrew.)
 * Indic vowel signs are not among them: they are letters. */
const OPTIONAL_SEMITIC_MARKS = /(?=\p{M})[\p{scx=Arabic}\p{sc=Hebrew}]|\u0640/gu;
const JOINERS = /[\u200C\u200D]/g;
/** Latin letters with a stroke or without a dot, which decomposition leaves whole. */
const UNDECOMPOSED_LATIN: Readonly<Record<string, string>> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  ı: "i",
};
const UNDECOMPOSED_LATIN_LETTER = /[łøđħı]/g;
/** Longer terms are dropped: noise, and PostgreSQL refuses a lexeme over 2,047 bytes. */
const MAX_SEARCH_TERM_LENGTH = 200;
/** Stems seen lately: words repeat, and stemming is most of the cost of a term. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

function stemmed(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    s = porter2(word);
    stems.set(word, s);
  }
  return s;
}

function pushTerm(term: string, out: string[]): void {
  if (term.length > MAX_SEARCH_TERM_LENGTH) return;
  out.push(ASCII_LETTERS.test(term) ? stemmed(term) : term);
}

/** The search terms of one word as written: lower-cased, compatibility forms folded (ＪＲ, ½, ﬁ),
 * Latin accents and Arabic and Hebrew vowel points removed, English words stemmed. Usually one; none or several where folding
 * makes them (½ is 1 and 2). */
export function pushSearchTerms(word: string, out: string[]): void {
  if (ASCII_WORD.test(word)) {
    pushTerm(word.toLowerCase(), out);
    return;
  }
  const folded = word
    .normalize("NFKD")
    .toLowerCase()
    .replace(LATIN_MARKS, "")
    .replace(OPTIONAL_SEMITIC_MARKS, "")
    .replace(JOINERS, "")
    .replace(UNDECOMPOSED_LATIN_LETTER, (c) => UNDECOMPOSED_LATIN[c] ?? c)
    .normalize("NFC");
  for (const m of folded.matchAll(SEARCH_WORD)) pushTerm(m[0], out);
}

/** A word of a text as search reads it: its place in the text, [start, end) in UTF-16 units. */
export interface SearchWordSpan {
  start: number;
  end: number;
}

/** The words of a text as search reads them, in order: SEARCH_WORD runs, and in Chinese, Japanese
 * or Thai the words ICU finds, as tokenize cuts them. Lazy: a snippet reads only as far as it needs
 * (ICU takes about 2 ms per 1,000 characters). */
export function* searchWordSpans(text: string): Generator<SearchWordSpan> {
  if (!HAS_UNSPACED.test(text)) {
    for (const m of text.matchAll(SEARCH_WORD))
      yield { start: m.index, end: m.index + m[0].length };
    return;
  }
  for (const m of text.matchAll(UNSPACED_RUN_OR_SEARCH_WORD)) {
    if (m[1] === undefined) yield { start: m.index, end: m.index + m[0].length };
    else
      for (const [start, end] of segmentedSpans(m[1], m.index, SEARCH_WORD)) yield { start, end };
  }
}

/** The search terms of a text, in order, repeats kept (they count in ranking). */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const { start, end } of searchWordSpans(text)) pushSearchTerms(text.slice(start, end), out);
  return out;
}

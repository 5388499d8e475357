import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { searchTerms, searchWordSpans } from "./search-terms.ts";
import { MAX_UNSPACED_RUN, segmentPieces, tokenize } from "./terms.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");
const FIRE_A = fixture("ja-library-fire-a.txt");
const CRUISE = fixture("ja-cruise-ship.txt");
const METRO_A = fixture("zh-metro-a.txt");
const LANDSLIDE = fixture("zh-landslide.txt");

test("search terms fold case, Latin accents and compatibility forms, and stem English", () => {
  assert.deepEqual(searchTerms("Cafés in São Paulo"), ["cafe", "in", "sao", "paulo"]);
  assert.deepEqual(searchTerms("cafe sao paulo"), ["cafe", "sao", "paulo"]);
  assert.deepEqual(searchTerms("Łódź, Øresund, Diyarbakır, İstanbul"), [
    "lodz",
    "oresund",
    "diyarbakir",
    "istanbul",
  ]);
  assert.deepEqual(searchTerms("The volcano erupted; it erupts"), [
    "the",
    "volcano",
    "erupt",
    "it",
    "erupt",
  ]);
  assert.deepEqual(searchTerms("ＪＲ ﬁnance ½"), ["jr", "financ", "1", "2"]);
  assert.deepEqual(searchTerms("x86 mp3 2024"), ["x86", "mp3", "2024"]);
});

test("search terms keep the marks of other scripts inside their words", () => {
  // Vowel signs and viramas are combining marks: tokenize cuts these words apart.
  assert.deepEqual(searchTerms("हिन्दी में बारिश"), ["हिन्दी", "में", "बारिश"]);
  assert.deepEqual(searchTerms("ঢাকায় বৃষ্টি"), ["ঢাকায়", "বৃষ্টি"]);
  assert.deepEqual(searchTerms("Αθήνα Москва ёлка"), ["αθήνα", "москва", "ёлка"]);
  // A joiner inside a word is written or left out by habit; the word is the same.
  assert.deepEqual(searchTerms("می\u200cخواهم"), searchTerms("میخواهم"));
  assert.deepEqual(searchTerms("図書館で火災"), ["図書館", "で", "火災"]);
  assert.deepEqual(searchTerms("ข่าวภาษาไทย"), ["ข่าว", "ภาษา", "ไทย"]);
});

test("search terms drop Arabic and Hebrew vowel points, which queries leave out", () => {
  assert.deepEqual(searchTerms("مُحَمَّد"), searchTerms("محمد"));
  assert.deepEqual(searchTerms("العـــربية"), searchTerms("العربية"));
  assert.deepEqual(searchTerms("שָׁלוֹם"), searchTerms("שלום"));
  assert.deepEqual(searchTerms("שלום"), ["שלום"]);
  // Alef with hamza finds bare alef, as Arabic search engines fold them (most typing leaves the
  // hamza out); Russian ё and German ü keep their Latin and Cyrillic treatment.
  assert.deepEqual(searchTerms("أمل"), searchTerms("امل"));
  assert.deepEqual(searchTerms("ёлка über"), ["ёлка", "uber"]);
});

test("search word spans are the words of the text as written", () => {
  const text = "「ＪＲ東日本」のマクロン氏, São Paulo!";
  assert.deepEqual(
    [...searchWordSpans(text)].map((w) => text.slice(w.start, w.end)),
    ["ＪＲ", "東日本", "の", "マクロン", "氏", "São", "Paulo"],
  );
});

test("a long page of Chinese or Japanese is segmented in short pieces, into its sentences' words", () => {
  // One paragraph, no line breaks: only full stops and commas to cut it at. Given whole to the
  // segmenter, whose time grows faster than its input, 120,000 characters took 20 s; in pieces,
  // 0.1 s.
  const sentences = [FIRE_A, CRUISE, METRO_A, LANDSLIDE]
    .join("")
    .replace(/\s/g, "")
    .split(/(?<=。)/u);
  const page: string[] = [];
  let length = 0;
  for (let i = 0; length < 120_000; i++) {
    page.push(sentences[i % sentences.length]!);
    length += page.at(-1)!.length;
  }
  const whole = page.join("");
  const pieces = [...segmentPieces(whole)];
  assert.equal(pieces.at(-1)![1], whole.length);
  // What the segmenter is given, by search and by clustering.
  const given: number[] = [];
  const segment = Intl.Segmenter.prototype.segment;
  Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
    given.push(input.length);
    return segment.call(this, input);
  };
  try {
    [...searchWordSpans(whole)];
    tokenize(whole);
  } finally {
    Intl.Segmenter.prototype.segment = segment;
  }
  assert.ok(given.length >= 2 * pieces.length);
  assert.ok(Math.max(...given) <= 2_000, `${Math.max(...given)} characters at once`);

  const expectedSpans: string[] = [];
  let at = 0;
  for (const s of page) {
    for (const w of searchWordSpans(s)) expectedSpans.push(`${at + w.start}-${at + w.end}`);
    at += s.length;
  }
  assert.deepEqual(
    [...searchWordSpans(whole)].map((w) => `${w.start}-${w.end}`),
    expectedSpans,
  );
  // Clustering's tokens too.
  assert.deepEqual(
    tokenize(whole),
    page.flatMap((s) => tokenize(s)),
  );
});

test("a run of unspaced script millions of characters long is read, in runs of MAX_UNSPACED_RUN", () => {
  // Matched whole, a run of 4,000,000 characters (Chinese, or as here two words apart) ran V8's
  // regular expressions out of stack: a RangeError stored no article and clustered none.
  const text = `市${" ".repeat(4_000_000)}市场`;
  assert.deepEqual(tokenize(text), ["市", "市场"]);
  assert.deepEqual(
    [...searchWordSpans(text)].map((w) => [w.start, w.end]),
    [
      [0, 1],
      [text.length - 2, text.length],
    ],
  );
  // Matched in runs of MAX_UNSPACED_RUN: the two words and the spaces are more than two.
  assert.ok(text.length > 2 * MAX_UNSPACED_RUN);
});

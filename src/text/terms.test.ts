import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { bigrams, capitalisedEntities, contentTerms, idf, stem, tokenize } from "./terms.ts";

test("tokenize lowercases and splits on anything but letters and digits", () => {
  assert.deepEqual(tokenize("Élan, U.S.-led 2024!"), ["élan", "u", "s", "led", "2024"]);
});

test("content terms drop stop words, short numbers and plurals", () => {
  assert.deepEqual(contentTerms("The elections in 12 countries of 2024 were famous"), [
    "election",
    "country",
    "2024",
    "famous",
  ]);
  assert.equal(stem("glasses"), "glass");
  assert.equal(stem("bus"), "bus");
  assert.deepEqual(bigrams(["white", "house", "press"]), ["white_house", "house_press"]);
});

test("capitalised runs are entities; a lone sentence opener is not", () => {
  assert.deepEqual(
    capitalisedEntities(
      "Later, Condoleezza Rice met Colin Powell in Washington. Officials said so.",
    ),
    ["condoleezza_rice", "colin_powell", "washington"],
  );
  assert.deepEqual(capitalisedEntities("all lowercase text has none"), []);
});

test("a name after a title or a dotted acronym is still a name", () => {
  assert.deepEqual(capitalisedEntities("Officials met Mr. Okafor and Dr. Lind in Riverton."), [
    "okafor",
    "lind",
    "riverton",
  ]);
  assert.deepEqual(capitalisedEntities("The bill went to the U.S. Senate."), ["us_senate"]);
});

test("a Title Case heading is not one long name", () => {
  assert.deepEqual(
    capitalisedEntities(
      "Delta 4 Heavy Ready For Demonstration Launch. Boeing said Delta IV Heavy flies.",
    ),
    ["delta_iv_heavy"],
  );
});

test("idf favours rare terms and never drops below 1", () => {
  assert.ok(idf(1, 1000) > idf(100, 1000));
  assert.ok(idf(1000, 1000) >= 1);
});

// Unspaced scripts: fixtures are invented reports of invented events, two wordings of each.
const fixture = (name: string) =>
  readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");
const FIRE_A = fixture("ja-library-fire-a.txt");
const FIRE_B = fixture("ja-library-fire-b.txt");
const CRUISE = fixture("ja-cruise-ship.txt");
const METRO_A = fixture("zh-metro-a.txt");
const METRO_B = fixture("zh-metro-b.txt");
const LANDSLIDE = fixture("zh-landslide.txt");

function sharedTerms(a: string, b: string): string[] {
  const inB = new Set(contentTerms(b));
  return [...new Set(contentTerms(a))].filter((t) => inB.has(t));
}

test("Japanese and Chinese clauses are split into words", () => {
  assert.deepEqual(
    tokenize("川端市の森田健一市長は記者会見で辞任を表明した"),
    "川端 市 の 森田 健一 市長 は 記者 会見 で 辞任 を 表明 した".split(" "),
  );
  assert.deepEqual(
    tokenize("青川市市长王立新周六在车站发表讲话"),
    "青 川 市 市长 王立 新 周六 在 车站 发表 讲话".split(" "),
  );
});

test("Thai is split into words", () => {
  const words = tokenize(fixture("th-park.txt"));
  for (const w of ["เทศบาล", "ประกาศ", "สวน", "สาธารณะ", "แม่น้ำ", "เสาร์"])
    assert.ok(words.includes(w), w);
});

test("mixed text: other scripts keep their regex tokens, fullwidth ASCII meets ASCII", () => {
  assert.deepEqual(
    tokenize("ＪＲ東日本は２０２４年、U.S.-led iPhone15を発売"),
    "jr 東日本 は 2024 年 u s led iphone15 を 発売".split(" "),
  );
  // Digits and symbols between unspaced words come out as the regex gives them.
  assert.deepEqual(tokenize("気温は3.5度、①番線"), "気温 は 3 5 度 ① 番線".split(" "));
  // Hangul has spaces between words and is left to the regex.
  assert.deepEqual(tokenize("서울 시장이 東京を訪問"), ["서울", "시장이", "東京", "を", "訪問"]);
});

test("a katakana name cut at a dictionary prefix is joined back", () => {
  // ICU alone gives マクロ|ン and ジョー|・|バイ|デ|ン.
  assert.deepEqual(tokenize("マクロン大統領"), ["マクロン", "大統領"]);
  assert.deepEqual(tokenize("ジョー・バイデン氏"), ["ジョー", "バイデン", "氏"]);
});

test("content terms keep single Han words, drop hiragana grammar and function words", () => {
  assert.deepEqual(contentTerms("東京都の知事は２０日、会見で辞任を表明した"), [
    "東京",
    "都",
    "知事",
    "会見",
    "辞任",
    "表明",
  ]);
  assert.deepEqual(contentTerms("市长在车站发表了讲话"), ["市长", "车站", "发表", "讲话"]);
  for (const token of tokenize(FIRE_A + METRO_A)) {
    if (!/[a-z]$/.test(token)) assert.equal(stem(token), token);
  }
});

test("two wordings of one event share many terms, different events almost none", () => {
  assert.ok(sharedTerms(FIRE_A, FIRE_B).length >= 15, sharedTerms(FIRE_A, FIRE_B).join(" "));
  assert.ok(sharedTerms(FIRE_A, CRUISE).length <= 3, sharedTerms(FIRE_A, CRUISE).join(" "));
  for (const name of ["川端", "図書館", "全焼", "森田", "市長"]) {
    assert.ok(sharedTerms(FIRE_A, FIRE_B).includes(name), name);
  }
  assert.ok(sharedTerms(METRO_A, METRO_B).length >= 15, sharedTerms(METRO_A, METRO_B).join(" "));
  assert.ok(sharedTerms(METRO_A, LANDSLIDE).length <= 3, sharedTerms(METRO_A, LANDSLIDE).join(" "));
});

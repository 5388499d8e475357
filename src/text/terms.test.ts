import assert from "node:assert/strict";
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

import assert from "node:assert/strict";
import { test } from "node:test";
import { findEntities } from "./entities.ts";
import { splitSentences } from "./sentences.ts";
import { sentiment } from "./sentiment.ts";

test("sentences are verbatim substrings, robust to abbreviations and quotations", () => {
  const text =
    'Dr. Smith said "Hello there. I am fine," adding that U.S. troops left.  He went home at 5 p.m. on Monday.\n\nIt\'s “great!” she said. Mr. Jones   paid $5.5 million.';
  const out = splitSentences(text);
  assert.deepEqual(out, [
    'Dr. Smith said "Hello there. I am fine," adding that U.S. troops left.',
    "He went home at 5 p.m. on Monday.",
    "It's “great!” she said.",
    "Mr. Jones   paid $5.5 million.",
  ]);
  for (const s of out) assert.ok(text.includes(s));
});

test("a full stop between digits ends no sentence", () => {
  const text =
    "The train overturned at 12.06am (AEST, 1.06am AEDT) near Bundaberg. Police said 128 people were hurt.";
  assert.deepEqual(splitSentences(text), [
    "The train overturned at 12.06am (AEST, 1.06am AEDT) near Bundaberg.",
    "Police said 128 people were hurt.",
  ]);
});

test("lines are never joined and empty input gives no sentences", () => {
  assert.deepEqual(splitSentences("Headline without a stop\nBody starts here."), [
    "Headline without a stop",
    "Body starts here.",
  ]);
  assert.deepEqual(splitSentences("  \n\n "), []);
});

test("an unbalanced quotation mark does not swallow a long page", () => {
  const text = `He said "it is fine. ${"The river rose again today. ".repeat(200)}`;
  assert.ok(splitSentences(text).length > 100);
});

test("entities: people, places and organisations without trailing punctuation", () => {
  const e = findEntities(
    "Mexican President Claudia Sheinbaum told reporters in Mexico City that the CIA was not welcome.",
  );
  assert.ok(e.people.some((p) => p.includes("Claudia Sheinbaum")));
  assert.deepEqual(e.places, ["Mexico City"]);
  assert.deepEqual(e.organizations, ["CIA"]);
});

test("sentiment is signed and bounded", () => {
  assert.ok(sentiment("This is a great and wonderful result") > 0);
  assert.ok(sentiment("This is a terrible, awful failure") < 0);
  assert.equal(sentiment(""), 0);
});

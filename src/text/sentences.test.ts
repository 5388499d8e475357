import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { findEntities } from "./entities.ts";
import { splitSentences } from "./sentences.ts";
import { sentiment } from "./sentiment.ts";
import { MAX_WINK_RUN, winkWith } from "./wink.ts";

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

test("Chinese and Japanese split after 。！？ with no space, not inside 「」", () => {
  const fire = readFileSync(new URL("./testdata/ja-library-fire-a.txt", import.meta.url), "utf8");
  assert.deepEqual(splitSentences(fire), [
    "川端市の市立図書館で火災　蔵書３万冊が焼失",
    "青葉県川端市の市立中央図書館で２０日未明、火災が発生し、木造２階建ての建物がほぼ全焼した。",
    "消防によると、けが人はいなかった。",
    "図書館には約３万冊の蔵書があり、その大半が焼けたとみられる。",
    "警察と消防が出火原因を調べている。",
    "川端市の森田健一市長は「市民の大切な財産が失われ、非常に残念だ。」と述べ、仮設の図書室を来月中に開く考えを示した。",
  ]);
  assert.deepEqual(
    splitSentences(
      "市长说：“我们准备好了。”记者提问！气温３．５度？是的。Then it rained. All day.",
    ),
    [
      "市长说：“我们准备好了。”",
      "记者提问！",
      "气温３．５度？",
      "是的。",
      "Then it rained.",
      "All day.",
    ],
  );
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

test("a sentence that opens with a figure is not joined to one ending in a figure", () => {
  assert.deepEqual(splitSentences("It was founded in 1998. 300 staff work there."), [
    "It was founded in 1998.",
    "300 staff work there.",
  ]);
});

test("a sentence that opens with a name written lower-case first is not joined to the one before", () => {
  assert.deepEqual(splitSentences("Sales fell in 2023. eBay said it would cut jobs."), [
    "Sales fell in 2023.",
    "eBay said it would cut jobs.",
  ]);
  assert.deepEqual(splitSentences("“Go!” he shouted. Smith et al. found that it held."), [
    "“Go!” he shouted.",
    "Smith et al. found that it held.",
  ]);
});

test("wink is never given a run of characters without spaces longer than MAX_WINK_RUN", () => {
  // wink's tokenizer slows with the square of such a run's length: "a-a-a-…" of 50,000
  // characters took 22 s to split into sentences, of 200,000 minutes. A paragraph holding one
  // (a row of dashes, a pasted blob) is broken for wink, and its sentences still come back
  // verbatim, in order, from the paragraph itself. (A short run here, so that without the
  // breaking the test fails rather than hangs.)
  const junk = "a-".repeat(2_500);
  const emoji = "😀".repeat(3_000);
  const paragraph = `The bridge reopened on Monday. Engineers found ${junk} cracks ${emoji} in it. She left.`;
  const given: string[] = [];
  const nlps = [winkWith().nlp, winkWith(["sbd", "negation", "sentiment"]).nlp];
  const readDocs = nlps.map((nlp) => nlp.readDoc);
  for (const [i, nlp] of nlps.entries()) {
    nlp.readDoc = (text: string) => {
      given.push(text);
      return readDocs[i]!.call(nlp, text);
    };
  }
  let out: string[];
  try {
    out = splitSentences(paragraph);
    sentiment(paragraph);
  } finally {
    for (const [i, nlp] of nlps.entries()) nlp.readDoc = readDocs[i]!;
  }
  assert.equal(given.length, 2);
  for (const text of given) {
    assert.equal(text.length, paragraph.length);
    const longest = Math.max(...text.split(/\s+/).map((run) => [...run].length));
    assert.ok(longest <= MAX_WINK_RUN, `a run of ${longest} characters`);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text), "an emoji cut in half");
  }
  assert.equal(out.length, 3);
  assert.equal(out[0], "The bridge reopened on Monday.");
  assert.equal(out[2], "She left.");
  let at = 0;
  for (const s of out) {
    at = paragraph.indexOf(s, at);
    assert.ok(at >= 0, s.slice(0, 40));
    at += s.length;
  }
  assert.ok(out[1]!.startsWith("Engineers found a-a-") && out[1]!.endsWith("😀 in it."));
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { closed } from "./assemble.ts";
import {
  attributed,
  contradiction,
  lowerCaseWords,
  lowerOpening,
  midSentenceNames,
  supportOf,
} from "./attribute.ts";
import { buildEvidence } from "./evidence.ts";
import { articleFrom, magnitudeArticles } from "./fixtures.ts";

const texts = [
  "Reservoirs across the region filled quickly this week.",
  "Officials said the reservoir was full, and Okonjo said the mayor would visit.",
  "The Port Authority said the mayor met Kestrel executives.",
];
const common = lowerCaseWords(texts);
const names = midSentenceNames(texts);

test("after 'According to X,' ordinary openings lose their capital and names keep it", () => {
  assert.equal(
    lowerOpening("The county opened a shelter.", common, names),
    "the county opened a shelter.",
  );
  assert.equal(lowerOpening("Officials said so.", common, names), "officials said so.");
  assert.equal(
    lowerOpening("Kestrel said it would pay.", common, names),
    "Kestrel said it would pay.",
  );
  assert.equal(
    lowerOpening("Okonjo said customers should act.", common, names),
    "Okonjo said customers should act.",
  );
  assert.equal(
    lowerOpening("Mayor Ilse Brandt said so.", common, names),
    "Mayor Ilse Brandt said so.",
  );
  assert.equal(lowerOpening("NASA said so.", common, names), "NASA said so.");
  assert.equal(
    lowerOpening("“Route 23 is how we get there,” she said.", new Set(["route"]), names),
    "“Route 23 is how we get there,” she said.",
    "a quotation opens with its capital",
  );
  assert.equal(lowerOpening("I was there, she said.", common, names), "I was there, she said.");
  // Never seen elsewhere: the entity tagger decides.
  assert.equal(lowerOpening("Forecasters expect rain.", common, names), "forecasters expect rain.");
});

test("a repeat attribution goes in a parenthesis before the full stop, the sentence intact", () => {
  const text = "The shelter opened at the high school on Tuesday.";
  assert.equal(
    attributed(text, ["Press Wire"], true),
    "The shelter opened at the high school on Tuesday (Press Wire).",
  );
  const quoted = "Tom Okafor said: “We are ready for tonight.”";
  assert.equal(attributed(quoted, ["Press Wire"], true), `${quoted} (Press Wire)`);
  assert.equal(
    attributed(text, ["Press Wire"], false),
    "According to Press Wire, the shelter opened at the high school on Tuesday.",
  );
});

test("figures of the same thing that differ contradict; figures of different things do not", () => {
  const pair = (first: string, second: string) => {
    const ev = buildEvidence([
      articleFrom({
        id: "v1",
        outlet: "Vellmont Wire",
        url: "https://vellmont.example/1",
        headline: "Result",
        text: first,
      }),
      articleFrom({
        id: "c1",
        outlet: "Daily Courier",
        url: "https://courier.example/1",
        headline: "Result",
        text: second,
      }),
    ]);
    const mine = ev.candidates.find((c) => c.article.id === "v1")!;
    return contradiction(ev, mine)?.text ?? null;
  };
  // An age and a vote share, with the rival's share agreed on: no disagreement.
  assert.equal(
    pair(
      "Marchetti, 43, a former head nurse, defeated Piet Halloran of Common Ground, who won 38.1 per cent of the vote.",
      "The former head nurse Marchetti took 52.4 per cent of the vote, well ahead of Common Ground's Piet Halloran on 38.1 per cent.",
    ),
    null,
  );
  // The same share reported two ways.
  const other =
    "Marchetti, a former head nurse, won the by-election with 51.9 per cent of the vote.";
  assert.equal(
    pair("Marchetti, a former head nurse, won the by-election with 52.4% of the vote.", other),
    other,
  );
});

test("the same figure written two ways (6.0 and 6) is one figure, not a contradiction", () => {
  const ev = buildEvidence(magnitudeArticles());
  const [first, second] = ev.candidates;
  assert.equal(contradiction(ev, first!)?.text ?? null, null);
  assert.deepEqual(supportOf(ev, second!).outlets.slice().sort(), [
    "Coastal Herald",
    "Valley Post",
  ]);
});

test("a sentence with its own 'according to' takes its outlets in a parenthesis", () => {
  const text =
    "The agency received its first report of a fire in April, according to incident records.";
  assert.equal(
    attributed(text, ["Civic Signal"], false),
    "The agency received its first report of a fire in April, according to incident records (Civic Signal).",
  );
  assert.equal(
    attributed(text, ["A", "B", "C"], false),
    "The agency received its first report of a fire in April, according to incident records (3 outlets).",
  );
  const naming = "The agency was told in April, according to records obtained by Civic Signal.";
  assert.equal(attributed(naming, ["Civic Signal"], false), naming, "it names its outlet itself");
});

test("a conjunction opening a sentence loses its capital after 'According to X,'; a month keeps it", () => {
  assert.equal(
    lowerOpening("May was the wettest month on record in the county.", new Set(["may"])),
    "May was the wettest month on record in the county.",
  );
  assert.equal(
    lowerOpening("Although Microsoft still dominates the market, its share is falling.", new Set()),
    "although Microsoft still dominates the market, its share is falling.",
  );
});

test("a rendered sentence without a full stop of its own gets one", () => {
  assert.equal(
    closed("The White Paper outlines plans to cut junk food ads (BBC)"),
    "The White Paper outlines plans to cut junk food ads (BBC).",
  );
  assert.equal(
    closed("“We will comply with it.” (3 outlets)"),
    "“We will comply with it.” (3 outlets).",
  );
  assert.equal(closed("He said: “We will comply.”"), "He said: “We will comply.”");
  assert.equal(closed("Shares fell 5 per cent."), "Shares fell 5 per cent.");
});

test("a fact is not credited to an opinion piece that repeats it", () => {
  const column = articleFrom({
    id: "o1",
    outlet: "The Evening Column",
    url: "https://column.example/1",
    headline: "Why the dam matters",
    text: "The Riverton dam held overnight despite the record rainfall. The council should have listened sooner.",
  });
  const ev = buildEvidence([
    articleFrom({
      id: "h1",
      outlet: "Herald",
      url: "https://herald.example/1",
      headline: "Dam holds",
      text: "The Riverton dam held overnight despite the record rainfall. Residents returned home on Wednesday.",
    }),
    { ...column, opinion: true },
  ]);
  const fact = ev.candidates.find((c) => c.article.id === "h1")!;
  assert.deepEqual(supportOf(ev, fact).outlets, ["Herald"]);
});

test("an outlet named in the sentence without being credited still gets the attribution", () => {
  const watchdog = "The Independent Office for Police Conduct said it would investigate.";
  assert.equal(
    attributed(watchdog, ["The Independent"], false),
    "According to The Independent, the Independent Office for Police Conduct said it would investigate.",
  );
  const summit = "Leaders met at the APEC summit in Lima on Friday.";
  assert.equal(
    attributed(summit, ["AP"], false),
    "According to AP, leaders met at the APEC summit in Lima on Friday.",
  );
  const credited = "The minister resigned on Friday, the Independent reported.";
  assert.equal(attributed(credited, ["The Independent"], false), credited);
  const told = "The minister told AP she would resign.";
  assert.equal(attributed(told, ["AP"], false), told);
});

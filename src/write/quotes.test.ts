import assert from "node:assert/strict";
import { test } from "node:test";
import { articleFrom } from "./fixtures.ts";
import { quoteSpans, resolveSpeaker } from "./quotes.ts";

function article(text: string) {
  return articleFrom({
    id: "q1",
    outlet: "Test Post",
    url: "https://post.example/q",
    headline: "Q",
    text,
  });
}

test("a possessive before the role names the employer: the speaker is the name after the comma", () => {
  const a = article(
    "“We are deeply sorry for what happened to our customers,” said Kestrel Pay's chief executive, Lina Sorvik, in a statement.",
  );
  const [span] = quoteSpans(a);
  assert.ok(span);
  assert.equal(resolveSpeaker(span), "Lina Sorvik");
});

test("a quotation is shown without the comma or full stop that closed it in the sentence", () => {
  const a = article(
    "National Police Commissioner Dagny Sollis said: “We will study the judgment and we will comply with it.” Opposition MPs said: “It changes everything in the U.S.”",
  );
  assert.deepEqual(
    quoteSpans(a).map((s) => s.text),
    ["We will study the judgment and we will comply with it", "It changes everything in the U.S."],
  );
});

test("a speaker's name never runs over a paragraph break", () => {
  const a = article(
    "“The scale of this breach is a matter of serious concern,” said Commissioner Oskar Lindahl.\n\nKestrel Holdings shares fell again on Tuesday.",
  );
  const [span] = quoteSpans(a);
  assert.ok(span);
  assert.equal(resolveSpeaker(span), "Commissioner Oskar Lindahl");
});

test("the speaker is the person after an employer and a title, not the employer", () => {
  const cases: Array<[string, string]> = [
    [
      "“Nobody will forget this one, not in this city,” said Mariners coach Renata Holm.",
      "Renata Holm",
    ],
    [
      "“We had chances to win it and did not take them,” said Foxes coach Dmitri Varga.",
      "Dmitri Varga",
    ],
    [
      "“We had chances to win it and did not take them,” said their coach, Dmitri Varga.",
      "Dmitri Varga",
    ],
    [
      "“Backed by our 50 years of tanker expertise, the tanker is ready,” said Boeing spokesman Doug Kennett. He said it will fly in March.",
      "Doug Kennett",
    ],
    ["“We will appeal this ruling in every court,” said Mrs. Ada Lind.", "Mrs. Ada Lind"],
    [
      "“The time has come for me to return to private life,” said Secretary of State Colin Powell.",
      "Secretary of State Colin Powell",
    ],
    [
      "Secretary of State Colin Powell resigned on Monday. “I will always treasure these four years,” Powell told reporters.",
      "Secretary of State Colin Powell",
    ],
    [
      "Renata Holm was soaked in champagne. “Nobody will forget this one, not in this city,” said Holm in a statement to Reuters.",
      "Renata Holm",
    ],
  ];
  for (const [text, speaker] of cases) {
    const [span] = quoteSpans(article(text));
    assert.ok(span, text);
    assert.equal(resolveSpeaker(span), speaker, text);
  }
});

test("a pronoun after a sentence that reports someone's words is that speaker", () => {
  const text =
    "John Bracewell named the squad on Monday. Bracewell said Franklin would have started and his withdrawal led to the selection of Craig McMillan. “What it really came down to was the small mental things,” he said.";
  const [span] = quoteSpans(article(text));
  assert.ok(span);
  assert.equal(resolveSpeaker(span), "John Bracewell");
  // A place before "said" names no speaker: the pronoun is left to the people named before.
  const place =
    "A spokesperson in New Delhi said the risk of disease was high. “The situation is very serious for everyone,” she said.";
  const [other] = quoteSpans(article(place));
  assert.ok(other);
  assert.notEqual(resolveSpeaker(other), "New Delhi");
});

test("a spokesman for someone is not that person: the quote has no named speaker", () => {
  const unnamed = [
    "“We will appeal this ruling in every court,” said a spokesman for Prime Minister Keir Starmer.",
    "A spokesman for Starmer said: “We will appeal this ruling in every court.”",
    "“We will appeal this ruling in every court,” said a lawyer on behalf of the Harbour Trust.",
    "Lawyers for Ada Lind said: “We will appeal this ruling in every court.”",
  ];
  for (const text of unnamed) assert.deepEqual(quoteSpans(article(text)), [], text);
  const named =
    "“We will appeal this ruling in every court,” said one of the lawyers, Ada Lind, on Monday.";
  const [span] = quoteSpans(article(named));
  assert.ok(span);
  assert.equal(resolveSpeaker(span), "Ada Lind");
});

test("a letter to members before the name does not make the speaker someone else's", () => {
  const [span] = quoteSpans(
    article("In a letter to members Ada Lind said: “We will appeal this ruling in every court.”"),
  );
  assert.ok(span);
  assert.equal(resolveSpeaker(span), "Ada Lind");
});

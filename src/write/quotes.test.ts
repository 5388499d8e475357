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

test("a speaker's name never runs over a paragraph break", () => {
  const a = article(
    "“The scale of this breach is a matter of serious concern,” said Commissioner Oskar Lindahl.\n\nKestrel Holdings shares fell again on Tuesday.",
  );
  const [span] = quoteSpans(a);
  assert.ok(span);
  assert.equal(resolveSpeaker(span), "Commissioner Oskar Lindahl");
});

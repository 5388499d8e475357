import assert from "node:assert/strict";
import { test } from "node:test";
import { buildEvidence, isEligible, isStandfirst } from "./evidence.ts";
import { articleFrom } from "./fixtures.ts";
import { unitFor } from "./select.ts";

test("a quotation cut by the splitter is not a sentence of the brief", () => {
  assert.ok(
    isEligible("“We will finish the repairs by spring,” said Mayor Elena Ruiz on Tuesday."),
  );
  assert.ok(
    !isEligible(
      "but it cannot prove itself in February if it does not already look like a winner,” Ruiz said.",
    ),
  );
  assert.ok(
    !isEligible('the dam will hold for another decade at least," the engineer told reporters.'),
  );
});

test("page furniture: view counters and photo credits", () => {
  assert.ok(!isEligible("This story has been viewed 661 times since it was published."));
  assert.ok(!isEligible("Engineers inspect the spillway on Tuesday morning © Getty Images."));
});

test("a standfirst in the first lines counts as a sentence; a headline or a late line does not", () => {
  const standfirst =
    "The county has agreed to rebuild the spillway before the spring floods arrive";
  assert.ok(isStandfirst(standfirst, 1));
  assert.ok(!isStandfirst(standfirst, 7), "only at the top of the page");
  assert.ok(!isStandfirst("Riverton Dam Spillway Opened After Record Rain Across The County", 0));
  assert.ok(!isStandfirst("Dam opened after rain", 0), "too short: a headline");
  assert.ok(!isStandfirst(`${standfirst}.`, 0), "punctuated lines are ordinary sentences");
});

test("a sentence that is only a quotation travels with the sentence naming its speaker", () => {
  const article = articleFrom({
    id: "e1",
    outlet: "Wire",
    url: "https://wire.example/recall",
    headline: "Recall",
    text: "“Nothing matters more to us than the safety of our riders,” said the chief executive, Benedikt Hartl. “We are sorry for the worry this will cause.”",
  });
  const ev = buildEvidence([article]);
  const [named, bare] = ev.candidates;
  assert.equal(named!.dangling, false);
  assert.equal(bare!.dangling, true);
  assert.deepEqual(
    unitFor(ev, bare!, new Set())?.map((c) => c.index),
    [named!.index, bare!.index],
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { kindOf } from "./classify.ts";

test("what a sentence does in the brief", () => {
  assert.equal(
    kindOf("“We will not back down,” said Mara Ostrova, the union's spokeswoman."),
    "quote",
  );
  assert.equal(kindOf("Opposition leaders condemned the decision on Tuesday."), "reaction");
  assert.equal(kindOf("The mayor is expected to sign the order next week."), "outlook");
  assert.equal(kindOf("The building became a public library in 1931."), "context");
  assert.equal(kindOf("The fire destroyed 12 homes in Elder Ford."), "fact");
});

test("a protest is the news, not a reaction to it; protesting something is a reaction", () => {
  assert.equal(kindOf("Thousands of protesters marched on Government House on Sunday."), "fact");
  assert.equal(kindOf("The protest blocked the main road for six hours."), "fact");
  assert.equal(kindOf("Residents protested against the closure of the station."), "reaction");
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { isSupported } from "./support.ts";

const source = ["Turnout rose to 71 percent in the Riverton council election, officials said."];
const check = (text: string) => isSupported({ text, cited: [1] }, source);

test("a sentence saying what its cited sentence says is supported", () => {
  assert.ok(check("Turnout rose to 71 percent in the Riverton council election."));
});

test("a sentence that turns its cited sentence around is not supported", () => {
  assert.ok(!check("Turnout fell to 71 percent in the Riverton council election."));
  assert.ok(!check("Turnout did not rise to 71 percent in the Riverton council election."));
  const negated = ["Turnout did not rise above 71 percent in the Riverton council election."];
  assert.ok(
    !isSupported({ text: "Turnout rose above 71 percent in the election.", cited: [1] }, negated),
  );
});

test("a negation is weighed against the cited sentence it rests on, not every cited sentence", () => {
  const sources = [source[0]!, "No injuries were reported at the polling stations."];
  const both = (text: string) => isSupported({ text, cited: [1, 2] }, sources);
  assert.ok(both("Turnout rose to 71 percent in the Riverton council election."));
  assert.ok(!both("Turnout did not rise to 71 percent in the Riverton council election."));
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { paragraphsOf, placeUnits } from "./assemble.ts";
import { buildEvidence } from "./evidence.ts";
import { articleFrom } from "./fixtures.ts";

test("a sentence naming someone by surname alone follows the sentence that gives the full name", () => {
  const article = articleFrom({
    id: "s1",
    outlet: "Tarrow Evening Post",
    url: "https://post.example/microbe",
    headline: "Scientists find a microbe that eats forever chemicals",
    text: [
      "Scientists at the University of Tarrow have discovered a soil bacterium that can break down a forever chemical.",
      "Koivisto said the team had identified two enzymes that break the chemical's strongest bonds.",
      "“We were not looking for it, which is often how the best discoveries happen,” said Dr Sanna Koivisto, who led the research.",
    ].join(" "),
  });
  const ev = buildEvidence([article]);
  const [lead, surname, quote] = ev.candidates;
  const paragraphs = paragraphsOf(ev, placeUnits(ev, [[lead!], [surname!], [quote!]]), false);
  const order = paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
  assert.deepEqual(order, [lead!.text, quote!.text, surname!.text]);
  const withName = paragraphs.find((p) => p.sentences.some((s) => s.text === quote!.text));
  assert.ok(
    withName?.sentences.some((s) => s.text === surname!.text),
    "in the same paragraph",
  );
});

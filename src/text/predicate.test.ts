import assert from "node:assert/strict";
import { test } from "node:test";
import { hasPredicate } from "./predicate.ts";

test("a photo caption, a link's blurb or an appositive alone has no verb of its own", () => {
  for (const line of [
    'Sgt. Frank "Greg" Ford at Fort Lewis Army base, in Washington, before his deployment to Iraq.',
    "A regularly updated listing of planned missions from spaceports around the globe.",
    "Mara Ostrova, the union's spokeswoman, outside the main gate.",
    "Rice, 50, a former Stanford provost.",
    "Guilty plea in Boeing hiring scandal",
    "Excerpts from the Report from the National Commission on Political Prison and Torture, as translated by The Herald.",
  ])
    assert.equal(hasPredicate(line), false, line);
});

test("a sentence has one, also where the tagger reads the verb as a noun", () => {
  for (const line of [
    "Police said 128 people were injured.",
    "Rescue workers carry an injured passenger from the wreckage near Bundaberg on Tuesday.",
    "The company recently acquired the smaller firm.",
    "Losing Franklin at the last moment could prove a tough blow",
    // Read by wink as nouns: "spread", "costs", "results", "links", "fingered".
    "A conspiracy of silence about the torture spread slowly through the country.",
    "Opera costs $39 for an ad-free version.",
    "This design approach results in lower development and production costs.",
    "Route 23, the busiest of the four, links Eastfield to Northgate General Hospital.",
    'Last month, the council\'s chairman, N. Gregory Mankiw, fingered the current system of "wage indexing" as a culprit.',
  ])
    assert.equal(hasPredicate(line), true, line);
});

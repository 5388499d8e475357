import assert from "node:assert/strict";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import { paragraphsOf, placeUnits } from "./assemble.ts";
import { buildEvidence } from "./evidence.ts";
import { articleFrom, surnameArticles } from "./fixtures.ts";

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

/** Node 20 gives a worker no loader hooks of its parent: it registers tsx before loading TypeScript. */
const WORKER_SCRIPT = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.module); });
`;

test("two sentences that each name the other's subject by surname alone are moved once, not forever", {
  timeout: 20_000,
}, async () => {
  // In a worker: a reordering that loops blocks its own thread, where no timeout could fire.
  const worker = new Worker(WORKER_SCRIPT, {
    eval: true,
    workerData: {
      tsx: import.meta.resolve("tsx/esm/api"),
      module: new URL("./testdata/surname-order.ts", import.meta.url).href,
    },
  });
  const timer = setTimeout(() => void worker.terminate(), 10_000);
  try {
    const order = await new Promise<string[]>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("the reordering did not finish")));
    });
    // Which of the two ends up first does not matter: each is told once, after the lead.
    const [lead, ...rest] = surnameArticles()[0]!.sentences;
    assert.equal(order[0], lead);
    assert.deepEqual(order.slice(1).sort(), rest.sort());
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
});

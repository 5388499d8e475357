// Orders the surnames story's sentences in a worker thread: if the reordering loops, the test
// that starts this can stop it, which it could not do for a loop on its own thread.
import { parentPort } from "node:worker_threads";
import { paragraphsOf, placeUnits } from "../assemble.ts";
import { buildEvidence } from "../evidence.ts";
import { surnameArticles } from "../fixtures.ts";

const ev = buildEvidence(surnameArticles());
const units = ev.candidates.map((c) => [c]);
const paragraphs = paragraphsOf(ev, placeUnits(ev, units), false);
parentPort!.postMessage(paragraphs.flatMap((p) => p.sentences.map((s) => s.text)));

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  fingerprint,
  fromHex,
  hammingDistance,
  popcount32,
  simhash,
  toHex,
} from "./fingerprint.ts";

const BODY =
  "Parliament approved the national budget early on Wednesday after an all-night session in which " +
  "opposition members proposed more than two hundred amendments. The finance minister said the plan " +
  "would cut the deficit by a third within two years while protecting schools and hospitals.";

test("identical texts share a fingerprint; case and punctuation do not matter", () => {
  assert.equal(fingerprint(BODY), fingerprint(BODY.toUpperCase().replace(/\./g, "!")));
});

test("a lightly edited copy lands a few bits away, an unrelated text far away", () => {
  const copy = simhash(`${BODY} (Wire Agency)`);
  assert.ok(hammingDistance(simhash(BODY), copy) <= 6);
  const other = simhash(
    "Heavy rain and a storm surge flooded several coastal towns overnight, forcing hundreds of " +
      "residents to leave their homes while emergency crews used boats to reach stranded families.",
  );
  assert.ok(hammingDistance(simhash(BODY), other) > 12);
});

test("hex round-trips and rejects junk", () => {
  const f = simhash(BODY);
  assert.deepEqual(fromHex(toHex(f)), f);
  assert.match(toHex(f), /^[0-9a-f]{16}$/);
  assert.equal(fromHex("xyz"), null);
  assert.equal(popcount32(0xffffffff), 32);
});

// Invented Japanese reports (testdata/): headline on the first line, body after it.
const fixture = (name: string) =>
  readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");
const FIRE = fixture("ja-library-fire-a.txt");
const FIRE_BODY = FIRE.slice(FIRE.indexOf("\n") + 1);

test("a Japanese wire copy lands a few bits away, other Japanese articles far away", () => {
  const credited = simhash(`${FIRE_BODY}（川端通信）`);
  assert.ok(hammingDistance(simhash(FIRE_BODY), credited) <= 6);
  const retitled = simhash(`図書館全焼、市長が仮設図書室の開設を表明\n${FIRE_BODY}`);
  assert.ok(hammingDistance(simhash(FIRE), retitled) <= 14);
  // The same event in other words is a new article, not a copy.
  assert.ok(hammingDistance(simhash(FIRE), simhash(fixture("ja-library-fire-b.txt"))) > 16);
  assert.ok(hammingDistance(simhash(FIRE), simhash(fixture("ja-cruise-ship.txt"))) > 16);
});

test("a Chinese copy with a new headline stays close, another article does not", () => {
  const metro = fixture("zh-metro-a.txt");
  const retitled = `青川地铁2号线开通\n${metro.slice(metro.indexOf("\n") + 1)}`;
  assert.ok(hammingDistance(simhash(metro), simhash(retitled)) <= 14);
  assert.ok(hammingDistance(simhash(metro), simhash(fixture("zh-landslide.txt"))) > 16);
});

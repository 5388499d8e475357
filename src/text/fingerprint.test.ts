import assert from "node:assert/strict";
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

import assert from "node:assert/strict";
import { test } from "node:test";
import type { ArticleSummary } from "./model.ts";
import { coverageSpread, indexOutlets } from "./spread.ts";

function article(id: string, outlet: string, outletDomain: string): ArticleSummary {
  return {
    id,
    outlet,
    outletDomain,
    href: `https://${outletDomain}/${id}`,
    headline: "Harbour bridge reopens",
    byline: null,
    publishedAt: null,
    fetchedAt: "2026-11-23T08:00:00.000Z",
    language: "en",
    opinion: false,
  };
}

const outlet = (
  domain: string,
  name: string | null,
  lean: string | null,
  country: string | null,
) => ({
  domain,
  name,
  country,
  ownership: null,
  lean,
});

test("outlets are grouped by lean along the scale, by country, and the unrated are named", () => {
  const spread = coverageSpread(
    [
      article("1", "Daily Right", "www.dailyright.example"),
      article("2", "The Left Post", "leftpost.example"),
      article("3", "The Left Post", "leftpost.example"),
      article("4", "Edition Wire", "edition.wire.example"),
      article("5", "Harbour Blog", "harbourblog.example"),
    ],
    indexOutlets([
      outlet("dailyright.example", null, "right", "GB"),
      outlet("leftpost.example", "The Left Post", "left", "GB"),
      outlet("wire.example", "Wire Agency", "centre", "US"),
    ]),
  );
  assert.equal(spread.outlets, 4);
  assert.deepEqual(spread.lean, [
    { label: "left", outlets: ["The Left Post"] },
    { label: "centre", outlets: ["Wire Agency"] },
    { label: "right", outlets: ["Daily Right"] },
  ]);
  assert.deepEqual(spread.country, [
    { label: "GB", outlets: ["Daily Right", "The Left Post"] },
    { label: "US", outlets: ["Wire Agency"] },
  ]);
  assert.deepEqual(spread.ownership, []);
  assert.deepEqual(spread.unrated, ["Harbour Blog"]);
  assert.equal(spread.blindspot, null);
});

test("with no outlet entries every outlet is unrated", () => {
  const spread = coverageSpread(
    [article("1", "A", "a.example"), article("2", "B", "b.example")],
    indexOutlets([]),
  );
  assert.equal(spread.outlets, 2);
  assert.deepEqual(spread.lean, []);
  assert.deepEqual(spread.unrated, ["A", "B"]);
});

test("outlets sharing a host are told apart, and matched by name", () => {
  const spread = coverageSpread(
    [
      article("1", "The Harbor Ledger", "127.0.0.1"),
      article("2", "Civic Signal", "127.0.0.1"),
      article("3", "Civic Signal", "127.0.0.1"),
    ],
    indexOutlets([
      outlet("harborledger.example", "The Harbor Ledger", "centre", null),
      outlet("x.example", "civic signal", "left", null),
    ]),
  );
  assert.equal(spread.outlets, 2);
  assert.deepEqual(spread.lean, [
    { label: "left", outlets: ["civic signal"] },
    { label: "centre", outlets: ["The Harbor Ledger"] },
  ]);
  assert.deepEqual(spread.unrated, []);
});

test("a story covered from one side only is a blindspot for the other, once enough outlets lean", () => {
  const lefts = indexOutlets([
    outlet("a.example", "A", "left", null),
    outlet("b.example", "B", "lean left", null),
    outlet("c.example", "C", "centre", null),
    outlet("d.example", "D", "right", null),
  ]);
  const of = (...domains: string[]) =>
    coverageSpread(
      domains.map((d, i) => article(String(i), d, d)),
      lefts,
    ).blindspot;
  assert.equal(of("a.example", "b.example", "c.example"), "right");
  assert.equal(of("a.example", "b.example", "d.example"), null);
  assert.equal(of("a.example", "b.example"), null, "too few outlets to say");
  assert.equal(of("a.example", "c.example", "d.example"), null);
});

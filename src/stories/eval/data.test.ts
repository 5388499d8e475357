import assert from "node:assert/strict";
import { test } from "node:test";
import { docText, parseItems } from "./data.ts";

test("flat items keep file order without dates", () => {
  const items = parseItems(
    '{"id":"b","title":"t2","snippet":"s2","story":5}\n{"id":"a","title":"t1","snippet":"s1","story":3}\n',
  );
  assert.deepEqual(
    items.map((i) => [i.id, i.gold]),
    [
      ["b", "5"],
      ["a", "3"],
    ],
  );
  assert.ok(Number.isNaN(items[0]!.at));
  assert.deepEqual(docText(items[0]!, "title"), { title: "t2", text: "" });
  assert.deepEqual(docText(items[0]!, "snippet"), { title: "", text: "s2" });
});

test("stories with sources become S#i items, sorted by date, undated ones kept in place", () => {
  const lines = [
    { id: "S2", date: "January 2, 2005", sources: [{ title: "x", text: "y" }] },
    { id: "S3", date: null, sources: [{ title: "z", text: "w" }] },
    {
      id: "S1",
      date: "January 1, 2005",
      sources: [
        { title: "p", text: "q" },
        { title: "r", text: "s" },
      ],
    },
    { id: "S0", date: null, sources: [] },
  ];
  const items = parseItems(lines.map((l) => JSON.stringify(l)).join("\n"));
  assert.deepEqual(
    items.map((i) => i.id),
    ["S1#0", "S1#1", "S2#0", "S3#0"],
  );
  assert.equal(items[0]!.gold, "S1");
  assert.equal(items[3]!.snippet, "w");
  // The undated S3 arrived after S2: it takes S2's date, as a fetched article takes its fetch time.
  assert.equal(items[3]!.at, Date.parse("January 2, 2005"));
});

test("a date kept as a category (WikinewsSum) dates the story", () => {
  const lines = [
    { id: "A", date: null, categories: ["Chile", "January 6, 2005"], sources: [{ title: "a" }] },
    { id: "B", date: "January 5, 2005", categories: [], sources: [{ title: "b" }] },
  ];
  const items = parseItems(lines.map((l) => JSON.stringify(l)).join("\n"));
  assert.deepEqual(
    items.map((i) => [i.id, i.at]),
    [
      ["B#0", Date.parse("January 5, 2005")],
      ["A#0", Date.parse("January 6, 2005")],
    ],
  );
});

test("bad JSON names its line", () => {
  assert.throws(() => parseItems('{"id":1}\n{oops'), /line 2/);
});

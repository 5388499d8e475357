import assert from "node:assert/strict";
import { test } from "node:test";
import type { Brief, Story } from "../../types.ts";
import { parseSince } from "../shared.ts";
import { type DigestEntry, digestMarkdown } from "./digest.ts";

const NOW = Date.parse("2026-11-27T12:00:00Z");

test("--since takes a span back from now or an ISO date or time", () => {
  assert.equal(parseSince("24h", NOW), Date.parse("2026-11-26T12:00:00Z"));
  assert.equal(parseSince("3d", NOW), Date.parse("2026-11-24T12:00:00Z"));
  assert.equal(parseSince("2026-11-25", NOW), Date.parse("2026-11-25T00:00:00Z"));
  assert.equal(parseSince("2026-11-25T06:30:00Z", NOW), Date.parse("2026-11-25T06:30:00Z"));
  for (const bad of ["yesterday", "24", "-3d", "2026-13-45", ""]) {
    assert.equal(parseSince(bad, NOW), null, bad);
  }
});

function entry(id: string, firstSeen: string, timeline: Brief["timeline"]): DigestEntry {
  const story: Story = {
    id,
    title: `Story ${id}`,
    articleIds: ["a1"],
    firstSeen,
    lastUpdated: timeline.at(-1)?.at ?? firstSeen,
    topTerms: [],
  };
  const lead = timeline[0]!.text;
  const brief: Brief = {
    storyId: id,
    version: 1,
    generatedAt: story.lastUpdated,
    headline: `Headline ${id}`,
    dek: null,
    paragraphs: [
      {
        role: "lead",
        sentences: [
          {
            text: lead,
            rendered: `According to The Herald, ${lead}`,
            kind: "lead",
            articleIds: ["a1"],
            outlets: ["The Herald"],
            singleSource: true,
          },
        ],
      },
    ],
    quotes: [],
    reaction: null,
    moreCoverage: [],
    timeline,
  };
  return { story, brief, outlets: 3, articles: 4 };
}

test("the digest gives each story its lead and, for one that moved on, what developed since", () => {
  const since = Date.parse("2026-11-25T00:00:00Z");
  const older = entry("s-old", "2026-11-23T08:00:00.000Z", [
    { at: "2026-11-23T08:00:00.000Z", text: "the strike began.", articleIds: ["a1"] },
    { at: "2026-11-25T05:45:00.000Z", text: "A deal was reached.", articleIds: ["a2"] },
  ]);
  const fresh = entry("s-new", "2026-11-25T09:00:00.000Z", [
    { at: "2026-11-25T09:00:00.000Z", text: "the library reopened.", articleIds: ["a1"] },
  ]);
  const md = digestMarkdown([older, fresh], since, "https://news.example.org/");
  assert.match(md, /^# Storyline: 2 stories updated since 2026-11-25 00:00 UTC\n/);
  assert.match(
    md,
    /## Headline s-old\n3 outlets · 4 articles · updated 2026-11-25 05:45 UTC · s-old \(https:\/\/news\.example\.org\/stories\/s-old\)\n\nAccording to The Herald, the strike began\.\n\nSince then:\n- 2026-11-25 05:45 UTC: A deal was reached\.\n/,
  );
  // A story born in the window: its lead is its news, with no "since then" repeating it.
  assert.match(md, /## Headline s-new\nnew story · 3 outlets/);
  assert.doesNotMatch(md.split("## Headline s-new")[1]!, /Since then/);
  assert.match(digestMarkdown([], since, null), /^# Storyline: 0 stories updated since/);
});

test("a story that began in the window and moved on lists its later developments, not its lead again", () => {
  const since = Date.parse("2026-11-25T00:00:00Z");
  const fresh = entry("s-new", "2026-11-25T06:00:00.000Z", [
    { at: "2026-11-25T06:00:00.000Z", text: "the strike began.", articleIds: ["a1"] },
    { at: "2026-11-26T05:45:00.000Z", text: "A deal was reached.", articleIds: ["a2"] },
  ]);
  const md = digestMarkdown([fresh], since, null);
  assert.match(md, /Since then:\n- 2026-11-26 05:45 UTC: A deal was reached\.\n$/);
  assert.equal(md.match(/the strike began/g)?.length, 1);
});

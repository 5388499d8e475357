import assert from "node:assert/strict";
import { test } from "node:test";
import type { Thread } from "../../types.ts";
import { loadThreads } from "../fixtures.ts";
import { buildReaction } from "./reaction.ts";
import { canRepresent, isToxic } from "./toxic.ts";

test("skeptical threads: tone, themes with shares, counts, and a clean representative comment", () => {
  const r = buildReaction(loadThreads("skeptical"));
  assert.ok(r);
  assert.equal(r.tone, "skeptical");
  assert.equal(r.threadCount, 2);
  assert.equal(r.commentCount, 9, "the [deleted] comment is not counted");
  assert.deepEqual(
    r.themes.map((t) => [t.label, Math.round(t.share * 100)]),
    [
      ["inspection reports", 33],
      ["emergency plan", 33],
      ["evacuation numbers", 22],
    ],
  );
  for (const t of r.themes) {
    assert.ok(canRepresent(t.comment.text));
    assert.ok(t.comment.url?.startsWith("https://forum.example/"));
  }
  assert.match(
    r.text,
    /^The community response on Hacker News and Reddit \(9 comments across 2 threads\) has been largely skeptical\./,
  );
  assert.match(r.text, /inspection reports \(33% of comments\)/);
});

test("supportive thread: tone and themes", () => {
  const r = buildReaction(loadThreads("supportive"));
  assert.equal(r?.tone, "supportive");
  assert.deepEqual(
    r?.themes.map((t) => t.label),
    ["shelter", "engineers"],
  );
  assert.equal(r?.themes[0]?.share, 0.6);
});

test("both camps together make a divided discussion", () => {
  const r = buildReaction([...loadThreads("skeptical"), ...loadThreads("supportive")]);
  assert.equal(r?.tone, "divided");
  assert.equal(r?.commentCount, 14);
});

test("toxic, short and deleted comments never represent a theme", () => {
  assert.ok(isToxic("These idiots never listen"));
  assert.ok(!canRepresent("lol"));
  assert.ok(!canRepresent("[deleted]"));
  const insults: Thread = {
    id: "reddit:x",
    platform: "reddit",
    url: "https://forum.example/x",
    title: "Dam",
    articleUrl: null,
    fetchedAt: "2026-03-03T00:00:00.000Z",
    comments: [
      "the spillway engineers are idiots and morons, all of them",
      "spillway engineers, what a bunch of idiots honestly",
      "ok",
    ].map((text, i) => ({
      id: `c${i}`,
      parentId: null,
      author: null,
      text,
      score: null,
      postedAt: null,
      url: null,
    })),
  };
  const r = buildReaction([insults]);
  assert.deepEqual(
    r?.themes,
    [],
    "a theme whose every comment is abusive has no representative and is left out",
  );
});

test("no threads: no reaction", () => {
  assert.equal(buildReaction([]), null);
});

test("nested thread: replies carry their parent's theme; labels are written as commenters wrote them", () => {
  const r = buildReaction(loadThreads("nested"));
  assert.ok(r);
  assert.equal(r.tone, "critical");
  assert.deepEqual(
    r.themes.map((t) => [t.label, Math.round(t.share * 100), t.comment.author]),
    [
      ["contractor accounts", 40, "ana"],
      ["password manager", 30, "eve"],
      ["fine", 20, "hal"],
    ],
    "'Agreed. Everything that relies on…' joins contractor accounts; 'fines' and 'fine' are one theme",
  );
  assert.ok(
    r.themes.every((t) => !/\bve\b|\bll\b/.test(t.label)),
    "contractions are not split into themes",
  );
  assert.match(r.text, /Discussion centred on contractor accounts \(40% of comments\)/);
});

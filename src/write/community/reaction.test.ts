import assert from "node:assert/strict";
import { test } from "node:test";
import type { Theme, Thread } from "../../types.ts";
import { loadThreads } from "../fixtures.ts";
import { buildReaction } from "./reaction.ts";
import { stanceOf } from "./tone.ts";
import { canRepresent, isEmpty, isToxic } from "./toxic.ts";

test("skeptical threads: tone, themes with shares, counts, and a clean representative comment", () => {
  const r = buildReaction(loadThreads("skeptical"));
  assert.ok(r);
  assert.equal(r.tone, "skeptical");
  assert.equal(r.threadCount, 2);
  assert.equal(r.commentCount, 9, "the [deleted] comment is not counted");
  assert.deepEqual(
    r.themes.map((t) => [t.label, Math.round(t.share * 100)]),
    [
      ["emergency plan", 33],
      ["inspection reports", 33],
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
  assert.match(r.text, /emergency plan \(33% of comments\), inspection reports \(33%\) and/);
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
      ["fines", 20, "hal"],
    ],
    "'Agreed. Everything that relies on…' joins contractor accounts; 'fines' and 'fine' are one theme, named in the plural a commenter used",
  );
  assert.ok(
    r.themes.every((t) => !/\bve\b|\bll\b/.test(t.label)),
    "contractions are not split into themes",
  );
  assert.match(r.text, /Discussion centred on contractor accounts \(40% of comments\)/);
});

/** Every theme: a share, and a clean comment of readable length that uses the theme's phrase. */
function assertThemesShown(themes: Theme[]): void {
  assert.ok(themes.length >= 2 && themes.length <= 4, `2-4 themes, got ${themes.length}`);
  for (const t of themes) {
    assert.ok(t.share > 0 && t.share <= 1);
    assert.ok(canRepresent(t.comment.text), t.comment.text);
    assert.ok(t.comment.text.length <= 400, "a representative is of reasonable length");
    const words = t.label.toLowerCase().split(" ");
    const text = t.comment.text.toLowerCase();
    assert.ok(
      words.every((w) => text.includes(w.replace(/s$/, ""))),
      `"${t.comment.text}" uses "${t.label}"`,
    );
  }
  const shares = themes.map((t) => t.share);
  assert.deepEqual(
    shares,
    shares.slice().sort((a, b) => b - a),
    "ranked by share",
  );
}

test("criticism without strong words reads as critical: 'negligent', 'should be fined', 'again?', sarcasm", () => {
  const r = buildReaction(loadThreads("critical"));
  assert.ok(r);
  assert.equal(r.tone, "critical");
  assert.match(r.text, /has been largely critical\./);
  assertThemesShown(r.themes);
  assert.equal(
    r.themes[0]?.label,
    "backup server",
    "a compound from the headline is a facet, kept",
  );
  assert.ok(!r.themes.some((t) => t.label === "bank"), "a headline word alone is the story itself");
});

test("sarcastic praise and negated praise count against, not for", () => {
  assert.equal(
    stanceOf("Great job, Harbour Bank. Another leak, same excuses.", 0.3).stance,
    "critical",
  );
  assert.equal(
    stanceOf("Just checked mine and it is one of them. Great. Lovely.", 0.4).stance,
    "critical",
  );
  assert.equal(
    stanceOf("Not impressed with how the council handled this at all.", 0.2).stance,
    "critical",
  );
  assert.equal(
    stanceOf("Not worried, the old pipes were replaced last spring.", 0).stance,
    "neutral",
  );
  assert.equal(
    stanceOf("I support the workers but 14% is a lot though, come on.", 0.1).stance,
    "critical",
  );
  assert.equal(stanceOf("I'll believe it when I see it.", 0).stance, "skeptical");
  assert.equal(stanceOf("This is a PR exercise and nothing more.", 0).stance, "skeptical");
  assert.equal(
    stanceOf("lol", 0.6).stance,
    "neutral",
    "sentiment alone does not read a one-word reply",
  );
});

test("a strike thread with both camps in strength is divided; pay and inflation are themes", () => {
  const r = buildReaction(loadThreads("divided"));
  assert.ok(r);
  assert.equal(r.tone, "divided");
  assertThemesShown(r.themes);
  const labels = r.themes.map((t) => t.label);
  assert.ok(labels.includes("council"), labels.join(", "));
  assert.ok(labels.includes("inflation"), labels.join(", "));
  assert.ok(!labels.some((l) => /tomorrow|today|kid|day/.test(l)), "no time or family words");
});

test("worry and fear make a concerned thread; the theme keeps the compound and its plural", () => {
  const r = buildReaction(loadThreads("concerned"));
  assert.ok(r);
  assert.equal(r.tone, "concerned");
  assertThemesShown(r.themes);
  assert.deepEqual(
    r.themes.map((t) => [t.label, Math.round(t.share * 100)]),
    [
      ["school buildings", 50],
      ["gas pipes", 25],
    ],
  );
});

test("a Title Case thread title still keeps its words out of the themes", () => {
  const r = buildReaction(loadThreads("titlecase"));
  assert.ok(r);
  const phrases = r.themes.flatMap((t) => t.keyPhrases);
  assert.ok(!phrases.includes("strike"), phrases.join(", "));
  assert.deepEqual(
    r.themes.map((t) => t.label),
    ["cranes", "pensions"],
  );
});

test("chat shorthand and the story's outlets are no themes", () => {
  const r = buildReaction(loadThreads("acronyms"), ["BBC News", "The Island Times"]);
  assert.ok(r);
  const phrases = r.themes.flatMap((t) => t.keyPhrases);
  for (const p of phrases) assert.ok(!/^[A-Z]{2,}$/.test(p), `"${p}" is a theme`);
  assert.deepEqual(
    r.themes.map((t) => t.label),
    ["crew", "sailings", "timetable", "operator"],
  );
});

test("a pull request is no public-relations stunt", () => {
  assert.equal(stanceOf("I opened a PR to fix the typo in their docs.", 0).stance, "neutral");
});

test("Reddit's removal notices are removed comments", () => {
  for (const text of [
    "[ Removed by Reddit ]",
    "[ Removed by Reddit on account of violating the content policy. ]",
    "[removed]",
    " [ deleted ] ",
  ]) {
    assert.ok(isEmpty(text), text);
    assert.ok(!canRepresent(text), text);
  }
  assert.ok(!isEmpty("[removed] the old gates, and the new ones leaked within a week"));
});

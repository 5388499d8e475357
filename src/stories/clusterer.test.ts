import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { FUSING, fusedParody } from "./fixtures.ts";
import type { ClusterDoc, ClusterParams } from "./index.ts";
import { articleFeatures, createClusterer, DEFAULT_PARAMS, fingerprint } from "./index.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const fixture = JSON.parse(
  readFileSync(new URL("testdata/articles.json", import.meta.url), "utf8"),
);
type Raw = { id: string; title: string; text: string; outlet?: string };
const doc = (raw: Raw, at: number): ClusterDoc => ({ ...raw, publishedAt: at });
/** No date: no time decay. */
const undated = (id: string, title: string, text: string): ClusterDoc => ({
  id,
  title,
  text,
  publishedAt: Number.NaN,
});

function withBackground(params: Partial<ClusterParams> = {}) {
  const c = createClusterer(params);
  (fixture.background as Raw[]).forEach((raw, i) => {
    c.add(doc(raw, T0 - DAY + i * 3_600_000));
  });
  return c;
}

test("two outlets' different wording of one event join one story", () => {
  const c = withBackground();
  const [a, b] = fixture.sameEvent as Raw[];
  const first = c.add(doc(a!, T0));
  const second = c.add(doc(b!, T0 + 3 * 3_600_000));
  assert.equal(first.storyId, "s-a1");
  assert.equal(second.storyId, "s-a1");
  assert.equal(second.duplicateOf, null);
  assert.equal(c.storyOf("a2"), "s-a1");
  assert.ok(c.topTerms("s-a1", 20).includes("grindavik"));
});

test("two events sharing a famous name a week apart stay apart", () => {
  const c = withBackground();
  const [m1, m2] = fixture.famousName as Raw[];
  assert.equal(c.add(doc(m1!, T0)).storyId, "s-m1");
  assert.equal(c.add(doc(m2!, T0 + 7 * DAY)).storyId, "s-m2");
});

test("a story can be joined until time decay alone brings its score under the threshold", () => {
  // A headline too short to fingerprint, so the repeat is a story match (cosine 1), not a copy.
  // Decay reaches the threshold of 0.1 at grace + half-life * log2(10) = 10.47 days: the search
  // for candidates leaves older stories out unscored, and must not leave out a younger one.
  const headline = { title: "Lava reaches Grindavik harbour wall", text: "" };
  const story = (gapDays: number) => {
    const c = withBackground({ youngBonus: 0 });
    c.add({ id: "h1", ...headline, publishedAt: T0 });
    return c.add({ id: "h2", ...headline, publishedAt: T0 + gapDays * DAY }).storyId;
  };
  assert.equal(story(10.4), "s-h1");
  assert.equal(story(10.55), "s-h2");
});

test("a term's stories are read, newest first, only until the first one out of reach", () => {
  const c = createClusterer({ youngBonus: 0 });
  // Twenty stories a month old, then a live one, all listed under "grindavik".
  for (let i = 0; i < 20; i++) {
    const words = `quarry${i} basalt${i} ferry${i}`;
    c.add({ id: `old${i}`, title: `Grindavik ${words}`, text: "", publishedAt: T0 - 30 * DAY + i });
  }
  c.add({ id: "live", title: "Grindavik harbour wall holds", text: "", publishedAt: T0 - DAY });
  const before = c.work().postingsRead;
  const got = c.add({ id: "new", title: "Grindavik harbour wall", text: "", publishedAt: T0 });
  assert.equal(got.storyId, "s-live");
  // The word and the name Grindavik each list the live story, then one stale story, and stop (2 +
  // 2); harbour and wall list the live story alone (1 + 1). Whole lists would be 16 + 16 + 1 + 1.
  assert.equal(c.work().postingsRead - before, 6);
});

test("a wire copy with a changed headline is a duplicate of the original", () => {
  const c = withBackground();
  const { original, copy } = fixture.wireCopy as { original: Raw; copy: Raw };
  c.add(doc(original, T0));
  const got = c.add(doc(copy, T0 + 3_600_000));
  assert.equal(got.duplicateOf, "w1");
  assert.equal(got.storyId, "s-w1");
  assert.equal(c.size(), 6);
});

test("a syndicated copy with a dateline, a local paragraph and a credit line is a duplicate", () => {
  const c = withBackground();
  const { original, copyTitle, dateline, append } = fixture.syndicated as {
    original: Raw;
    copyTitle: string;
    dateline: string;
    append: string[];
  };
  c.add(doc(original, T0));
  const copy = {
    id: "r2",
    title: copyTitle,
    text: [dateline + original.text, ...append].join("\n\n"),
  };
  const got = c.add(doc(copy, T0 + 2 * 3_600_000));
  assert.equal(got.duplicateOf, "r1");
  assert.equal(got.storyId, "s-r1");
  // A report of its own on the same event shares words but not whole passages: not a copy.
  const own = c.add(
    doc(
      {
        id: "r3",
        title: "Rail walkout: drivers vow to stay out over guards plan",
        text:
          "Drivers on the northern rail network stayed off work on Thursday for a second day, and " +
          "their union said the walkout over the operator's plan to run coastal trains without guards " +
          "would go on. Replacement buses were packed in the port cities. The operator said the union " +
          "had turned down talks and that a reduced timetable would run on the main line on Friday.",
      },
      T0 + 3 * 3_600_000,
    ),
  );
  assert.equal(own.duplicateOf, null);
  assert.equal(own.storyId, "s-r1");
});

test("unrelated articles are not duplicates and start their own stories", () => {
  const c = createClusterer();
  const ids = (fixture.background as Raw[]).map((raw, i) => c.add(doc(raw, T0 + i * 60_000)));
  assert.deepEqual(
    ids.map((a) => a.storyId),
    ["s-bg1", "s-bg2", "s-bg3", "s-bg4"],
  );
  assert.ok(ids.every((a) => a.duplicateOf === null));
  assert.equal(c.storyOf("nope"), null);
});

test("the same input order gives the same ids; replaying an id changes nothing", () => {
  const all: Raw[] = [
    ...fixture.background,
    ...fixture.sameEvent,
    ...fixture.famousName,
    fixture.wireCopy.original,
    fixture.wireCopy.copy,
  ];
  const run = () => {
    const c = createClusterer({ mergeEvery: 3 });
    return all.map((raw, i) => c.add(doc(raw, T0 + i * 3_600_000)));
  };
  assert.deepEqual(run(), run());
  const c = createClusterer();
  const first = c.add(doc(all[0]!, T0));
  assert.deepEqual(c.add(doc(all[0]!, T0)), first);
  assert.equal(c.size(), 1);
});

test("periodic merging joins converged stories under the older id", () => {
  // A high join threshold splits one event in two; a lower merge threshold rejoins it.
  const c = createClusterer({ joinThreshold: 0.99, mergeThreshold: 0.2, mergeEvery: 2 });
  const [a, b] = fixture.sameEvent as Raw[];
  c.add(doc(a!, T0));
  const second = c.add(doc(b!, T0 + 3_600_000));
  assert.deepEqual(second.merged, [{ from: "s-a2", into: "s-a1" }]);
  assert.equal(second.storyId, "s-a1");
  assert.equal(c.storyOf("a2"), "s-a1");
  assert.deepEqual(c.topTerms("s-a2", 3), c.topTerms("s-a1", 3));
});

test("fingerprint is re-exported as 16 hex digits", () => {
  assert.match(fingerprint("some text here to hash"), /^[0-9a-f]{16}$/);
});

test("a short item sharing only names with a one-article story starts its own story", () => {
  const first = undated(
    "n1",
    "Marla Quint and Tobin Reyes open up about their interracial marriage",
    "The couple said in a radio interview that their marriage taught fans tolerance.",
  );
  const second = undated(
    "n2",
    "Comedians spoof motorcycle video",
    "Two comedians released a shot-for-shot parody of the motorcycle music video by Marla Quint and Tobin Reyes.",
  );
  const strict = createClusterer();
  strict.add(first);
  assert.equal(strict.add(second).storyId, "s-n2");
  // Without the young-story bar the shared names alone are enough to join.
  const loose = createClusterer({ youngBonus: 0 });
  loose.add(first);
  assert.equal(loose.add(second).storyId, "s-n1");
});

test("wire copies do not lower a one-report story's bar: they add no words to its centroid", () => {
  const report = (id: string) =>
    undated(
      id,
      "Marla Quint and Tobin Reyes open up about their interracial marriage",
      "The couple said in a radio interview that their marriage taught fans tolerance.",
    );
  const c = createClusterer();
  c.add(report("n1"));
  for (const id of ["n1-copy1", "n1-copy2", "n1-copy3"])
    assert.equal(c.add(report(id)).duplicateOf, "n1");
  const second = undated(
    "n2",
    "Comedians spoof motorcycle video",
    "Two comedians released a shot-for-shot parody of the motorcycle music video by Marla Quint and Tobin Reyes.",
  );
  assert.equal(c.add(second).storyId, "s-n2");
});

test("features computed ahead assign exactly as add() does (duplicates and merges included)", () => {
  const docs = [
    ...(fixture.background as Raw[]),
    ...(fixture.sameEvent as Raw[]),
    ...(fixture.famousName as Raw[]),
    fixture.wireCopy.original as Raw,
    fixture.wireCopy.copy as Raw,
  ].map((raw, i) => doc(raw, T0 + i * 3_600_000));
  const params = { ...DEFAULT_PARAMS, mergeEvery: 3 };
  const whole = createClusterer(params);
  const split = createClusterer(params);
  for (const d of docs) {
    // Computed twice to show it is a pure function of the text: the same features each time.
    const features = articleFeatures(d, params);
    assert.deepEqual(articleFeatures(d, DEFAULT_PARAMS), features);
    assert.deepEqual(split.addFeatures(d.id, d.publishedAt, features), whole.add(d));
  }
  assert.ok(docs.some((d) => whole.add(d).duplicateOf !== null));
});

// Long reports over a made-up vocabulary, so that which words they share (and how rare those are)
// is set exactly: `words("harbour", 3)` is "harbouraa harbourba harbourca".
const words = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const letter = (k: number) => String.fromCharCode(97 + (k % 26));
    return `${prefix}${letter(i)}${letter(Math.floor(i / 26))}`;
  });
const EVENT = words("harbour", 40);
const COMMON = words("common", 100);
const report = (id: string, parts: string[][], at: number): ClusterDoc => ({
  id,
  title: "",
  text: parts.flat().join(" "),
  publishedAt: at,
});

/** Twenty earlier reports that give the common words a document frequency (the running IDF). */
function withLongBackground(params: Partial<ClusterParams>) {
  const c = createClusterer(params);
  for (let i = 0; i < 20; i++) {
    c.add(
      report(
        `bg${i}`,
        [words(`bg${String.fromCharCode(97 + i)}`, 40), COMMON.slice(i, i + 30)],
        T0 - DAY,
      ),
    );
  }
  return c;
}

test("a long report whose rarest words are new to the archive still finds its story", () => {
  const c = withLongBackground({});
  c.add(report("r1", [EVENT, words("ferry", 60)], T0));
  // Its 30 new words are its rarest; no earlier article has them, so they cannot find a story.
  const follow = c.add(report("r3", [EVENT, words("ferry", 30), words("tide", 30)], T0 + HOUR));
  assert.equal(follow.storyId, "s-r1");
});

test("a long report that missed a one-article story's bar merges once that story has grown", () => {
  const run = (params: Partial<ClusterParams>) => {
    const c = withLongBackground({ mergeEvery: 24, ...params });
    c.add(report("r1", [EVENT, words("ferry", 60)], T0));
    // Shares 13 of the event's words: under the bar of a story of one article, not of three.
    const late = c.add(report("r2", [EVENT.slice(0, 13), COMMON.slice(0, 87)], T0 + HOUR / 6));
    assert.equal(late.storyId, "s-r2");
    c.add(report("r3", [EVENT, words("ferry", 30), words("tide", 30)], T0 + HOUR / 3));
    // The 24th article: a merge pass runs after it.
    return c.add(report("r4", [EVENT, words("tide", 30), words("wave", 30)], T0 + HOUR / 2));
  };
  assert.deepEqual(run({}).merged, [{ from: "s-r2", into: "s-r1" }]);
  // Counted as short texts, the two stories need the centroid bar (mergeThreshold) and stay apart.
  assert.deepEqual(run({ joinLengthTerms: 1000 }).merged, []);
});

test("two stories of two long reports each merge at an article's bar, found by the words they share", () => {
  const run = (params: Partial<ClusterParams>) => {
    const c = withLongBackground({ mergeEvery: 24, ...params });
    // Each story's own words (ferry, gull) are its rarest: a search by them finds no other story.
    const [a, b] = [EVENT.slice(0, 20), EVENT.slice(7, 27)];
    c.add(report("a1", [a, words("ferry", 70)], T0));
    c.add(report("a2", [a, words("ferry", 30), words("tide", 30)], T0 + HOUR / 6));
    assert.equal(c.add(report("b1", [b, words("gull", 70)], T0 + HOUR / 4)).storyId, "s-b1");
    // The 24th article: a merge pass runs after it.
    return c.add(report("b2", [b, words("gull", 30), words("wave", 30)], T0 + HOUR / 3)).merged;
  };
  assert.deepEqual(run({}), [{ from: "s-b1", into: "s-a1" }]);
  // Counted as short texts, the two stories need the centroid bar (mergeThreshold) and stay apart.
  assert.deepEqual(run({ joinLengthTerms: 1000 }), []);
});

test("a short report beside a story of long reports merges at the bar it would need to join", () => {
  const run = (params: Partial<ClusterParams>) => {
    const c = withLongBackground({ mergeEvery: 23, ...params });
    c.add(report("a1", [EVENT.slice(0, 20), words("ferry", 70)], T0));
    // 32 words, 12 of the event's: under the young bar of a story of one article.
    const short = c.add(report("b1", [EVENT.slice(0, 12), words("gull", 20)], T0 + HOUR / 6));
    assert.equal(short.storyId, "s-b1");
    // The 23rd article: a merge pass runs after it.
    return c.add(
      report("a2", [EVENT.slice(0, 20), words("ferry", 30), words("tide", 30)], T0 + HOUR / 4),
    ).merged;
  };
  assert.deepEqual(run({}), [{ from: "s-b1", into: "s-a1" }]);
  assert.deepEqual(run({ joinLengthTerms: 1000 }), []);
});

/** Settings under which the sameEvent pair starts two stories, which a merge pass joins. */
const JOINED_BY_MERGE = { joinThreshold: 0.99, mergeThreshold: 0.2 };

test("settle runs the merge pass at once, and then has nothing left to do", () => {
  const c = createClusterer({ ...JOINED_BY_MERGE, mergeEvery: 1000, mergeEveryMs: Infinity });
  const [a, b] = fixture.sameEvent as Raw[];
  c.add(doc(a!, T0));
  assert.deepEqual(c.add(doc(b!, T0 + HOUR)).merged, []);
  assert.equal(c.storyOf("a2"), "s-a2");
  assert.deepEqual(c.settle().merged, [{ from: "s-a2", into: "s-a1" }]);
  assert.equal(c.storyOf("a2"), "s-a1");
  assert.deepEqual(c.settle(), { merged: [], split: [] });
});

test("a slow stream merges an hour of publication time later, without waiting for mergeEvery", () => {
  const run = (mergeEveryMs: number) => {
    const c = createClusterer({ ...JOINED_BY_MERGE, mergeEveryMs });
    const [a, b] = fixture.sameEvent as Raw[];
    const [other] = fixture.famousName as Raw[];
    c.add(doc(a!, T0));
    assert.equal(c.add(doc(b!, T0 + HOUR / 2)).storyId, "s-a2");
    return c.add(doc(other!, T0 + 2 * HOUR)).merged;
  };
  assert.deepEqual(run(HOUR), [{ from: "s-a2", into: "s-a1" }]);
  assert.deepEqual(run(Number.POSITIVE_INFINITY), []);
});

test("a merge pass due at a wire copy's turn runs", () => {
  const c = createClusterer({ ...JOINED_BY_MERGE, mergeEvery: 4, mergeEveryMs: Infinity });
  const [a, b] = fixture.sameEvent as Raw[];
  c.add(doc(fixture.wireCopy.original, T0));
  c.add(doc(a!, T0 + HOUR));
  c.add(doc(b!, T0 + 2 * HOUR));
  const copy = c.add(doc(fixture.wireCopy.copy, T0 + 3 * HOUR));
  assert.notEqual(copy.duplicateOf, null);
  assert.deepEqual(copy.merged, [{ from: "s-a2", into: "s-a1" }]);
});

test("a late, older article at a count pass does not wind the merge clock back", () => {
  const c = createClusterer({ mergeEvery: 3, mergeEveryMs: HOUR });
  const [a, b] = fixture.sameEvent as Raw[];
  const [m1, m2] = fixture.famousName as Raw[];
  c.add(doc(a!, T0));
  c.add(doc(b!, T0 + HOUR)); // the clock's pass
  c.add(doc(m1!, T0 - 10 * HOUR)); // the count's pass, for an article published long before
  const checks = c.work().mergeChecks;
  // Five minutes after the last pass: none is due.
  c.add(doc(m2!, T0 + HOUR + 5 * 60_000));
  assert.equal(c.work().mergeChecks, checks);
});

test("a long briefing joins the story its later exchange is about, by that passage", () => {
  const briefing = JSON.parse(
    readFileSync(new URL("testdata/briefing.json", import.meta.url), "utf8"),
  ) as { report: Raw; opening: string[]; exchange: string[]; otherExchange: string[] };
  const transcript = (exchange: string[]): Raw => ({
    id: "t1",
    title: "Press briefing by the minister of fisheries and coastal affairs",
    text: [...briefing.opening, ...exchange].join(" "),
  });
  const run = (exchange: string[], params: Partial<ClusterParams> = {}) => {
    const c = withBackground(params);
    c.add(doc(briefing.report, T0));
    return c.add(doc(transcript(exchange), T0 + 2 * HOUR)).storyId;
  };
  // Its first 400 words are about storms, quotas and the budget: the lead alone finds no story.
  assert.equal(run(briefing.exchange, { passageWords: 0 }), "s-t1");
  assert.equal(run(briefing.exchange), "s-r1");
  // An exchange on other harbour business shares words ("harbour", "ships"), not the event.
  assert.equal(run(briefing.otherExchange), "s-t1");
});

test("restored articles go back into their stored stories, which later articles and copies find", () => {
  const c = createClusterer();
  (fixture.background as Raw[]).forEach((raw, i) => {
    c.restore(doc(raw, T0 - DAY + i * HOUR), `s-kept-${i % 2}`, null);
  });
  const [a1, a2] = fixture.sameEvent as Raw[];
  const { original, copy } = fixture.wireCopy as { original: Raw; copy: Raw };
  // Stored ids need not be "s-" + a first article's id: a merge or a prune can leave any.
  c.restore(doc(a1!, T0), "s-merged-into", null);
  c.restore(doc(original, T0 + HOUR), "s-wire", null);
  assert.equal(c.size(), 6);
  assert.equal(c.storyOf("bg3"), "s-kept-0");
  assert.equal(c.storyOf("a1"), "s-merged-into");
  // Restoring again changes nothing.
  c.restore(doc(a1!, T0), "s-elsewhere", null);
  assert.equal(c.storyOf("a1"), "s-merged-into");

  const joined = c.add(doc(a2!, T0 + 3 * HOUR));
  assert.equal(joined.storyId, "s-merged-into");
  const copied = c.add(doc(copy, T0 + 4 * HOUR));
  assert.deepEqual([copied.storyId, copied.duplicateOf], ["s-wire", original.id]);
});

test("Chinese and Japanese reports, written without spaces, join their event's story and no other", () => {
  // The text tools' fixtures: two wordings of each event, and an unrelated report in each language.
  const read = (name: string, at: number): ClusterDoc => {
    const text = readFileSync(new URL(`../text/testdata/${name}.txt`, import.meta.url), "utf8");
    const [title, ...body] = text.split("\n");
    return { id: name, title: title!, text: body.join("\n"), publishedAt: at };
  };
  const c = withBackground();
  const stories = [
    "ja-library-fire-a",
    "zh-metro-a",
    "ja-cruise-ship",
    "ja-library-fire-b",
    "zh-landslide",
    "zh-metro-b",
  ].map((name, i) => c.add(read(name, T0 + i * HOUR)).storyId);
  assert.deepEqual(stories, [
    "s-ja-library-fire-a",
    "s-zh-metro-a",
    "s-ja-cruise-ship",
    "s-ja-library-fire-a",
    "s-zh-landslide",
    "s-zh-metro-a",
  ]);
});

/** The fused-parody headlines, a minute apart. */
function fusedParodyDocs(): ClusterDoc[] {
  return fusedParody().map((h, i) => ({ ...h, text: "", publishedAt: T0 + i * 60_000 }));
}

test("a sub-event fused into a running story is split off, and a facet of the story is not", () => {
  const c = createClusterer(FUSING);
  const splits = fusedParodyDocs().flatMap((d) => c.add(d).split);
  assert.equal(splits.length, 1);
  const [split] = splits;
  assert.equal(split!.from, "s-v0");
  assert.equal(split!.into, "s-p0");
  assert.ok(split!.articleIds.every((id) => id.startsWith("p")));
  // Every parody headline, those moved and those that came after, is in the new story; the
  // fiancée's headlines stay with the singer.
  for (const d of fusedParodyDocs()) {
    assert.equal(c.storyOf(d.id), d.id.startsWith("p") ? "s-p0" : "s-v0", d.id);
  }
  assert.deepEqual(c.topTerms("s-p0", 2), ["toma brill", "jonah keel"]);
  assert.deepEqual(c.topTerms("s-v0", 1), ["dario vesk"]);
  // Without the split check the two stay fused.
  const fused = createClusterer({ ...FUSING, splitMinReports: 1e9 });
  for (const d of fusedParodyDocs()) fused.add(d);
  assert.equal(fused.storyOf("p39"), "s-v0");
});

test("two stories split apart are kept apart after a restart, once told by keepApart", () => {
  const docs = fusedParodyDocs();
  const first = createClusterer(FUSING);
  for (const d of docs) first.add(d);
  const singer = docs.filter((d) => d.id.startsWith("v"));
  const parody = docs.filter((d) => d.id.startsWith("p"));
  /** The merges made after a restart while more reports of both arrive. */
  const mergesAfterRestart = (keptApart: boolean) => {
    const c = createClusterer(FUSING);
    for (const d of docs) c.restore(d, first.storyOf(d.id)!, null);
    if (keptApart) c.keepApart("s-v0", "s-p0");
    const later = docs[docs.length - 1]!.publishedAt + HOUR;
    const merges: { from: string; into: string }[] = [];
    for (let i = 0; i < 10; i++) {
      for (const [prefix, list] of [
        ["mv", singer],
        ["mp", parody],
      ] as const) {
        const title = `${list[i]!.title} ${list[i + 10]!.title}`;
        const at = later + i * 60_000;
        merges.push(...c.add({ id: `${prefix}${i}`, title, text: "", publishedAt: at }).merged);
      }
    }
    return merges;
  };
  assert.deepEqual(mergesAfterRestart(true), []);
  // Not told, a merge pass joins them again (and the next split check parts them once more).
  assert.deepEqual(mergesAfterRestart(false), [{ from: "s-p0", into: "s-v0" }]);
});

/** A clusterer holding the fused singer-and-parody story as stored under "s-v0", after `before`
 * is restored, and the split the next pass makes of it (a singer's headline an hour on is due one). */
function splitAfterRestore(before: (c: ReturnType<typeof createClusterer>) => void) {
  const docs = fusedParodyDocs();
  const c = createClusterer(FUSING);
  before(c);
  for (const d of docs) c.restore(d, "s-v0", null);
  const at = docs[docs.length - 1]!.publishedAt + HOUR;
  const [v20, v21] = ["v20", "v21"].map((id) => docs.find((d) => d.id === id)!);
  const title = `${v20!.title} ${v21!.title}`;
  const late = c.add({ id: "v-late", title, text: "", publishedAt: at });
  assert.equal(late.split.length, 1);
  return { c, split: late.split[0]!, at };
}

test("a split names its new story after the earliest article whose name no story has", () => {
  const { c, split } = splitAfterRestore((c) => {
    const harbour = { id: "h1", title: "Harbour wall repairs begin", text: "", publishedAt: T0 };
    c.restore(harbour, "s-p0", null);
  });
  assert.equal(split.from, "s-v0");
  assert.equal(split.into, "s-p1");
  assert.equal(c.storyOf("p0"), "s-p1");
  assert.equal(c.storyOf("h1"), "s-p0");
});

test("a story that absorbs a split-off part stays apart from the story it was split from", () => {
  const docs = fusedParodyDocs();
  const parody = docs.filter((d) => d.id.startsWith("p"));
  const singer = docs.filter((d) => d.id.startsWith("v"));
  const c = createClusterer(FUSING);
  // An older story of the parody; the singer's story; the parody's reports split off it.
  for (const d of parody.slice(0, 5)) c.restore({ ...d, id: `old-${d.id}` }, "s-old", null);
  for (const d of singer) c.restore(d, "s-v0", null);
  for (const d of parody) c.restore(d, "s-p0", null);
  c.keepApart("s-v0", "s-p0");
  const at = docs[docs.length - 1]!.publishedAt + HOUR;
  const merged: { from: string; into: string }[] = [];
  // Two headlines in one, so none is a copy of a stored one.
  const add = (list: ClusterDoc[], i: number, id: string, t: number) => {
    const title = `${list[i]!.title} ${list[i + 10]!.title}`;
    const got = c.add({ id, title, text: "", publishedAt: t });
    merged.push(...got.merged, ...c.settle().merged);
  };
  for (let i = 0; i < 5; i++) add(parody, i, `lp${i}`, at + i * 60_000);
  assert.deepEqual(merged, [{ from: "s-p0", into: "s-old" }]);
  // The singer's story goes on; what absorbed the parody's split-off part does not take it in.
  for (let i = 0; i < 10; i++) add(singer, i, `lv${i}`, at + HOUR + i * 60_000);
  assert.deepEqual(merged, [{ from: "s-p0", into: "s-old" }]);
  assert.equal(c.storyOf("lv9"), "s-v0");
});

test("restoring a wire copy moves the merge clock on, as restoring a report does", () => {
  const passes = (lastIsCopy: boolean) => {
    const c = createClusterer();
    const [a, b] = fixture.sameEvent as Raw[];
    c.restore(doc(a!, T0), "s-a1", null);
    const last = { ...(lastIsCopy ? a! : b!), id: "last" };
    c.restore(doc(last, T0 + 2 * HOUR), "s-a1", lastIsCopy ? "a1" : null);
    const before = c.work().mergeChecks;
    c.add({ id: "new", title: "Harbour wall repairs begin", text: "", publishedAt: T0 + 2 * HOUR });
    return c.work().mergeChecks - before;
  };
  assert.equal(passes(false), 0);
  assert.equal(passes(true), 0);
});

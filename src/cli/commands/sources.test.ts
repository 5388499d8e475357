import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../../store/index.ts";
import { sampleArticle, sampleStory } from "../../store/sample.ts";
import { NEVER_DUE } from "../../types.ts";
import { captured } from "../captured.ts";
import { run } from "./sources.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-sources-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const sources = (...args: string[]) => captured(() => run(args));

test("a source the poller gave up on is enabled again, by id or URL; others are disabled or removed", async () => {
  const db = join(dir, "sources.db");
  const store = await openStore(db);
  let ids: number[];
  try {
    const broken = await store.addSource({ kind: "feed", url: "https://a.example/feed.xml" });
    const fine = await store.addSource({ kind: "feed", url: "https://b.example/rss" });
    const page = await store.addSource({ kind: "page", url: "https://c.example/story" });
    ids = [broken.id, fine.id, page.id];
    await store.updateSource(broken.id, {
      disabled: true,
      failureCount: 10,
      lastError: "fetch: HTTP 500",
      nextFetchAt: "2026-12-01T00:00:00.000Z",
    });
  } finally {
    await store.close();
  }
  const listed = await sources("--db", db);
  assert.match(listed.out, /^ {3}\d feed {3}DISABLED {5}https:\/\/a\.example\/feed\.xml\n/);
  assert.match(listed.out, /DISABLED sources are not polled: storyline sources enable ID\n$/);

  const enabled = await sources("enable", String(ids[0]), "--db", db);
  assert.equal(enabled.code, 0, enabled.err);
  assert.equal(enabled.out, "enabled: https://a.example/feed.xml (polled on the next round)\n");
  const disabled = await sources("disable", "https://b.example/rss", "--db", db);
  assert.equal(disabled.code, 0, disabled.err);
  const removed = await sources("remove", String(ids[2]), "nope", "--db", db);
  assert.equal(removed.code, 1);
  assert.equal(removed.out, "removed: https://c.example/story (its articles stay)\n");
  assert.equal(removed.err, "sources: no source nope\n");

  const after = await openStore(db);
  try {
    const [a, b, ...rest] = await after.listSources();
    assert.deepEqual(
      [a!.disabled, a!.failureCount, a!.lastError, a!.nextFetchAt],
      [false, 0, null, null],
    );
    assert.equal(b!.disabled, true);
    assert.deepEqual(rest, []);
  } finally {
    await after.close();
  }
  assert.equal((await sources("frobnicate", "1", "--db", db)).code, 2);
  assert.equal((await sources("enable", "--db", db)).code, 2);
});

test("discussion threads that went quiet are counted, not listed, unless --all", async () => {
  const db = join(dir, "threads.db");
  const store = await openStore(db);
  try {
    await store.addSource({ kind: "feed", url: "https://a.example/feed.xml" });
    const quiet = await store.addSource({ kind: "thread", url: "https://hn.example/item?id=1" });
    await store.updateSource(quiet.id, { nextFetchAt: NEVER_DUE });
    await store.addSource({ kind: "thread", url: "https://hn.example/item?id=2" });
  } finally {
    await store.close();
  }
  const listed = await sources("--db", db);
  assert.doesNotMatch(listed.out, /id=1\n/);
  assert.match(listed.out, /thread ok {11}https:\/\/hn\.example\/item\?id=2\n/);
  assert.match(
    listed.out,
    /1 discussion thread gone quiet and no longer polled: --all lists them\n$/,
  );
  const all = await sources("--all", "--db", db);
  assert.match(all.out, /id=1\n/);
  assert.doesNotMatch(all.out, /gone quiet/);
});

test("sections from the command line: add --section, an OPML file's folders, sources section, stories and digest --section", async () => {
  const { run: add } = await import("./add.ts");
  const { run: stories } = await import("./stories.ts");
  const db = join(dir, "sections.db");
  const opml = join(dir, "feeds.opml");
  writeFileSync(
    opml,
    `<opml version="2.0"><body><outline text="World">
       <outline text="W" xmlUrl="https://w.example/feed.xml"/></outline>
       <outline text="Loose" xmlUrl="https://loose.example/rss"/></body></opml>`,
  );
  const added = await captured(() =>
    add(["https://t.example/feed.xml", "--section", " Tech ", "--db", db]),
  );
  assert.equal(added.code, 0, added.err);
  assert.equal(added.out, "added: feed https://t.example/feed.xml (section Tech)\n");
  const imported = await captured(() => add([opml, "--db", db]));
  assert.equal(
    imported.out,
    "added: feed https://w.example/feed.xml (section World)\nadded: feed https://loose.example/rss\n",
  );
  // Added again with another section: moved there.
  const moved = await captured(() =>
    add(["https://loose.example/rss", "--section", "World", "--db", db]),
  );
  assert.equal(moved.out, "moved: feed https://loose.example/rss (section World)\n");
  assert.equal(
    (await captured(() => add(["https://x.example/", "--section", " ", "--db", db]))).code,
    2,
  );

  const filed = await sources(
    "section",
    "Science & Tech",
    "https://t.example/feed.xml",
    "--db",
    db,
  );
  assert.equal(filed.out, 'https://t.example/feed.xml: in section "Science & Tech"\n');
  const unfiled = await sources("section", "", "https://w.example/feed.xml", "--db", db);
  assert.equal(unfiled.out, "https://w.example/feed.xml: in no section\n");
  assert.equal((await sources("section", "Tech", "--db", db)).code, 2);
  const listed = await sources("--db", db);
  assert.match(listed.out, /https:\/\/t\.example\/feed\.xml {2}\[Science & Tech\]\n/);
  assert.match(listed.out, /https:\/\/w\.example\/feed\.xml\n/);
  const exported = await sources("--opml", "--db", db);
  assert.match(exported.out, /<outline text="Science &amp; Tech" title="Science &amp; Tech">/);

  const store = await openStore(db);
  try {
    const tech = await store.getSourceByUrl("https://t.example/feed.xml");
    await store.putArticle(sampleArticle(1));
    await store.assignArticle("a1", "s-1", null);
    await store.putStory(sampleStory("s-1", "2026-11-25T00:00:00.000Z", ["a1"]));
    await store.linkArticleSource("a1", tech!.id);
  } finally {
    await store.close();
  }
  const inTech = await captured(() => stories(["--section", "science & tech", "--db", db]));
  assert.equal(inTech.code, 0, inTech.err);
  assert.match(
    inTech.out,
    /^s-1 {2}Story s-1\n {4}1 article, 1 outlet, updated [^,]+, in Science & Tech\n$/,
  );
  const { run: digest } = await import("./digest.ts");
  const week = await captured(() =>
    digest(["--section", "SCIENCE & TECH", "--since", "2026-11-01", "--db", db]),
  );
  assert.equal(week.code, 0, week.err);
  assert.match(
    week.out,
    /^# Storyline: 1 story in Science & Tech updated since 2026-11-01 00:00 UTC\n/,
  );
  assert.equal((await captured(() => digest(["--section", "Sport", "--db", db]))).code, 1);
  const nowhere = await captured(() => stories(["--section", "Sport", "--db", db]));
  assert.equal(nowhere.code, 1);
  assert.equal(nowhere.err, "stories: no source is in a section named Sport\n");
});

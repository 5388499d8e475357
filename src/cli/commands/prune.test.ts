import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../../store/index.ts";
import { sampleArticle, sampleStory } from "../../store/sample.ts";
import { captured } from "../captured.ts";
import { run } from "./prune.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-prune-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const prune = (...args: string[]) => captured(() => run(args));

test("prune deletes the stories idle before --older-than and says what went", async () => {
  const db = join(dir, "news.db");
  const store = await openStore(db);
  try {
    // sampleArticle n: published 1 November 2026 + n minutes, fetched 3 November + n minutes.
    for (const [n, story] of [
      [1, "s-a1"],
      [2, "s-a1"],
      [3, "s-a3"],
    ] as const) {
      await store.putArticle(sampleArticle(n, { storyId: story }));
      await store.assignArticle(`a${n}`, story, null);
    }
    await store.putStory(sampleStory("s-a1", "2026-11-01T00:02:00.000Z", ["a1", "a2"]));
    await store.putStory(sampleStory("s-a3", "2026-11-01T00:03:00.000Z", ["a3"]));
  } finally {
    await store.close();
  }
  const none = await prune("--older-than", "2026-10-01", "--db", db);
  assert.equal(none.code, 0, none.err);
  assert.equal(
    none.out,
    "prune: deleted 0 stories, 0 articles and 0 discussion threads that stopped growing before 2026-10-01T00:00:00.000Z\n",
  );
  const dry = await prune("--older-than", "2026-11-05T00:00:00Z", "--dry-run", "--db", db);
  assert.equal(
    dry.out,
    "prune: would delete 2 stories, 3 articles and 0 discussion threads that stopped growing before 2026-11-05T00:00:00.000Z\n",
  );
  const some = await prune("--older-than", "2026-11-05T00:00:00Z", "--db", db);
  assert.equal(
    some.out,
    "prune: deleted 2 stories, 3 articles and 0 discussion threads that stopped growing before 2026-11-05T00:00:00.000Z\n",
  );
  const after = await openStore(db);
  try {
    assert.equal(await after.countArticles(), 0);
  } finally {
    await after.close();
  }
});

test("prune refuses an unreadable or future time, and needs one", async () => {
  const db = join(dir, "refused.db");
  for (const bad of ["ninety days", "2030-01-01"]) {
    const got = await prune("--older-than", bad, "--db", db);
    assert.equal(got.code, 2, bad);
    assert.match(got.err, /prune/);
  }
  const saved = process.env.STORYLINE_KEEP_DAYS;
  delete process.env.STORYLINE_KEEP_DAYS;
  try {
    const got = await prune("--db", db);
    assert.equal(got.code, 2);
    assert.match(got.err, /--older-than, or set STORYLINE_KEEP_DAYS/);
  } finally {
    if (saved !== undefined) process.env.STORYLINE_KEEP_DAYS = saved;
  }
});

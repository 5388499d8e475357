import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../../store/index.ts";
import { captured } from "../captured.ts";
import { run } from "./add.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-add-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `storyline add` with its output captured. */
function add(args: string[]) {
  return captured(() => run(args));
}

test("add refuses what the fetcher would refuse, says why, and stores nothing for it", async () => {
  const db = join(dir, "add.db");
  const refused = [
    ["file:///etc/passwd", /cannot follow file:\/\/\/etc\/passwd: scheme file: refused/],
    ["javascript:alert(1)", /scheme javascript: refused/],
    ["http://169.254.169.254/latest/meta-data/", /refused address 169\.254\.169\.254/],
  ] as const;
  for (const [url, reason] of refused) {
    const { code, err } = await add([url, "--db", db]);
    assert.equal(code, 2, url);
    assert.match(err, reason);
  }
  const added = await add(["https://news.example.org/feed.xml#top", "--db", db]);
  assert.equal(added.code, 0);
  assert.equal(added.out, "added: feed https://news.example.org/feed.xml\n");
  const store = await openStore(db);
  try {
    assert.deepEqual(
      (await store.listSources()).map((s) => s.url),
      ["https://news.example.org/feed.xml"],
    );
  } finally {
    await store.close();
  }
});

test("add --kind takes only feed, page or thread, and stores nothing otherwise", async () => {
  const db = join(dir, "kind.db");
  const refused = await add(["https://news.example.org/news", "--kind", "rss", "--db", db]);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /^add: --kind must be feed, page or thread, not "rss"\n$/);
  const added = await add(["https://news.example.org/news", "--kind", "thread", "--db", db]);
  assert.equal(added.code, 0, added.err);
  const store = await openStore(db);
  try {
    assert.deepEqual(
      (await store.listSources()).map((s) => s.kind),
      ["thread"],
    );
  } finally {
    await store.close();
  }
});

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../../store/index.ts";
import { sampleArticle } from "../../store/sample.ts";
import { captured } from "../captured.ts";
import { run } from "./backup.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-backup-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const backup = (...args: string[]) => captured(() => run(args));

test("backup copies the store to a new file and will not overwrite one", async () => {
  const db = join(dir, "news.db");
  const store = await openStore(db);
  try {
    await store.putArticle(sampleArticle(1));
  } finally {
    await store.close();
  }
  const target = join(dir, "copy.db");
  const done = await backup(target, "--db", db);
  assert.equal(done.code, 0, done.err);
  assert.match(done.out, /^backup: .*news\.db copied to .*copy\.db \(\d+\.\d MB\)\n$/);
  assert.ok(existsSync(target));
  const again = await backup(target, "--db", db);
  assert.equal(again.code, 1);
  assert.match(again.err, /exists; back up to a new file/);
  assert.equal((await backup("--db", db)).code, 2);
  const pg = await backup(join(dir, "x.db"), "--db", "postgres://nobody@127.0.0.1:1/none");
  assert.equal(pg.code, 2);
  assert.match(pg.err, /pg_dump/);
});

// Opening a SQLite store while another process holds the write lock past the usual wait (a long
// migration after an upgrade) waits for it instead of failing with "database is locked".
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "./index.ts";
import { SQLITE_BUSY_TIMEOUT_MS } from "./sqlite.ts";

const tmp = mkdtempSync(join(tmpdir(), "storyline-migrate-wait-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A child process that takes the write lock, says so, and keeps it for `holdMs`. */
const HOLDER = `
const Database = require("better-sqlite3");
const [path, holdMs] = process.argv.slice(1);
const conn = new Database(path);
conn.pragma("journal_mode = WAL");
conn.exec("BEGIN IMMEDIATE");
conn.exec("CREATE TABLE IF NOT EXISTS held (x)");
process.stdout.write("locked\\n");
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
conn.exec("COMMIT");
conn.close();
`;

test("a store opened during another process's long write waits for it to end", async () => {
  const path = join(tmp, "held.db");
  const child = spawn(
    process.execPath,
    ["-e", HOLDER, path, String(SQLITE_BUSY_TIMEOUT_MS + 1500)],
    {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => chunk.includes("locked") && resolve());
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
  const store = await openStore(path);
  try {
    assert.equal(await store.countArticles(), 0);
  } finally {
    await store.close();
  }
  assert.equal(await exited, 0);
});

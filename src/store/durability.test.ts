// kill -9 at a random moment loses nothing committed: a child writes in a loop and reports each
// id after its commit; we kill it mid-stream, reopen, and check every reported record is there,
// whole, exactly once, and that SQLite and its FTS index pass their integrity checks.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { openStore } from "./index.ts";
import { sampleArticle } from "./sample.ts";

const CHILD = fileURLToPath(new URL("./durability-child.ts", import.meta.url));
const ROUNDS = 3;
/** The kill lands somewhere in this window after the child reports it is writing (ms). */
const MAX_KILL_DELAY_MS = 400;

const tmp = mkdtempSync(join(tmpdir(), "storyline-durability-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the child from `first` and SIGKILLs it at a random moment; returns the lines it reported. */
function runAndKill(db: string, first: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, db, String(first)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    let armed = false;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      if (!armed && out.includes("ready\n")) {
        armed = true;
        const delay = 20 + Math.floor(Math.random() * MAX_KILL_DELAY_MS);
        setTimeout(() => child.kill("SIGKILL"), delay);
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`child ended with ${code ?? signal}`));
      // Only whole lines count: a line cut by the kill was never fully reported.
      else resolve(out.split("\n").slice(0, -1));
    });
  });
}

test("SQLite: kill -9 at random moments loses nothing committed", async (t) => {
  const db = join(tmp, "durable.db");
  const articles = new Set<string>();
  const threads = new Set<string>();
  let next = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const lines = await runAndKill(db, next);
    for (const line of lines) {
      if (line.startsWith("a ")) articles.add(line.slice(2));
      if (line.startsWith("t ")) threads.add(line.slice(2));
    }
    // Next round starts past anything the killed child may have committed without reporting.
    next += 100_000;

    const raw = new Database(db);
    assert.equal(raw.pragma("integrity_check", { simple: true }), "ok");
    raw.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
    raw.close();
  }
  assert.ok(articles.size > 0, "the child reported at least one commit");

  const store = await openStore(db);
  try {
    const stored = await store.listArticles();
    const ids = stored.map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length, "no article stored twice");
    const have = new Set(ids);
    for (const id of articles) assert.ok(have.has(id), `committed article ${id} is missing`);
    for (const a of stored) {
      const n = Number(a.id.slice(1));
      const expected = sampleArticle(n, { text: `${"long body text ".repeat(n % 500)}${n}` });
      assert.deepEqual(a, expected, `article ${a.id} is whole`);
    }
    const storedThreads = await store.listThreads();
    const haveThreads = new Set(storedThreads.map((t) => t.id));
    for (const id of threads) assert.ok(haveThreads.has(id), `committed thread ${id} is missing`);
    for (const th of storedThreads) {
      assert.equal(th.comments.length, 20, `thread ${th.id} is whole`);
    }
    assert.equal((await store.search("headline number", 5)).length, Math.min(5, stored.length));
    t.diagnostic(
      `${articles.size} articles, ${threads.size} threads reported; ${stored.length} stored`,
    );
  } finally {
    await store.close();
  }
});

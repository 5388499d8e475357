// Durability: `storyline run` is killed with SIGKILL at a random moment twenty times during a
// demo-sized ingest and restarted; in the end every article is stored exactly once.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { loadCorpus } from "../../src/demo/corpus.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/server.ts";
import { articleId } from "../../src/pipeline/article.ts";

const BIN = join(import.meta.dirname, "../../bin/storyline.js");
const KILLS = 20;
/** Random kill moments are drawn from this window, which covers start-up and the ingest itself. */
const KILL_WINDOW_MS = 4_000;
/** Bound on the final, uninterrupted run (against hanging; not a speed assertion). */
const FINAL_DEADLINE_MS = 120_000;

describe("kill -9 during ingest loses nothing and duplicates nothing", () => {
  const corpus = loadCorpus();
  const dir = mkdtempSync(join(tmpdir(), "storyline-crash-"));
  const dbPath = join(dir, "crash.db");
  let outlets: DemoServer;

  before(async () => {
    outlets = await startDemoServer();
  });
  after(async () => {
    await outlets.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function startRun() {
    return spawn(
      process.execPath,
      [BIN, "run", "--db", dbPath, ...outlets.feedUrls.flatMap((u) => ["--feed", u])],
      {
        env: {
          ...process.env,
          STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
          STORYLINE_HOST_DELAY_MS: "0",
          STORYLINE_HN_SEARCH_API: `${outlets.url}/hn/api/v1`,
          STORYLINE_REDDIT_API: outlets.url,
          STORYLINE_LOG: "error",
        },
        stdio: "ignore",
      },
    );
  }

  function storedIds(): string[] {
    // Read-write: opening a WAL database read-only fails while its -shm file is missing.
    const db = new Database(dbPath, { fileMustExist: true, timeout: 5_000 });
    try {
      assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
      return db.prepare("SELECT id FROM articles").pluck().all() as string[];
    } finally {
      db.close();
    }
  }

  /** The stored ids, or none when the killed run had not yet created the database. */
  function tryStoredIds(): string[] {
    try {
      return storedIds();
    } catch (error) {
      if (!/unable to open|does not exist|no such table/i.test((error as Error).message))
        throw error;
      return [];
    }
  }

  it(`survives ${KILLS} SIGKILLs and ends with every article exactly once`, async () => {
    const counts: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      const child = startRun();
      // Odd runs die at a random moment; even runs once a few more articles are in, so that
      // kills land in the middle of the ingest wherever the machine's speed puts it.
      const before = counts.at(-1) ?? 0;
      const target = before + 1 + Math.floor(Math.random() * 6);
      const deadline =
        Date.now() + (i % 2 === 1 ? Math.random() * KILL_WINDOW_MS : KILL_WINDOW_MS * 4);
      while (Date.now() < deadline && (i % 2 === 1 || tryStoredIds().length < target)) {
        await new Promise((r) => setTimeout(r, 10));
      }
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const ids = tryStoredIds();
      assert.equal(new Set(ids).size, ids.length);
      counts.push(ids.length);
    }
    // Never fewer than before: nothing committed is lost by a kill.
    for (let i = 1; i < counts.length; i++)
      assert.ok(counts[i]! >= counts[i - 1]!, `counts went down: ${counts}`);

    const child = startRun();
    const deadline = Date.now() + FINAL_DEADLINE_MS;
    const expected = corpus.articles.map((a) => articleId(`${outlets.url}${a.path}`)).sort();
    let ids: string[] = [];
    while (Date.now() < deadline) {
      ids = tryStoredIds().sort();
      if (ids.length >= expected.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    child.kill("SIGKILL");
    assert.deepEqual(ids, expected);
    console.log(
      `crash test: counts after each kill ${counts.join(",")}; final ${ids.length} articles, each once`,
    );
  });
});

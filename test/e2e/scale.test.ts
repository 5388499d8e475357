// Scale-out on PostgreSQL: three worker processes share the demo corpus; one worker and then the
// clusterer are killed with SIGKILL mid-run; the end state must match a single-process SQLite run
// (same article-to-story partition), with nothing lost and nothing duplicated.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../../src/config.ts";
import { loadCorpus } from "../../src/demo/corpus.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/server.ts";
import { parseOpml } from "../../src/ingest/opml.ts";
import { demoConfig, ingestDemo } from "../../src/pipeline/demo.ts";
import { openStore } from "../../src/store/index.ts";
import type { Store } from "../../src/store/store.ts";
import { createTempDatabase, TEST_PG, type TempDatabase } from "./pg.ts";

const BIN = join(import.meta.dirname, "../../bin/storyline.js");
/** The whole run must settle within this; it is a bound against hanging, not a speed test. */
const SETTLE_DEADLINE_MS = 150_000;

describe("scale-out: three workers on PostgreSQL survive SIGKILL", {
  skip: TEST_PG === null ? "STORYLINE_TEST_PG is not set" : false,
}, () => {
  const corpus = loadCorpus();
  const dir = mkdtempSync(join(tmpdir(), "storyline-scale-"));
  let outlets: DemoServer;
  let db: TempDatabase;
  let pgStore: Store;
  const workers: { child: ChildProcess; log: string[] }[] = [];

  before(async () => {
    outlets = await startDemoServer();
    db = await createTempDatabase("storyline_scale");
    pgStore = await openStore(db.url);
  });

  after(async () => {
    for (const w of workers) w.child.kill("SIGKILL");
    await pgStore?.close();
    await db?.drop();
    await outlets?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function startWorker(): { child: ChildProcess; log: string[] } {
    const child = spawn(process.execPath, [BIN, "worker", "--db", db.url, "--concurrency", "2"], {
      env: {
        ...process.env,
        STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
        STORYLINE_HOST_DELAY_MS: "0",
        STORYLINE_JOB_EXPIRE_SECONDS: "10",
        STORYLINE_HN_SEARCH_API: `${outlets.url}/hn/api/v1`,
        STORYLINE_REDDIT_API: outlets.url,
        STORYLINE_LOG: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const worker = { child, log: [] as string[] };
    child.stdout!.on("data", (b: Buffer) => worker.log.push(b.toString()));
    child.stderr!.on("data", (b: Buffer) => {
      worker.log.push(b.toString());
      // Elections in the order they happened, across all workers.
      for (const m of b.toString().matchAll(/pid (\d+) is now the clusterer/g))
        elections.push(Number(m[1]));
    });
    workers.push(worker);
    return worker;
  }

  const elections: number[] = [];
  const clustererPid = () => {
    return elections.at(-1) ?? null;
  };

  const dumpLogs = () => {
    for (const w of workers)
      console.error(`--- worker ${w.child.pid}\n${w.log.join("").slice(-3000)}`);
  };

  it("ends with the single-process stories, nothing lost or duplicated", async (t) => {
    t.after(() => {
      if (process.exitCode) dumpLogs();
    });
    // The reference: one process on SQLite.
    const sqliteConfig = demoConfig(loadConfig({}, { db: join(dir, "single.db") }), outlets);
    const sqlite = await openStore(sqliteConfig.db);
    await ingestDemo(outlets, sqlite, sqliteConfig);
    const reference = await partition(sqlite);
    await sqlite.close();

    for (const feed of parseOpml(outlets.opml))
      await pgStore.addSource({ kind: "feed", url: feed.url, title: feed.title });
    for (const url of outlets.threadUrls) await pgStore.addSource({ kind: "thread", url });
    for (let i = 0; i < 3; i++) startWorker();
    let state = "";

    // Kill a worker that is not the clusterer once some articles are in, then the clusterer.
    await waitFor(async () => (await pgStore.countArticles()) >= 15 && clustererPid() !== null);
    const victim = workers.find((w) => w.child.pid !== clustererPid())!;
    victim.child.kill("SIGKILL");
    await waitFor(async () => (await pgStore.listStories()).length >= 3);
    const leader = clustererPid()!;
    workers.find((w) => w.child.pid === leader)!.child.kill("SIGKILL");
    startWorker();
    // Another worker takes the clusterer lock over.
    await waitFor(async () => clustererPid() !== leader).catch((error) => {
      dumpLogs();
      throw error;
    });

    await waitFor(async () => {
      const articles = await pgStore.listArticles();
      state = `${articles.length} articles, ${articles.filter((a) => a.storyId === null).length} unassigned`;
      if (articles.length < corpus.articles.length || articles.some((a) => a.storyId === null))
        return false;
      const stories = await pgStore.listStories({ limit: 1000 });
      for (const s of stories) {
        if ((await pgStore.getBrief(s.id)) === null) {
          state += `, story ${s.id} has no brief`;
          return false;
        }
      }
      return true;
    }).catch((error) => {
      dumpLogs();
      console.error(state);
      throw error;
    });

    assert.equal(
      await pgStore.countArticles(),
      corpus.articles.length,
      "every article stored exactly once",
    );
    assert.deepEqual(await partition(pgStore), reference);
    assert.equal((await pgStore.listThreads()).length, corpus.threads.length);
  });
});

/** The article-to-story assignment as a sorted list of sorted canonical-URL groups (ids may differ). */
async function partition(store: Store): Promise<string[][]> {
  const groups = new Map<string, string[]>();
  for (const a of await store.listArticles()) {
    const group = groups.get(a.storyId ?? "none") ?? [];
    group.push(new URL(a.canonicalUrl).pathname);
    groups.set(a.storyId ?? "none", group);
  }
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + SETTLE_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("test: the workers did not settle before the deadline");
}

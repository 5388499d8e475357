// A real feed reader reads our Atom feed: Debian's newsboat, run non-interactively.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { loadFixtures } from "../../src/serve/fixtures.ts";
import { startTestServer } from "./harness.ts";

const NEWSBOAT = "/usr/bin/newsboat";
const skip = existsSync(NEWSBOAT)
  ? false
  : `newsboat is not installed at ${NEWSBOAT} (apt-get install newsboat); skipping`;
if (skip) console.log(`# ${skip}`);

test("newsboat reads the brief titles from the Atom feeds, and a story's developments", {
  skip,
}, async () => {
  const server = await startTestServer();
  const dir = mkdtempSync(join(tmpdir(), "storyline-newsboat-"));
  try {
    const feeds = [
      `${server.url}/feeds/stories.atom`,
      `${server.url}/feeds/outlet/Northern%20Post.atom`,
      `${server.url}/feeds/stories/s-bridge.atom`,
    ];
    writeFileSync(join(dir, "urls"), `${feeds.join("\n")}\n`);
    writeFileSync(join(dir, "config"), "");
    // Asynchronous, so this process's server keeps answering while newsboat fetches.
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const args = [
        "-u",
        join(dir, "urls"),
        "-c",
        join(dir, "cache.db"),
        "-C",
        join(dir, "config"),
        "-x",
        "reload",
      ];
      const env = { HOME: dir, PATH: process.env.PATH ?? "/usr/bin", TERM: "dumb" };
      execFile(NEWSBOAT, args, { env, timeout: 60_000 }, (err, _stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stderr });
      });
    });
    assert.equal(run.code, 0, run.stderr);
  } finally {
    await server.close();
  }
  try {
    const db = new Database(join(dir, "cache.db"), { readonly: true });
    const rows = db.prepare("SELECT title, url, feedurl FROM rss_item").all() as {
      title: string;
      url: string;
      feedurl: string;
    }[];
    const feedTitles = db.prepare("SELECT title FROM rss_feed ORDER BY title").all() as {
      title: string;
    }[];
    db.close();
    const briefs = loadFixtures().briefs;
    const bridge = briefs.find((b) => b.storyId === "s-bridge")!;
    // newsboat keys its cache by entry id, and a story in several feeds is one entry: so each
    // brief appears once across the feeds; the bridge story's feed adds its two developments.
    assert.deepEqual(
      rows.map((r) => r.title).sort(),
      [...briefs.map((b) => b.headline), ...bridge.timeline.map((e) => e.text)].sort(),
    );
    assert.ok(
      rows.every((r) => /^http:\/\/127\.0\.0\.1:\d+\/stories\/s-/.test(r.url)),
      "absolute story links",
    );
    assert.deepEqual(
      feedTitles.map((f) => f.title),
      [
        `Storyline: ${bridge.headline}`,
        "Storyline: all stories",
        "Storyline: stories covered by Northern Post",
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

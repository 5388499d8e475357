// The CLI as a user runs it: `storyline demo --no-serve` then the read commands on its database.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

const BIN = join(import.meta.dirname, "../../bin/storyline.js");

function storyline(...args: string[]) {
  return storylineWith({}, ...args);
}

function storylineWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, STORYLINE_LOG: "error", ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** storyline(), killed after `ms`: for a command that must not hang (code null when killed). */
function storylineWithin(ms: number, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, STORYLINE_LOG: "error" },
    timeout: ms,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("storyline CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "storyline-cli-"));
  const db = join(dir, "x.db");
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("demo --no-serve ingests the demo and stories --json lists its stories", () => {
    const demo = storyline("demo", "--no-serve", "--db", db);
    assert.equal(demo.code, 0, demo.err);
    assert.match(demo.out, /demo: 62 articles/);
    const stories = JSON.parse(storyline("stories", "--json", "--db", db).out) as {
      id: string;
      articles: number;
      independentSources: number;
      briefSentences: number;
    }[];
    assert.ok(stories.length >= 10);
    for (const s of stories) assert.ok(s.briefSentences >= 1, `${s.id} has an empty brief`);
    // The demo has three wire copies: they are stored, but not counted as independent sources.
    const copies = stories.reduce((n, s) => n + s.articles - s.independentSources, 0);
    assert.equal(copies, 3);

    const md = storyline("story", stories[0]!.id, "--md", "--db", db);
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^# /);
    assert.match(md.out, /\nWho covers it \(\d+ outlets\):\n- Lean: /);
    assert.equal(storyline("story", "no-such-story", "--db", db).code, 1);

    // The demo's library reopening has one report: counts read "1 article, 1 outlet".
    const single = stories.find((s) => s.articles === 1)!;
    assert.match(storyline("stories", "--db", db).out, /\n {4}1 article, 1 outlet, updated /);
    const one = storyline("story", single.id, "--md", "--db", db).out;
    assert.match(one, /\nWho covers it \(1 outlet\):\n/);

    // A digest of the 25th: the strike story with its deal; the e-bike recall (last news on the
    // 24th) left out; JSON for scripts.
    const digest = storyline("digest", "--since", "2026-11-25T00:00:00Z", "--db", db);
    assert.equal(digest.code, 0, digest.err);
    assert.match(digest.out, /^# Storyline: 8 stories updated since 2026-11-25 00:00 UTC\n/);
    assert.match(
      digest.out,
      /## Saltmere dockworkers and operators reach tentative deal to end strike\n[^\n]*\n\nAccording to Vellmont Wire Service, [^\n]*\n\nSince then:\n- 2026-11-25 05:45 UTC: Dockworkers at the Port of Saltmere will return to work on Thursday/,
    );
    assert.doesNotMatch(digest.out, /E-bike/i);
    const rows = JSON.parse(
      storyline("digest", "--since", "2026-11-25", "--limit", "2", "--json", "--db", db).out,
    ) as { since: string; stories: { title: string; outlets: number }[] };
    assert.equal(rows.since, "2026-11-25T00:00:00.000Z");
    assert.equal(rows.stories.length, 2);
    assert.ok(rows.stories[0]!.outlets >= rows.stories[1]!.outlets, "widest coverage first");
    assert.equal(storyline("digest", "--since", "yesterday", "--db", db).code, 2);

    // The demo describes its outlets, as a reader would with `storyline outlets import`.
    const outlets = JSON.parse(storyline("outlets", "--json", "--db", db).out) as {
      name: string;
      lean: string;
    }[];
    assert.equal(outlets.length, 9);
    assert.ok(outlets.some((o) => o.name === "Civic Signal" && o.lean === "left"));
    // The listing is an outlet list itself: it imports back unchanged.
    const listed = join(dir, "listed.json");
    writeFileSync(listed, storyline("outlets", "--json", "--db", db).out);
    const copy = join(dir, "copy.db");
    assert.equal(storyline("outlets", "import", listed, "--db", copy).code, 0);
    assert.deepEqual(JSON.parse(storyline("outlets", "--json", "--db", copy).out), outlets);
  });

  it("outlets import refuses a bad list with the entry and the reason, and stores nothing", () => {
    const file = join(dir, "outlets.json");
    writeFileSync(file, JSON.stringify([{ domain: "ok.example" }, { domain: "not a domain" }]));
    const other = join(dir, "outlets.db");
    const bad = storyline("outlets", "import", file, "--db", other);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^outlets: entry 2: "not a domain" is not a domain/);
    assert.equal(storyline("outlets", "--json", "--db", other).out.trim(), "[]");
    writeFileSync(file, JSON.stringify([{ domain: "https://www.ok.example/", lean: "centre" }]));
    assert.match(storyline("outlets", "import", file, "--db", other).out, /^outlets: 1 described/);
    assert.match(storyline("outlets", "--db", other).out, /^ok\.example +centre · - · -/);
    writeFileSync(file, JSON.stringify([{ name: "Civic Signal", lean: "left" }]));
    storyline("outlets", "import", file, "--db", other);
    assert.equal(JSON.parse(storyline("outlets", "--json", "--db", other).out).length, 2);
    const replaced = storyline("outlets", "import", file, "--replace", "--db", other);
    assert.match(replaced.out, /^outlets: 1 described \(the whole list: others removed\)/);
    assert.deepEqual(
      JSON.parse(storyline("outlets", "--json", "--db", other).out).map(
        (o: { name: string }) => o.name,
      ),
      ["Civic Signal"],
    );
  });

  it("exports feed sources as OPML and re-imports them", () => {
    const opml = storyline("sources", "--opml", "--db", db);
    assert.equal(opml.code, 0, opml.err);
    // The demo's nine feeds, in its three sections' folders.
    assert.equal((opml.out.match(/<outline type="rss" /g) ?? []).length, 9);
    assert.equal((opml.out.match(/<outline text="(Local|National|Business)" /g) ?? []).length, 3);
    const file = join(dir, "feeds.opml");
    writeFileSync(file, opml.out);
    // The demo's outlets are on loopback: another database follows them only where allowed.
    const refused = storyline("add", file, "--db", join(dir, "other.db"));
    assert.equal(refused.code, 2);
    assert.match(refused.err, /refused address 127\.0\.0\.1 \(loopback\)/);
    const loopback = { STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1" };
    const again = storylineWith(loopback, "add", file, "--db", join(dir, "other.db"));
    assert.equal(again.code, 0, again.err);
    assert.equal(
      (again.out.match(/^added: feed .* \(section (Local|National|Business)\)$/gm) ?? []).length,
      9,
    );
  });

  it("search lists matching articles by story, as text and as the API's JSON", () => {
    const text = storyline("search", "port", "strike", "--db", db);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /^\d+ matching articles in \d+ stories for “port strike”\n/);
    assert.match(text.out, /\ns-\w+ {2}[^\n]+\n {4}The [^\n]+, 2026-11-2\d: [^\n]*\*[Ss]trike\*/);
    assert.match(text.out, /\n {4}\+ \d+ more matching articles? from /);
    const json = JSON.parse(
      storyline("search", "strike", "--json", "--limit", "3", "--db", db).out,
    );
    assert.equal(json.query, "strike");
    assert.equal(json.hits.length, 3);
    for (const hit of json.hits) {
      const [start, end] = hit.matches[0];
      assert.match(hit.snippet.slice(start, end), /^strike/i);
    }
    const none = storyline("search", "zzzqqq", "--db", db);
    assert.equal(none.code, 1);
    assert.match(none.out, /^search: nothing matches “zzzqqq”/);
    assert.equal(storyline("search", "--db", db).code, 2);
  });

  it("a hostile feed's control characters never reach the terminal", () => {
    const feed = join(dir, "escapes.xml");
    writeFileSync(
      feed,
      `<rss version="2.0"><channel><title>T</title><item><title>Calm &#27;[2J&#27;]0;owned&#7; headline&#13;</title><link>https://e.example/a</link></item></channel></rss>`,
    );
    const parsed = storyline("feed", "parse", feed);
    assert.equal(parsed.code, 0, parsed.err);
    assert.match(parsed.out, /Calm \[2J\]0;owned headline/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
    assert.doesNotMatch(parsed.out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it("refuses bad input with one clear line and a non-zero exit", () => {
    assert.equal(storyline("add", "not a url", "--db", db).code, 2);
    assert.equal(storyline("frobnicate").code, 2);
    const feed = join(dir, "page.xml");
    writeFileSync(feed, "<html><body>not a feed</body></html>");
    const parsed = storyline("feed", "parse", feed);
    assert.equal(parsed.code, 2);
    assert.match(parsed.err, /^feed: not a feed/m);
  });

  it("demo exits with the error, instead of hanging, when its database cannot be opened", () => {
    // The bound only catches a hang (the outlets server left listening), not slowness.
    const demo = storylineWithin(20_000, "demo", "--no-serve", "--db", join(dir, "no/such/x.db"));
    assert.notEqual(demo.code, null, "demo hung after the error");
    assert.equal(demo.code, 1);
    assert.match(demo.err, /^storyline: store: cannot open SQLite database .*no\/such\/x\.db$/m);
  });

  it("worker --concurrency and stories --limit take only a positive integer", () => {
    // No database needed: both are checked before connecting.
    for (const bad of ["four", "0", "-1", "1.5"]) {
      const worker = storylineWithin(20_000, "worker", `--concurrency=${bad}`);
      assert.equal(worker.code, 2, bad);
      assert.equal(worker.err, `worker: --concurrency must be a positive integer, not "${bad}"\n`);
      const stories = storyline("stories", `--limit=${bad}`, "--db", join(dir, "limit.db"));
      assert.equal(stories.code, 2, bad);
      assert.equal(stories.err, `stories: --limit must be a positive integer, not "${bad}"\n`);
    }
  });

  it("eval clustering prints both systems' scores and, with --errors, the fused gold stories", () => {
    const items = [
      ["1", "harbour bridge reopens after repairs", "a"],
      ["2", "harbour bridge reopens to traffic after repairs", "a"],
      ["3", "harbour bridge reopening draws crowds", "b"],
      ["4", "harbour bridge reopening crowds cheer", "b"],
      ["5", "national cup final won in extra time", "c"],
    ].map(([id, title, story]) => JSON.stringify({ id, title, snippet: title, story }));
    const file = join(dir, "items.jsonl");
    writeFileSync(file, `${items.join("\n")}\n`);
    const run = storyline("eval", "clustering", "--data", file, "--errors", "3");
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^storyline +[\d.]+ +[\d.]+/m);
    assert.match(run.out, /^naive \(t=/m);
    assert.match(run.out, /found stories that fuse gold stories/);
    assert.match(run.out, /gold a: 2, "harbour bridge reopens after repairs"/);
    assert.match(run.out, /gold b: 2, "harbour bridge reopening draws crowds"/);
    const orders = storyline("eval", "clustering", "--data", file, "--orders", "3");
    assert.equal(orders.code, 0, orders.err);
    assert.match(orders.out, /^over 3 orders/m);
    assert.match(orders.out, /^storyline +[\d.]+ \[[\d.]+, [\d.]+\]/m);
    assert.equal(storyline("eval", "clustering", "--data", file, "--orders", "0").code, 2);
  });
  it("every command answers --help with what it does, and exits 0", () => {
    for (const command of [
      "demo",
      "stories",
      "story",
      "search",
      "digest",
      "prune",
      "feed",
      "worker",
    ]) {
      const help = storyline(command, "--help");
      assert.equal(help.code, 0, `${command}: ${help.err}`);
      assert.match(help.out, new RegExp(`^storyline ${command}: `), command);
    }
    assert.equal(storyline("serve", "--help").code, 0);
  });
});

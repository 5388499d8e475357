import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { run } from "./feed.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-feed-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command with its output captured. */
async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>CLI feed</title>
<entry><title>Hello &amp; welcome</title><link href="/posts/1"/><id>urn:1</id><published>2026-11-25T10:00:00Z</published><author><name>Ana</name></author></entry></feed>`;

test("feed parse prints a summary, or the ParsedFeed as JSON with --json", async () => {
  const file = join(dir, "feed.atom");
  writeFileSync(file, ATOM);
  const human = await capture(["parse", file, "--url", "https://blog.example.org/atom.xml"]);
  assert.equal(human.code, 0);
  assert.match(human.out, /^format: {2}atom\ntitle: {3}CLI feed\n/);
  assert.match(
    human.out,
    /- Hello & welcome\n {2}https:\/\/blog\.example\.org\/posts\/1\n {2}2026-11-25T10:00:00\.000Z · Ana/,
  );
  const json = await capture([
    "parse",
    file,
    "--json",
    "--url",
    "https://blog.example.org/atom.xml",
  ]);
  assert.equal(json.code, 0);
  const feed = JSON.parse(json.out);
  assert.equal(feed.format, "atom");
  assert.equal(feed.entries[0].url, "https://blog.example.org/posts/1");
});

test("feed parse exits 2 with one 'feed:' line for a non-feed, a missing file or bad usage", async () => {
  const html = join(dir, "page.html");
  writeFileSync(html, "<!doctype html><html><body>hi</body></html>");
  assert.deepEqual(await capture(["parse", html]), {
    code: 2,
    out: "",
    err: "feed: not a feed: got an HTML page\n",
  });
  const missing = await capture(["parse", join(dir, "nope.xml")]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /^feed: cannot read .*nope\.xml: ENOENT\n$/);
  assert.equal((await capture([])).code, 2);
  const unknown = await capture(["parse", html, "--bogus"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^feed: Unknown option '--bogus'/);
});

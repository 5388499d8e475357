// Every parser of outside input, fed seeded mutations of the project's own fixtures: damaged bytes,
// cut and spliced text, and JSON whose values take the wrong types. Each may refuse an input, but
// only with its own error and its reason; anything else thrown is a bug (one such TypeError lost a
// whole page, one RangeError a whole discussion thread). The same seed gives the same inputs on
// every run, so a failure names an input that can be replayed.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import { decodeHtml, extractArticle } from "../../src/extract/index.ts";
import { FeedError, parseFeed } from "../../src/ingest/feeds/index.ts";
import { parseOpml } from "../../src/ingest/opml.ts";
import { ThreadError } from "../../src/ingest/threads/error.ts";
import { parseHnAlgoliaThread } from "../../src/ingest/threads/hackernews-algolia.ts";
import { parseHnFirebaseItem } from "../../src/ingest/threads/hackernews-firebase.ts";
import { lemmyComments, parseLemmyComments } from "../../src/ingest/threads/lemmy.ts";
import { parseRedditThread } from "../../src/ingest/threads/reddit.ts";
import { mulberry32 } from "../../src/text/random.ts";

const SRC = new URL("../../src/", import.meta.url).pathname;
const ROUNDS = 300;
/** Pieces that break parsers: markup, entities, quotes, controls, encodings' odd bytes. */
const PIECES = [
  "<",
  ">",
  "</div>",
  "<p>",
  '"',
  "<!--",
  "]]>",
  "&#0;",
  "&#xD800;",
  "&",
  "\u0000",
  "\uFFFD",
  "<![CDATA[",
];
/** Values JSON fields take when an API changes or lies. */
const WRONG = [null, 0, -1, 1e300, "", "x", [], {}, true, "javascript:alert(1)"];

/** Cuts, splices and damages `text` a few times. */
function mutateText(text: string, random: () => number): string {
  let s = text;
  for (let k = 1 + Math.floor(random() * 6); k > 0; k--) {
    const at = Math.floor(random() * (s.length + 1));
    const op = random();
    if (op < 0.35) s = s.slice(0, at) + s.slice(at + Math.floor(random() * 80));
    else if (op < 0.7)
      s = s.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)]! + s.slice(at);
    else if (op < 0.85) {
      const from = Math.floor(random() * s.length);
      s = s.slice(0, at) + s.slice(from, from + 60) + s.slice(at);
    } else s = s.slice(0, at);
  }
  return s;
}

/** Replaces some of a JSON document's values by values of the wrong type. */
function mutateJson(value: unknown, random: () => number, rate = 0.04): unknown {
  if (random() < rate) return WRONG[Math.floor(random() * WRONG.length)];
  if (Array.isArray(value)) return value.map((v) => mutateJson(v, random, rate));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mutateJson(v, random, rate)]),
    );
  return value;
}

/** The fixture files under a folder of src/ (recursively) whose names match. */
function fixtures(dir: string, name: RegExp): string[] {
  return readdirSync(join(SRC, dir), { recursive: true, encoding: "utf8" })
    .filter((path) => name.test(basename(path)))
    .map((path) => join(SRC, dir, path))
    .sort();
}

/** Runs `parse` on ROUNDS mutations; fails on the first error that `expected` does not accept. */
async function survives(
  inputs: string[],
  mutate: (input: string, random: () => number) => string,
  parse: (input: string) => unknown,
  expected: (err: unknown) => boolean,
  seed: number,
): Promise<void> {
  assert.ok(inputs.length > 0, "no fixtures found");
  const random = mulberry32(seed);
  for (let round = 0; round < ROUNDS; round++) {
    const input = mutate(inputs[Math.floor(random() * inputs.length)]!, random);
    try {
      await parse(input);
    } catch (err) {
      if (!expected(err))
        assert.fail(
          `round ${round} (seed ${seed}): ${(err as Error).stack}\ninput: ${JSON.stringify(input.slice(0, 2000))}`,
        );
    }
  }
}

const read = (paths: string[]) => paths.map((p) => readFileSync(p, "latin1"));

test("feeds: damaged RSS, Atom, RDF and JSON Feed documents give a FeedError or a feed", async () => {
  const feeds = read(fixtures("ingest/feeds/testdata/corpus", /^input\./));
  await survives(
    feeds,
    mutateText,
    (s) => parseFeed(Buffer.from(s, "latin1"), "https://feeds.example.com/news/feed.xml"),
    (err) => err instanceof FeedError,
    1,
  );
});

test("extraction: damaged pages give an article or null, never an error", async () => {
  const pages = read(fixtures("extract/testdata", /\.html$/));
  await survives(
    pages,
    mutateText,
    (s) => extractArticle(s, "https://herald.example/a"),
    () => false,
    2,
  );
  await survives(
    pages,
    mutateText,
    (s) => decodeHtml(Buffer.from(s, "latin1"), "text/html; charset=x-nonsense"),
    () => false,
    3,
  );
});

test("OPML: damaged lists give their feeds or one clear error", async () => {
  const lists = read(fixtures("ingest/testdata", /\.opml$/));
  await survives(
    lists,
    mutateText,
    parseOpml,
    (err) => err instanceof Error && /^opml: /.test(err.message),
    4,
  );
});

test("threads: API answers with values of the wrong types give a thread or a ThreadError", async () => {
  const json = (name: string) => readFileSync(join(SRC, "ingest/threads/testdata", name), "utf8");
  const cases: [string, (s: string) => unknown][] = [
    ["hn-algolia-story.json", (s) => parseHnAlgoliaThread(s, "2026-11-26T12:00:00.000Z")],
    ["reddit-comments.json", (s) => parseRedditThread(s, "2026-11-26T12:00:00.000Z")],
    ["lemmy-comments.json", (s) => lemmyComments(parseLemmyComments(s), "https://lemmy.example")],
  ];
  for (const [i, [name, parse]] of cases.entries()) {
    const doc = JSON.parse(json(name)) as unknown;
    await survives(
      [json(name)],
      (_, random) => JSON.stringify(mutateJson(doc, random)),
      parse,
      (err) => err instanceof ThreadError,
      10 + i,
    );
  }
  const items = Object.values(JSON.parse(json("hn-firebase-items.json")) as object);
  await survives(
    items.map((item) => JSON.stringify(item)),
    (s, random) => JSON.stringify(mutateJson(JSON.parse(s), random, 0.2)),
    parseHnFirebaseItem,
    (err) => err instanceof ThreadError,
    20,
  );
});

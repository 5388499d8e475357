// Search as a reader meets it: the page, the JSON API and the search feeds, in-process over
// SQLite and PostgreSQL filled alike. PostgreSQL comes from STORYLINE_TEST_PG (e.g.
// postgres://postgres@127.0.0.1:5432/postgres); unset, its cases skip.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Hono } from "hono";
import { JSDOM } from "jsdom";
import pg from "pg";
import { openStore } from "../store/index.ts";
import { queryTokens } from "../store/search.ts";
import type { Store } from "../store/store.ts";
import { searchTerms } from "../text/search-terms.ts";
import type { Article } from "../types.ts";
import { FIXTURE_NOW, fillStore, loadFixtures } from "./fixtures.ts";
import { createApp } from "./index.ts";

const PG_URL = process.env.STORYLINE_TEST_PG ?? "";

/** Articles of the storm story beside the fixtures: other scripts, emoji, hostile text. */
const EXTRA: Pick<Article, "id" | "headline" | "text">[] = [
  {
    id: "x-cafe",
    headline: "Café owners in São Paulo protest",
    text: "The café near the square closed early; one café stayed open.",
  },
  {
    id: "x-emoji",
    headline: "Launch day",
    text: "The 🚀 rocket 👩‍👩‍👧 family watched the rocket launch, then ate at 𠮷野家.",
  },
  {
    id: "x-hostile",
    headline: `Hostile <script>alert(1)</script> \u0001x\u0002 & "q" 'a'`,
    text: `Beware <script>alert('x')</script> & "quotes" \u0001bad\u0002, the rocket e\u0301cole שלום.`,
  },
  { id: "x-hindi", headline: "दिल्ली में बारिश", text: "राजधानी में भारी बारिश हुई।" },
];

/** What the reader typed: hostile strings, and longer than the search box takes. */
const HOSTILE_QUERIES = [
  "<script>alert(1)</script>",
  '"',
  "'",
  "\u0001rocket\u0002",
  "*",
  "NEAR",
  "OR",
  ":*",
  "\\",
  "\u202erocket \u0301 שלום",
  "🚀",
  "rocket ".repeat(800),
  // The length cap falls inside the 97th emoji.
  `rocket ${"🚀".repeat(150)}`,
];

const backends = [
  { name: "sqlite", skip: false as string | false },
  { name: "postgres", skip: PG_URL ? false : "STORYLINE_TEST_PG is not set" },
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function parseXml(xml: string): Document {
  // jsdom's XML mode throws on any well-formedness error.
  return new JSDOM(xml, { contentType: "application/xml" }).window.document;
}

for (const b of backends) {
  describe(`search end to end (${b.name})`, { skip: b.skip }, () => {
    let store: Store;
    let app: Hono;
    const schema = `storyline_test_${randomBytes(6).toString("hex")}`;

    before(async () => {
      store = await openStore(
        b.name === "sqlite"
          ? ":memory:"
          : `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}schema=${schema}`,
      );
      const fx = loadFixtures();
      const base = fx.articles.find((a) => a.storyId === "s-storm")!;
      for (const [i, a] of EXTRA.entries()) {
        const url = `https://x.example/${i}`;
        fx.articles.push({ ...base, ...a, url, canonicalUrl: url });
      }
      await fillStore(store, fx);
      app = createApp({ store, adminToken: null, cacheTtlMs: 0, now: () => FIXTURE_NOW });
    });

    after(async () => {
      await store.close();
      if (b.name !== "postgres") return;
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });

    test("hostile and over-long queries get a page, an answer and a well-formed feed", async () => {
      for (const q of HOSTILE_QUERIES) {
        const enc = encodeURIComponent(q);
        const page = await app.request(`/search?q=${enc}`);
        assert.equal(page.status, 200, q);
        const body = await page.text();
        assert.doesNotMatch(body, /<script>alert/, q);
        assert.doesNotMatch(body, CONTROL, q);
        const api = await app.request(`/api/search?q=${enc}`);
        assert.equal(api.status, 200, q);
        const { query } = (await api.json()) as { query: string };
        assert.ok(query.length <= 200, q);
        assert.doesNotMatch(query, /[\ud800-\udbff]$/, "no half of an emoji");
        const atom = await app.request(`/feeds/search.atom?q=${enc}`);
        assert.equal(atom.status, 200, q);
        const xml = await atom.text();
        assert.doesNotMatch(xml, CONTROL, q);
        parseXml(xml);
        assert.equal((await app.request(`/feeds/search.json?q=${enc}`)).status, 200, q);
      }
    });

    test("the page marks the matched words and escapes the rest", async () => {
      const body = await (await app.request("/search?q=script+rocket")).text();
      const doc = new JSDOM(body).window.document;
      const marks = [...doc.querySelectorAll("mark")].map((m) => m.textContent);
      assert.deepEqual(marks, ["script", "script", "rocket"]);
      assert.match(body, /Beware &lt;<mark>script<\/mark>&gt;alert\(&#39;x&#39;\)/);
      assert.match(body, /&amp; &quot;quotes&quot; bad, the <mark>rocket<\/mark> e\u0301cole/);
    });

    test("API matches are where the query's words are in the plain snippet", async () => {
      const queries = ["cafe", "sao paulo", "rocket", "𠮷野家", "ecole", "बारिश", "the storm"];
      for (const q of queries) {
        const { hits } = (await (
          await app.request(`/api/search?q=${encodeURIComponent(q)}`)
        ).json()) as { hits: { snippet: string; matches: [number, number][] }[] };
        assert.ok(hits.length > 0, q);
        const wanted = new Set(queryTokens(q));
        for (const { snippet, matches } of hits) {
          assert.doesNotMatch(snippet, CONTROL);
          assert.ok(matches.length > 0, `${q}: ${snippet}`);
          for (const [start, end] of matches) {
            const word = snippet.slice(start, end);
            assert.ok(
              searchTerms(word).some((t) => wanted.has(t)),
              `${q}: [${start}, ${end}) is “${word}” in ${snippet}`,
            );
            // Whole characters: neither end splits a surrogate pair.
            assert.doesNotMatch(snippet.charAt(start), /[\udc00-\udfff]/);
            assert.doesNotMatch(snippet.charAt(end - 1), /[\ud800-\udbff]/);
          }
        }
      }
    });
  });
}

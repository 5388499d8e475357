// One suite, two stores: every case runs against SQLite (a temp file) and PostgreSQL (a fresh
// schema per test, named at random and dropped afterwards). PostgreSQL comes from
// STORYLINE_TEST_PG, e.g. postgres://postgres@127.0.0.1:5432/postgres; unset, its cases skip.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import pg from "pg";
import { isPostgresUrl, openStore } from "./index.ts";
import { MIGRATIONS } from "./migrations.ts";
import { openPostgres, parsePgUrl } from "./postgres.ts";
import { sampleArticle, sampleBrief, sampleStory, sampleThread } from "./sample.ts";
import { openSqlite } from "./sqlite.ts";
import type { Store } from "./store.ts";

const PG_URL = process.env.STORYLINE_TEST_PG ?? "";

interface Backend {
  name: "sqlite" | "postgres";
  skip: string | false;
  /** A fresh location; opening it twice opens the same database. */
  location(): string;
}

const tmp = mkdtempSync(join(tmpdir(), "storyline-store-"));
const schemas: string[] = [];
let files = 0;

function withParam(url: string, param: string): string {
  return url + (url.includes("?") ? "&" : "?") + param;
}

const backends: Backend[] = [
  { name: "sqlite", skip: false, location: () => join(tmp, `t${++files}.db`) },
  {
    name: "postgres",
    skip: PG_URL ? false : "STORYLINE_TEST_PG is not set: PostgreSQL store cases skipped",
    location() {
      const schema = `storyline_test_${randomBytes(6).toString("hex")}`;
      schemas.push(schema);
      return withParam(PG_URL, `schema=${schema}`);
    },
  },
];

after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await client.end();
});

/** Whether a brief's INSERT is seen waiting on a lock, polled for up to about five seconds. */
async function briefWaitsOnLock(): Promise<boolean> {
  const watcher = new pg.Client({ connectionString: PG_URL });
  await watcher.connect();
  try {
    for (let tries = 0; tries < 250; tries++) {
      const { rowCount } = await watcher.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
           AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO briefs%'`,
      );
      if (rowCount) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  } finally {
    await watcher.end();
  }
}

/** Comments in the database at `location`, read beside its store: no Store method reads the
 * comments of a thread that is gone. */
async function countComments(location: string): Promise<number> {
  const db = isPostgresUrl(location) ? openPostgres(parsePgUrl(location)) : openSqlite(location);
  try {
    return Number((await db.get<{ n: number | string }>("SELECT count(*) AS n FROM comments"))?.n);
  } finally {
    await db.close();
  }
}

/** Articles whose words the two databases' own tokenizers read differently: accents, Indic vowel
 * signs and viramas, stop words, a text mixing scripts. */
const MIXED_SCRIPT_ARTICLES = [
  { headline: "Café owners in São Paulo protest", text: "The café near the square closed early." },
  { headline: "Cafe prices rise in Sao Paulo", text: "Owners of the cafe blamed the rent." },
  { headline: "दिल्ली में बारिश", text: "राजधानी में भारी बारिश हुई। Café Delhi closed." },
  { headline: "इस बार शिकायत", text: "बार बार शिकायत हुई।" },
  { headline: "Sports", text: "A match was played." },
  { headline: "বাংলা সংবাদ", text: "ঢাকায় বৃষ্টি হয়েছে।" },
];

/** Each query and the articles (by place in MIXED_SCRIPT_ARTICLES, from 1) it finds on either
 * store. */
const MIXED_SCRIPT_QUERIES: [string, number[]][] = [
  ["café", [1, 2, 3]],
  ["cafe", [1, 2, 3]],
  ["CAFÉS", [1, 2, 3]],
  ["São Paulo", [1, 2]],
  ["sao paulo", [1, 2]],
  ["बारिश", [3]],
  ["बार", [4]],
  ["भारी बारिश", [3]],
  ["বৃষ্টি", [6]],
  ["the", [1, 2]],
  ["the café", [1, 2]],
  ["THE the", [1, 2]],
  ["the sports", []],
  ["a match", [5]],
  ["café बारिश", [3]],
  ["दिल्ली delhi", [3]],
  ["Delhi बार", []],
];

/** A database at `where` as the schema before migration 18 left it, holding these articles as
 * they were written then. */
async function writeAtVersion17(
  where: string,
  articles: readonly { headline: string; text: string }[],
): Promise<void> {
  const raw = isPostgresUrl(where) ? openPostgres(parsePgUrl(where)) : openSqlite(where);
  try {
    const schema = isPostgresUrl(where) ? parsePgUrl(where).schema : null;
    if (schema) await raw.exec(`CREATE SCHEMA ${schema}`);
    await raw.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
    );
    for (const [i, m] of MIGRATIONS.slice(0, 17).entries()) {
      await raw.exec(typeof m === "string" ? m : (m as Record<string, string>)[raw.dialect]!);
      await raw.run("INSERT INTO schema_migrations VALUES (?, ?)", [i + 1, "2026-11-01"]);
    }
    for (const [i, a] of articles.entries()) {
      await raw.run(
        `INSERT INTO articles (id, url, canonical_url, outlet, outlet_domain, headline,
           fetched_at, text, paragraphs, sentences, fingerprint)
         VALUES (?, ?, ?, 'News', 'news.example', ?, '2026-11-01', ?, '[]', '[]', '0')`,
        [`a${i + 1}`, `https://news.example/${i}`, `https://news.example/${i}`, a.headline, a.text],
      );
    }
  } finally {
    await raw.close();
  }
}

async function withStore(b: Backend, fn: (s: Store) => Promise<void>): Promise<void> {
  const store = await openStore(b.location());
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

for (const b of backends) {
  describe(`store (${b.name})`, { skip: b.skip }, () => {
    test("opens the right kind of store", () =>
      withStore(b, async (s) => assert.equal(s.kind, b.name)));

    test("sources: add, find, list, patch, delete", () =>
      withStore(b, async (s) => {
        const feed = await s.addSource({ kind: "feed", url: "https://a.example/feed.xml" });
        assert.deepEqual(feed, {
          id: feed.id,
          kind: "feed",
          url: "https://a.example/feed.xml",
          title: null,
          etag: null,
          lastModified: null,
          nextFetchAt: null,
          failureCount: 0,
          lastError: null,
          lastFetchedAt: null,
          disabled: false,
          section: null,
        });
        const page = await s.addSource({ kind: "page", url: "https://b.example/", title: "B" });
        assert.equal(page.title, "B");
        const again = await s.addSource({ kind: "feed", url: "https://a.example/feed.xml" });
        assert.equal(again.id, feed.id, "adding a known URL returns the existing source");
        assert.deepEqual(
          (await s.listSources()).map((x) => x.url),
          ["https://a.example/feed.xml", "https://b.example/"],
        );
        assert.equal(await s.getSourceByUrl("https://nowhere.example/"), null);
        assert.equal(await s.getSource(999_999), null);

        await s.updateSource(feed.id, {
          etag: '"abc"',
          lastModified: "Wed, 25 Nov 2026 10:00:00 GMT",
          failureCount: 2,
          lastError: "ingest: timeout",
          disabled: true,
        });
        await s.updateSource(feed.id, { nextFetchAt: "2026-11-26T13:00:00.000Z" });
        await s.updateSource(feed.id, {});
        const patched = await s.getSourceByUrl(feed.url);
        assert.deepEqual(patched, {
          ...feed,
          etag: '"abc"',
          lastModified: "Wed, 25 Nov 2026 10:00:00 GMT",
          failureCount: 2,
          lastError: "ingest: timeout",
          disabled: true,
          nextFetchAt: "2026-11-26T13:00:00.000Z",
        });
        await s.updateSource(feed.id, { lastError: null, disabled: false, failureCount: 0 });
        const cleared = await s.getSource(feed.id);
        assert.equal(cleared?.lastError, null);
        assert.equal(cleared?.disabled, false);
        assert.equal(cleared?.etag, '"abc"', "fields not in the patch keep their value");
        assert.deepEqual(await s.getSource(page.id), page);

        await s.deleteSource(page.id);
        assert.equal(await s.getSource(page.id), null);
        assert.equal((await s.listSources()).length, 1);
      }));

    test("articles: idempotent put and round-trip of every field", () =>
      withStore(b, async (s) => {
        const a = sampleArticle(1, {
          headline: "Ünïcödé — “quotes” 'single' \\ back\nslash 🚀",
          paragraphs: ["", "tab\there", "x".repeat(100_000)],
          sentences: [],
          storyId: "s1",
          duplicateOf: "a0",
          opinion: true,
        });
        const b2 = sampleArticle(2);
        assert.equal(await s.putArticle(a), true);
        assert.equal(await s.putArticle(b2), true);
        assert.equal(await s.putArticle({ ...a, headline: "changed" }), false);
        assert.deepEqual(await s.getArticle(a.id), a, "second put must not overwrite");
        assert.deepEqual(await s.getArticle(b2.id), b2);
        assert.equal(await s.getArticle("missing"), null);
        assert.equal(await s.countArticles(), 2);
      }));

    test("articles: found by every URL recorded for them; a URL keeps its first article", () =>
      withStore(b, async (s) => {
        const a = sampleArticle(3);
        const feedLink = "https://feeds.example.org/r/3";
        assert.equal(await s.articleIdByUrl(a.url), null);
        await s.putArticle(a);
        await s.addArticleUrls(a.id, [feedLink, a.url, a.canonicalUrl, a.url]);
        assert.equal(await s.articleIdByUrl(feedLink), a.id);
        assert.equal(await s.articleIdByUrl(a.url), a.id);
        assert.equal(await s.articleIdByUrl(a.canonicalUrl), a.id);
        assert.equal(await s.articleIdByUrl(`${a.canonicalUrl}/other`), null);
        await s.addArticleUrls(sampleArticle(4).id, [feedLink]);
        assert.equal(await s.articleIdByUrl(feedLink), a.id);
      }));

    test("articles: listed in insertion order, filtered, counted, assigned", () =>
      withStore(b, async (s) => {
        const order = [5, 2, 9, 1, 7];
        for (const n of order) await s.putArticle(sampleArticle(n));
        await s.putArticle(sampleArticle(2));
        assert.deepEqual(
          (await s.listArticles()).map((a) => a.id),
          order.map((n) => `a${n}`),
        );
        assert.equal(await s.countArticles(), 5);
        assert.deepEqual(
          (await s.listArticles({ limit: 2 })).map((a) => a.id),
          ["a5", "a2"],
        );
        // fetchedAt grows with n: since a5's fetch time leaves 9 and 7.
        const since = sampleArticle(5).fetchedAt;
        assert.deepEqual(
          (await s.listArticles({ since })).map((a) => a.id),
          ["a9", "a7"],
        );

        await s.assignArticle("a9", "story-1", null);
        await s.assignArticle("a1", "story-1", "a9");
        await s.assignArticle("missing", "story-1", null);
        assert.deepEqual(
          (await s.listArticles({ unassigned: true })).map((a) => a.id),
          ["a5", "a2", "a7"],
        );
        assert.deepEqual(
          (await s.listArticles({ storyId: "story-1" })).map((a) => [a.id, a.duplicateOf]),
          [
            ["a9", null],
            ["a1", "a9"],
          ],
        );
        const a1 = await s.getArticle("a1");
        assert.equal(a1?.storyId, "story-1");
        await s.assignArticle("a1", "story-2", null);
        assert.equal((await s.getArticle("a1"))?.duplicateOf, null);
        assert.deepEqual(
          (await s.listArticles({ storyId: "story-1", since: sampleArticle(1).fetchedAt })).map(
            (a) => a.id,
          ),
          ["a9"],
        );
      }));

    test("articles: paged in storage, time and clustering order", () =>
      withStore(b, async (s) => {
        const at = (h: number) => new Date(Date.UTC(2026, 10, 1, h)).toISOString();
        // Stored out of time order; one undated article falls back to its fetch time; two share
        // a time and are ordered by id (in byte order: "Z" before "a" whatever the collation).
        const rows = [
          sampleArticle(1, { id: "c", publishedAt: at(5) }),
          sampleArticle(2, { id: "a", publishedAt: at(3) }),
          sampleArticle(3, { id: "b", publishedAt: null, fetchedAt: at(4) }),
          sampleArticle(4, { id: "Z", publishedAt: at(3) }),
          sampleArticle(5, { id: "d", publishedAt: at(1) }),
        ];
        for (const r of rows) await s.putArticle(r);
        const pages = async (order: "stored" | "time" | "clustered") => {
          const out: string[][] = [];
          let after: string | undefined;
          for (;;) {
            const page = await s.listArticlePage({ order, limit: 2 }, after);
            if (page.articles.length > 0) out.push(page.articles.map((x) => x.id));
            if (page.next === null) return out;
            after = page.next;
          }
        };
        assert.deepEqual(await pages("stored"), [["c", "a"], ["b", "Z"], ["d"]]);
        assert.deepEqual(await pages("time"), [["d", "Z"], ["a", "b"], ["c"]]);
        assert.deepEqual(await pages("clustered"), [], "nothing assigned yet");
        // Assigned in this order; a later move (a story merge) keeps an article's place.
        for (const id of ["b", "d", "c"]) await s.assignArticle(id, "s1", null);
        await s.assignArticle("b", "s2", null);
        assert.deepEqual(await pages("clustered"), [["b", "d"], ["c"]]);
        assert.equal((await s.getArticle("b"))?.storyId, "s2");
      }));

    test("articles: a page's next page is found when its last article was pruned meanwhile", () =>
      withStore(b, async (s) => {
        for (const [i, id] of ["a", "b", "c", "d", "e"].entries()) {
          await s.putArticle(sampleArticle(i + 1, { id }));
          await s.assignArticle(id, `s-${id}`, null);
          const lastUpdated = id === "b" ? "2026-11-05T00:00:00.000Z" : "2026-11-20T00:00:00.000Z";
          await s.putStory(sampleStory(`s-${id}`, lastUpdated, [id]));
        }
        for (const order of ["stored", "time", "clustered"] as const) {
          const first = await s.listArticlePage({ order, limit: 2 });
          // A prune beside a restart's restore deletes the article the first page ended on.
          if (order === "clustered") await s.pruneStories("2026-11-10T00:00:00.000Z", 100);
          const rest = await s.listArticlePage({ order, limit: 10 }, first.next!);
          assert.deepEqual(
            first.articles.map((x) => x.id),
            ["a", "b"],
            order,
          );
          assert.deepEqual(
            rest.articles.map((x) => x.id),
            ["c", "d", "e"],
            order,
          );
          assert.equal(rest.next, null, order);
        }
      }));

    test("threads: comments round-trip, replace on re-put, match by article URL", () =>
      withStore(b, async (s) => {
        const t1 = sampleThread("1", "https://a.example/story/");
        const t2 = sampleThread("2", "https://b.example/other", 0);
        const t3 = sampleThread("3", null, 2);
        await s.putThread(t1);
        await s.putThread(t2);
        await s.putThread(t3);
        assert.deepEqual(await s.listThreads(), [t1, t2, t3]);

        const shorter = { ...sampleThread("1", "https://a.example/story", 1), title: "Renamed" };
        await s.putThread(shorter);
        assert.deepEqual(await s.listThreads(), [shorter, t2, t3]);

        assert.deepEqual(await s.threadsForUrls(["https://a.example/story/"]), [shorter]);
        assert.deepEqual(await s.threadsForUrls(["https://a.example/story//"]), [shorter]);
        assert.deepEqual(
          await s.threadsForUrls(["https://b.example/other/", "https://a.example/story", "x"]),
          [shorter, t2],
        );
        assert.deepEqual(await s.threadsForUrls(["https://a.example/"]), []);
        assert.deepEqual(await s.threadsForUrls([]), []);
      }));

    test("threads: found for articles by every URL they were reached by", () =>
      withStore(b, async (s) => {
        const a = sampleArticle(1);
        const other = sampleArticle(2);
        const feedLink = "https://feeds.news1.example/r/1";
        const beforeRedirect = "https://news1.example/p/1";
        const otherFeedLink = "https://feeds.news2.example/r/2";
        await s.putArticle(a);
        await s.putArticle(other);
        await s.addArticleUrls(a.id, [a.url, a.canonicalUrl, feedLink, beforeRedirect]);
        await s.addArticleUrls(other.id, [other.canonicalUrl, otherFeedLink]);
        const byCanonical = sampleThread("canonical", a.canonicalUrl);
        const byFeedLink = sampleThread("feed", `${feedLink}/`);
        const byRedirect = sampleThread("redirect", beforeRedirect, 0);
        const aboutOther = sampleThread("other", otherFeedLink);
        for (const t of [byCanonical, byFeedLink, byRedirect, aboutOther]) await s.putThread(t);
        await s.putThread(sampleThread("unrelated", "https://elsewhere.example/"));

        assert.deepEqual(await s.threadsForArticles([a.id]), [byCanonical, byFeedLink, byRedirect]);
        assert.deepEqual(
          (await s.threadsForArticles([other.id, a.id, "missing"])).map((t) => t.id),
          ["hackernews:canonical", "hackernews:feed", "hackernews:other", "hackernews:redirect"],
        );
        // Capped, the first article's fetched and canonical URLs come first, then its recorded
        // ones in one order on both databases.
        assert.deepEqual(await s.threadsForArticles([a.id, other.id], 2), [byCanonical]);
        assert.deepEqual(await s.threadsForArticles([a.id, other.id], 3), [
          byCanonical,
          byFeedLink,
        ]);
        assert.deepEqual(await s.threadsForArticles([]), []);
      }));

    test("threads: hundreds of comments keep their order; NUL is dropped, not fatal", () =>
      withStore(b, async (s) => {
        const big = sampleThread("big", "https://c.example/a", 300);
        big.comments[7]!.score = 2.5;
        big.comments[8]!.text = "nul\u0000inside";
        big.comments[9]!.text = "cut emoji \ud83d"; // a lone surrogate, which jsonb refuses
        await s.putThread(big);
        const [back] = await s.threadsForUrls(["https://c.example/a"]);
        assert.deepEqual(
          back?.comments.map((c) => c.id),
          big.comments.map((c) => c.id),
        );
        assert.equal(back?.comments[7]?.score, 2.5);
        assert.equal(back?.comments[8]?.text, "nulinside");
        assert.equal(back?.comments[9]?.text, "cut emoji \ufffd");
        assert.deepEqual(back?.comments[10], big.comments[10]);

        const a = sampleArticle(1, { headline: "nul\u0000head" });
        assert.equal(await s.putArticle(a), true);
        assert.equal((await s.getArticle("a1"))?.headline, "nulhead");
      }));

    test("stories: newest first, paged, replaced, deleted with their briefs", () =>
      withStore(b, async (s) => {
        await s.putStory(sampleStory("s1", "2026-11-26T10:00:00.000Z", ["a1"]));
        await s.putStory(sampleStory("s2", "2026-11-26T12:00:00.000Z", ["a2", "a3"]));
        await s.putStory(sampleStory("s3", "2026-11-26T11:00:00.000Z"));
        assert.deepEqual(
          (await s.listStories()).map((x) => x.id),
          ["s2", "s3", "s1"],
        );
        assert.deepEqual(
          (await s.listStories({ limit: 1, offset: 1 })).map((x) => x.id),
          ["s3"],
        );
        assert.deepEqual(
          (await s.listStories({ offset: 2 })).map((x) => x.id),
          ["s1"],
        );
        assert.deepEqual(await s.listStories({ limit: 0 }), []);
        const grown = sampleStory("s1", "2026-11-26T13:00:00.000Z", ["a1", "a4"]);
        await s.putStory(grown);
        assert.deepEqual(await s.getStory("s1"), grown);
        assert.deepEqual(
          (await s.listStories()).map((x) => x.id),
          ["s1", "s2", "s3"],
        );

        await s.putArticle(sampleArticle(2, { storyId: "s2" }));
        await s.putBrief(sampleBrief("s2", 1));
        await s.deleteStory("s2");
        assert.equal(await s.getStory("s2"), null);
        assert.equal(await s.getBrief("s2"), null);
        assert.equal((await s.getArticle("a2"))?.storyId, null);
        assert.deepEqual(
          (await s.listStories()).map((x) => x.id),
          ["s1", "s3"],
        );
        await s.deleteStory("never-was");
      }));

    test("briefs: versions kept, latest returned", () =>
      withStore(b, async (s) => {
        assert.equal(await s.getBrief("s1"), null);
        assert.deepEqual(await s.listBriefs("s1"), []);
        // No story, no brief: a brief job late for a story merged away writes nothing.
        await s.putBrief(sampleBrief("s1", 1));
        assert.deepEqual(await s.listBriefs("s1"), []);
        await s.putStory(sampleStory("s1", "2026-11-01T00:00:00.000Z"));
        await s.putStory(sampleStory("s2", "2026-11-01T00:00:00.000Z"));
        const v1 = sampleBrief("s1", 1);
        const v2 = sampleBrief("s1", 2);
        const v3 = sampleBrief("s1", 10);
        await s.putBrief(v2);
        await s.putBrief(v1);
        await s.putBrief(v3);
        await s.putBrief(sampleBrief("s2", 99));
        assert.deepEqual(await s.getBrief("s1"), v3);
        assert.deepEqual(await s.listBriefs("s1"), [v1, v2, v3]);
        const v1b = { ...v1, headline: "Rewritten" };
        await s.putBrief(v1b);
        assert.deepEqual(await s.listBriefs("s1"), [v1b, v2, v3]);
      }));

    test("search: finds, marks matches, ranks headline hits first", () =>
      withStore(b, async (s) => {
        await s.putArticle(
          sampleArticle(1, {
            headline: "Council debates budget",
            text: "The city council met on Tuesday. A volcano erupted far away, officials noted.",
            storyId: "s1",
          }),
        );
        await s.putArticle(
          sampleArticle(2, {
            headline: "Volcano erupts near village",
            text: "Lava from the volcano reached the road. Villagers left their homes.",
          }),
        );
        await s.putArticle(sampleArticle(3, { headline: "Sports", text: "A match was played." }));

        const hits = await s.search("volcano");
        assert.deepEqual(
          hits.map((h) => h.articleId),
          ["a2", "a1"],
        );
        const a1hit = hits.find((h) => h.articleId === "a1");
        assert.equal(a1hit?.storyId, "s1");
        assert.equal(a1hit?.headline, "Council debates budget");
        assert.equal(a1hit?.outlet, sampleArticle(1).outlet);
        assert.equal(a1hit?.url, sampleArticle(1).canonicalUrl);
        assert.equal(a1hit?.publishedAt, sampleArticle(1).publishedAt);
        for (const h of hits) {
          assert.ok(h.snippet.toLowerCase().includes("\u0001volcano\u0002"), h.snippet);
        }

        assert.deepEqual(
          (await s.search("VOLCANO villagers")).map((h) => h.articleId),
          ["a2"],
          "every word must match, case-insensitively",
        );
        assert.deepEqual(
          (await s.search("erupted")).map((h) => h.articleId).sort(),
          ["a1", "a2"],
          "stemming: erupted finds erupts",
        );
        assert.equal((await s.search("volcano", 1)).length, 1);
        assert.deepEqual(await s.search("nothing-like-this-anywhere"), []);
        assert.deepEqual(await s.search(""), []);
        assert.deepEqual(await s.search("   "), []);
      }));

    test("search: finds words of Chinese and Japanese text, written without spaces", () =>
      withStore(b, async (s) => {
        await s.putArticle(
          sampleArticle(1, {
            headline: "川端市の図書館で火災",
            text: "青葉県川端市の市立中央図書館で２０日未明、火災が発生した。",
          }),
        );
        await s.putArticle(
          sampleArticle(2, {
            headline: "北京地铁新线开通",
            text: "北京地铁十九号线今天开通运营。",
          }),
        );
        await s.putArticle(sampleArticle(3, { headline: "Library fire", text: "No CJK here." }));
        assert.deepEqual(
          (await s.search("図書館")).map((h) => h.articleId),
          ["a1"],
        );
        assert.deepEqual(
          (await s.search("図書館で火災")).map((h) => h.articleId),
          ["a1"],
          "a query written without spaces is cut into words too",
        );
        assert.deepEqual(
          (await s.search("地铁")).map((h) => h.articleId),
          ["a2"],
        );
        const [fire] = await s.search("火災");
        assert.ok(fire!.snippet.includes("\u0001火災\u0002"), fire!.snippet);
        assert.doesNotMatch(
          fire!.snippet,
          /\p{sc=Han}\s+\p{sc=Han}/u,
          "shown as written, unspaced",
        );
        assert.deepEqual(await s.search("図書館 地铁"), []);
        assert.deepEqual(
          (await s.search("library")).map((h) => h.articleId),
          ["a3"],
        );
      }));

    test("search: a snippet shortens a very long word or run between words", () =>
      withStore(b, async (s) => {
        await s.putArticle(
          sampleArticle(1, {
            headline: "Runaway page",
            text: `Lava ${"🚀".repeat(20_000)} reached the volcano ${"x".repeat(50_000)} and the road.`,
          }),
        );
        const [hit] = await s.search("volcano");
        assert.ok(hit!.snippet.length < 200, `${hit!.snippet.length} characters`);
        assert.ok(
          hit!.snippet.startsWith("Lava … reached the \u0001volcano\u0002 xxx"),
          hit!.snippet,
        );
        assert.ok(hit!.snippet.endsWith("x… and the road."), hit!.snippet);
      }));

    test("search: hostile query strings never throw", () =>
      withStore(b, async (s) => {
        await s.putArticle(sampleArticle(1, { headline: "Foo and bar", text: "foo OR near" }));
        const hostile = [
          '"foo',
          "AND OR (",
          "NOT",
          "foo*",
          "^foo",
          "NEAR(foo bar)",
          "headline:foo",
          "'; DROP TABLE articles; --",
          "foo & | ! <-> bar",
          "foo:* bar:AB 'baz' a\\b it's",
          "(((((",
          '""""',
          "\0\u0001\u0002",
          "-foo +bar ~baz",
          "\ud800 lone surrogate",
          "word ".repeat(5_000),
          "🚀🚀🚀",
        ];
        for (const q of hostile) {
          const hits = await s.search(q);
          assert.ok(Array.isArray(hits), q);
        }
        assert.deepEqual(
          (await s.search('"foo')).map((h) => h.articleId),
          ["a1"],
        );
        assert.equal(await s.countArticles(), 1);
      }));

    test("search: accents, Indic vowel signs and stop words match as on the other store", () =>
      withStore(b, async (s) => {
        for (const [i, a] of MIXED_SCRIPT_ARTICLES.entries()) {
          await s.putArticle(sampleArticle(i + 1, a));
        }
        for (const [query, found] of MIXED_SCRIPT_QUERIES) {
          assert.deepEqual(
            (await s.search(query)).map((h) => h.articleId).sort(),
            found.map((n) => `a${n}`),
            query,
          );
        }
        // Snippets show the text as written, not its search terms.
        const saoPaulo = (await s.search("sao paulo")).find((h) => h.articleId === "a1");
        assert.ok(
          saoPaulo!.snippet.includes("\u0001São\u0002 \u0001Paulo\u0002"),
          saoPaulo!.snippet,
        );
        const [rain] = await s.search("बारिश");
        assert.ok(rain!.snippet.includes("\u0001बारिश\u0002"), rain!.snippet);
        const [cafe] = await s.search("cafe", 1);
        const marked = cafe!.snippet.split("\u0001").slice(1);
        assert.ok(marked.length > 0, cafe!.snippet);
        for (const m of marked) assert.match(m.split("\u0002")[0]!, /^[Cc]af[eé]$/);
      }));

    test("search: articles stored before search terms existed are found the same way", async () => {
      const where = b.location();
      await writeAtVersion17(where, MIXED_SCRIPT_ARTICLES);
      const s = await openStore(where);
      try {
        for (const [query, found] of MIXED_SCRIPT_QUERIES) {
          assert.deepEqual(
            (await s.search(query)).map((h) => h.articleId).sort(),
            found.map((n) => `a${n}`),
            query,
          );
        }
        await s.putArticle(sampleArticle(7, { headline: "Another café" }));
        assert.equal((await s.search("cafe")).length, 4, "new articles join the migrated index");
      } finally {
        await s.close();
      }
    });

    test("search: an article of more terms than PostgreSQL indexes is stored, migrated and found", async () => {
      // 1.5 MB of text, 1.2 MB of terms: a long transcript, stored by the code before migration 18.
      const transcript = {
        headline: "Transcript of the inquiry",
        text: `${"The volcano erupted near the village again. ".repeat(35_000)}Zebra.`,
      };
      const where = b.location();
      await writeAtVersion17(where, [transcript]);
      const s = await openStore(where);
      try {
        await s.putArticle(sampleArticle(2, transcript));
        const found = async (q: string) => (await s.search(q)).map((h) => h.articleId).sort();
        assert.deepEqual(await found("volcano inquiry"), ["a1", "a2"]);
        assert.deepEqual(await found("zebra"), [], "past the index's end, on either store");
      } finally {
        await s.close();
      }
    });

    test("transaction: commits together, rolls back together, nests", () =>
      withStore(b, async (s) => {
        await s.putArticle(sampleArticle(1));
        await s.transaction(async () => {
          await s.assignArticle("a1", "s1", null);
          await s.putStory(sampleStory("s1", "2026-11-26T10:00:00.000Z", ["a1"]));
          await s.transaction(() => s.setState("checkpoint", "1"));
        });
        assert.equal((await s.getArticle("a1"))?.storyId, "s1");
        assert.equal(await s.getState("checkpoint"), "1");

        await assert.rejects(
          s.transaction(async () => {
            await s.putArticle(sampleArticle(2));
            await s.putThread(sampleThread("9", null));
            await s.setState("checkpoint", "2");
            throw new Error("boom");
          }),
          /boom/,
        );
        assert.equal(await s.getArticle("a2"), null);
        assert.deepEqual(await s.listThreads(), []);
        assert.equal(await s.getState("checkpoint"), "1");

        // Calls from outside run beside (PostgreSQL) or after (SQLite) the transaction.
        const outside = s.putArticle(sampleArticle(3));
        const inside = s.transaction(async () => {
          await s.putArticle(sampleArticle(4));
          return s.countArticles();
        });
        assert.equal(await outside, true);
        assert.ok((await inside) >= 2);
        assert.equal(await s.countArticles(), 3);
      }));

    test("state: get, set, overwrite", () =>
      withStore(b, async (s) => {
        assert.equal(await s.getState("cluster.checkpoint"), null);
        await s.setState("cluster.checkpoint", "42");
        await s.setState("other", "");
        await s.setState("cluster.checkpoint", '{"seq":43}');
        assert.equal(await s.getState("cluster.checkpoint"), '{"seq":43}');
        assert.equal(await s.getState("other"), "");
      }));

    test("outlets: put, replace, list by domain", () =>
      withStore(b, async (s) => {
        assert.deepEqual(await s.listOutlets(), []);
        const guardian = {
          domain: "theguardian.com",
          name: "The Guardian",
          country: "GB",
          ownership: "trust",
          lean: "left",
        };
        const wire = {
          domain: "apnews.com",
          name: null,
          country: "US",
          ownership: null,
          lean: null,
        };
        await s.putOutlets([guardian, wire]);
        await s.putOutlets([{ ...guardian, lean: "centre-left" }]);
        const civic = {
          domain: null,
          name: "Civic Signal",
          country: null,
          ownership: null,
          lean: "centre",
        };
        await s.putOutlets([civic, { ...civic, lean: "left" }]);
        assert.deepEqual(await s.listOutlets(), [
          wire,
          { ...civic, lean: "left" },
          { ...guardian, lean: "centre-left" },
        ]);
        await s.putOutlets([guardian], true);
        assert.deepEqual(await s.listOutlets(), [guardian], "replace keeps only the list given");
      }));

    test("reopening keeps everything", async () => {
      const where = b.location();
      const first = await openStore(where);
      const source = await first.addSource({ kind: "feed", url: "https://a.example/rss" });
      await first.putArticle(sampleArticle(1));
      await first.putThread(sampleThread("1", "https://a.example/x"));
      await first.putStory(sampleStory("s1", "2026-11-26T10:00:00.000Z"));
      await first.putBrief(sampleBrief("s1", 1));
      await first.setState("k", "v");
      await first.close();

      const second = await openStore(where);
      try {
        assert.deepEqual(await second.listSources(), [source]);
        assert.deepEqual(await second.getArticle("a1"), sampleArticle(1));
        assert.deepEqual(await second.listThreads(), [sampleThread("1", "https://a.example/x")]);
        assert.deepEqual(
          await second.getStory("s1"),
          sampleStory("s1", "2026-11-26T10:00:00.000Z"),
        );
        assert.deepEqual(await second.getBrief("s1"), sampleBrief("s1", 1));
        assert.equal(await second.getState("k"), "v");
        assert.equal((await second.search("harbour")).length, 1);
      } finally {
        await second.close();
      }
    });

    test("concurrent writes: one winner per id, nothing lost", () =>
      withStore(b, async (s) => {
        const same = await Promise.all(
          Array.from({ length: 20 }, () => s.putArticle(sampleArticle(1))),
        );
        assert.equal(same.filter(Boolean).length, 1);
        await Promise.all([
          ...Array.from({ length: 40 }, (_, i) => s.putArticle(sampleArticle(100 + i))),
          ...Array.from({ length: 10 }, (_, i) => s.putThread(sampleThread(`t${i}`, null, 5))),
          ...Array.from({ length: 10 }, () => s.putThread(sampleThread("same", null, 4))),
          ...Array.from({ length: 10 }, (_, i) => s.setState(`k${i}`, `${i}`)),
        ]);
        assert.equal(await s.countArticles(), 41);
        const threads = await s.listThreads();
        assert.equal(threads.length, 11);
        for (const t of threads) assert.equal(t.comments.length, t.id.endsWith("same") ? 4 : 5);
        assert.equal(await s.getState("k9"), "9");
      }));

    test("pruning removes stories that stopped growing, with their articles, briefs and threads", () =>
      withStore(b, async (s) => {
        // Articles 1-2 (published 1 November) make the old story; 3 the one a late fetch keeps;
        // 4 a recent one. sampleArticle n is published at 1 Nov + n minutes, fetched 3 Nov + n.
        const old = [1, 2].map((n) => sampleArticle(n, { storyId: "s-old" }));
        const misdated = sampleArticle(3, {
          storyId: "s-misdated",
          fetchedAt: "2026-11-20T00:00:00.000Z",
        });
        const recent = sampleArticle(4, {
          storyId: "s-recent",
          publishedAt: "2026-11-19T00:00:00.000Z",
          fetchedAt: "2026-11-19T00:00:00.000Z",
        });
        for (const a of [...old, misdated, recent]) {
          await s.putArticle(a);
          await s.addArticleUrls(a.id, [a.url, a.canonicalUrl]);
          await s.assignArticle(a.id, a.storyId!, null);
        }
        await s.putStory(sampleStory("s-old", old[1]!.publishedAt!, ["a1", "a2"]));
        await s.putStory(sampleStory("s-misdated", misdated.publishedAt!, ["a3"]));
        await s.putStory(sampleStory("s-recent", recent.publishedAt!, ["a4"]));
        await s.putBrief(sampleBrief("s-old", 1));
        await s.putBrief(sampleBrief("s-recent", 1));
        const aboutOld = sampleThread("old", `${old[0]!.canonicalUrl}/`);
        await s.putThread(aboutOld);
        await s.putThread(sampleThread("recent", recent.canonicalUrl));
        await s.addSource({ kind: "thread", url: aboutOld.url });
        await s.addSource({ kind: "feed", url: "https://news1.example/feed.xml" });
        await s.setState(`thread:comments:${aboutOld.url}`, "3");
        await s.recordSplit("s-recent", "s-old");
        await s.recordSplit("s-recent", "s-misdated");
        assert.deepEqual(await s.splitsOf("s-old"), [{ from: "s-recent", into: "s-old" }]);
        assert.equal((await s.splitsOf("s-recent")).length, 2);

        const cutoff = "2026-11-10T00:00:00.000Z";
        assert.deepEqual(await s.pruneStories(cutoff, 100), {
          stories: 1,
          articles: 2,
          threads: 1,
        });
        assert.deepEqual(await s.pruneStories(cutoff, 100), {
          stories: 0,
          articles: 0,
          threads: 0,
        });

        assert.deepEqual((await s.listStories()).map((x) => x.id).sort(), [
          "s-misdated",
          "s-recent",
        ]);
        // The pruned story's split goes with it.
        assert.deepEqual(await s.listSplits(), [{ from: "s-recent", into: "s-misdated" }]);
        assert.equal(await s.getArticle("a1"), null);
        assert.equal(await s.countArticles(), 2);
        assert.deepEqual(await s.listBriefs("s-old"), []);
        assert.equal((await s.listBriefs("s-recent")).length, 1);
        assert.deepEqual(
          (await s.listThreads()).map((t) => t.id),
          ["hackernews:recent"],
        );
        assert.deepEqual(
          (await s.listSources()).map((x) => x.kind),
          ["feed"],
        );
        assert.equal(await s.getState(`thread:comments:${aboutOld.url}`), null);
        const found = (await s.search("harbour")).map((h) => h.articleId).sort();
        assert.deepEqual(found, ["a3", "a4"]);
        // Still known by URL: a feed listing the entry again does not bring it back.
        assert.equal(await s.articleIdByUrl(old[0]!.url), "a1");
      }));

    test("pruning takes the threads about any URL its articles were reached by", async () => {
      const location = b.location();
      const s = await openStore(location);
      try {
        const old = sampleArticle(1, { storyId: "s-old" });
        const recent = sampleArticle(4, {
          storyId: "s-recent",
          publishedAt: "2026-11-19T00:00:00.000Z",
          fetchedAt: "2026-11-19T00:00:00.000Z",
        });
        const feedLink = "https://feeds.news1.example/r/1";
        const beforeRedirect = "https://news1.example/p/1";
        const recentFeedLink = "https://feeds.news4.example/r/4";
        for (const a of [old, recent]) {
          await s.putArticle(a);
          await s.assignArticle(a.id, a.storyId!, null);
        }
        await s.addArticleUrls(old.id, [old.url, old.canonicalUrl, feedLink, beforeRedirect]);
        await s.addArticleUrls(recent.id, [recent.url, recent.canonicalUrl, recentFeedLink]);
        await s.putStory(sampleStory("s-old", old.publishedAt!, [old.id]));
        await s.putStory(sampleStory("s-recent", recent.publishedAt!, [recent.id]));
        const viaFeed = sampleThread("via-feed", `${feedLink}/`, 3);
        const viaRedirect = sampleThread("via-redirect", beforeRedirect, 2);
        const kept = sampleThread("kept", recentFeedLink, 4);
        for (const t of [viaFeed, viaRedirect, kept]) {
          await s.putThread(t);
          await s.addSource({ kind: "thread", url: t.url });
          await s.setState(`thread:first-seen:${t.url}`, t.fetchedAt);
          await s.setState(`thread:comments:${t.url}`, String(t.comments.length));
        }

        assert.deepEqual(await s.pruneStories("2026-11-10T00:00:00.000Z", 100), {
          stories: 1,
          articles: 1,
          threads: 2,
        });
        assert.deepEqual(
          (await s.listThreads()).map((t) => t.id),
          [kept.id],
        );
        assert.equal(await countComments(location), kept.comments.length);
        assert.deepEqual(
          (await s.listSources()).map((x) => x.url),
          [kept.url],
        );
        for (const t of [viaFeed, viaRedirect]) {
          assert.equal(await s.getState(`thread:first-seen:${t.url}`), null);
          assert.equal(await s.getState(`thread:comments:${t.url}`), null);
        }
        assert.equal(await s.getState(`thread:comments:${kept.url}`), "4");
        // The URLs stay known, so a feed listing the entry again does not bring it back.
        assert.equal(await s.articleIdByUrl(feedLink), old.id);
      } finally {
        await s.close();
      }
    });

    test("outlets as the articles name them, and the stories each covered", () =>
      withStore(b, async (s) => {
        // sampleArticle n: outlet "News {n % 7}" at news{n % 7}.example.
        const story = (n: number) => `s${n % 3}`;
        for (const n of [1, 2, 3, 8, 9, 15]) {
          await s.putArticle(sampleArticle(n));
          await s.assignArticle(`a${n}`, story(n), null);
        }
        await s.putArticle(sampleArticle(22, { outlet: "News One Blog" })); // news1.example too
        await s.assignArticle("a22", "s1", null);
        for (const [id, updated] of [
          ["s0", "2026-11-03"],
          ["s1", "2026-11-02"],
          ["s2", "2026-11-01"],
        ])
          await s.putStory(sampleStory(id!, `${updated}T00:00:00.000Z`));

        const outlets = (await s.listArticleOutlets()).sort((x, y) =>
          `${x.domain} ${x.outlet}`.localeCompare(`${y.domain} ${y.outlet}`),
        );
        assert.deepEqual(outlets, [
          { outlet: "News 1", domain: "news1.example", articles: 3 },
          { outlet: "News One Blog", domain: "news1.example", articles: 1 },
          { outlet: "News 2", domain: "news2.example", articles: 2 },
          { outlet: "News 3", domain: "news3.example", articles: 1 },
        ]);
        const news1 = { outlet: "News 1", domain: "news1.example" };
        // a1 (s1), a8 (s2), a15 (s0): newest first.
        const all = await s.storiesByOutlet([news1]);
        assert.deepEqual([all.stories.map((x) => x.id), all.total], [["s0", "s1", "s2"], 3]);
        const page = await s.storiesByOutlet([news1], { limit: 1, offset: 1 });
        assert.deepEqual([page.stories.map((x) => x.id), page.total], [["s1"], 3]);
        const blog = await s.storiesByOutlet([
          { outlet: "News One Blog", domain: "news1.example" },
        ]);
        assert.deepEqual(
          blog.stories.map((x) => x.id),
          ["s1"],
        );
        assert.deepEqual(await s.storiesByOutlet([]), { stories: [], total: 0 });
      }));

    test("sections: sources in them, the stories they brought, each story's sections", () =>
      withStore(b, async (s) => {
        const world = await s.addSource({
          kind: "feed",
          url: "https://w.example/feed",
          section: "World",
        });
        const tech = await s.addSource({
          kind: "feed",
          url: "https://t.example/feed",
          section: "Tech",
        });
        const tech2 = await s.addSource({
          kind: "page",
          url: "https://t2.example/a",
          section: "Tech",
        });
        const none = await s.addSource({ kind: "feed", url: "https://n.example/feed" });
        assert.equal(world.section, "World");
        for (const n of [1, 2, 3, 4, 5]) await s.putArticle(sampleArticle(n));
        for (const [n, story] of [
          [1, "s1"],
          [2, "s1"],
          [3, "s2"],
          [4, "s3"],
        ] as const)
          await s.assignArticle(`a${n}`, story, null);
        for (const [id, updated] of [
          ["s1", "03"],
          ["s2", "02"],
          ["s3", "01"],
        ])
          await s.putStory(sampleStory(id!, `2026-11-${updated}T00:00:00.000Z`));
        // s1: a1 via World and Tech, a2 via World; s2: a3 via Tech (twice, as a feed and a page);
        // s3: a4 via the unfiled feed; a5: in no story yet, via World.
        for (const [article, source] of [
          ["a1", world],
          ["a1", tech],
          ["a2", world],
          ["a3", tech],
          ["a3", tech2],
          ["a4", none],
          ["a5", world],
        ] as const)
          await s.linkArticleSource(article, source.id);
        await s.linkArticleSource("a1", world.id); // again: no error, one link

        assert.deepEqual(await s.listSections(), [
          { name: "Tech", sources: 2 },
          { name: "World", sources: 1 },
        ]);
        const inTech = await s.storiesBySection("Tech");
        assert.deepEqual([inTech.stories.map((x) => x.id), inTech.total], [["s1", "s2"], 2]);
        const paged = await s.storiesBySection("Tech", { limit: 1, offset: 1 });
        assert.deepEqual([paged.stories.map((x) => x.id), paged.total], [["s2"], 2]);
        assert.deepEqual(await s.storiesBySection("Sport"), { stories: [], total: 0 });
        assert.deepEqual(
          Object.fromEntries(await s.sectionsOfStories(["s1", "s2", "s3", "s-none"])),
          { s1: ["World", "Tech"], s2: ["Tech"] },
        );
        assert.deepEqual(await s.sectionsOfStories([]), new Map());

        // A deleted story's articles wait for the clusterer, and so do their links.
        await s.deleteStory("s2");
        const left = await s.storiesBySection("Tech");
        assert.deepEqual([left.stories.map((x) => x.id), left.total], [["s1"], 1]);
        await s.putStory(sampleStory("s2", "2026-11-02T00:00:00.000Z"));
        await s.assignArticle("a3", "s2", null);
        assert.equal((await s.storiesBySection("Tech")).total, 2);

        // Moving a source moves what it brought; removing it takes its links, not its articles.
        await s.updateSource(none.id, { section: "World" });
        assert.deepEqual(
          (await s.storiesBySection("World")).stories.map((x) => x.id),
          ["s1", "s3"],
        );
        await s.updateSource(none.id, { section: null });
        await s.deleteSource(tech.id);
        assert.deepEqual(Object.fromEntries(await s.sectionsOfStories(["s1", "s2"])), {
          s1: ["World"],
          s2: ["Tech"],
        });
        assert.notEqual(await s.getArticle("a1"), null);
        await s.deleteSource(tech2.id);
        assert.deepEqual(await s.listSections(), [{ name: "World", sources: 1 }]);

        // Pruning a story takes its articles' links with them.
        const pruned = await s.pruneStories("2026-11-30T00:00:00.000Z", 100);
        assert.equal(pruned.stories, 3);
        assert.deepEqual(await s.storiesBySection("World"), { stories: [], total: 0 });
        // A pruned article's URLs still lead to its id: linking it again stores nothing.
        await s.linkArticleSource("a1", world.id);
        await s.putArticle(sampleArticle(1));
        assert.deepEqual(Object.fromEntries(await s.sectionsOfStories(["s1"])), {});
        await s.assignArticle("a1", "s1", null);
        await s.putStory(sampleStory("s1", "2026-12-01T00:00:00.000Z"));
        assert.deepEqual(await s.storiesBySection("World"), { stories: [], total: 0 });
      }));

    // PostgreSQL only: in one process a SQLite writer blocks the event loop while it waits for
    // the lock, and one SQLite process has one writer at a time anyway.
    if (b.name === "postgres")
      test("a brief written while a batch deletes its story is not left behind", async () => {
        // Two processes on one database: the clusterer's batch deletes the story (a merge); a
        // brief job writes the story's brief before the batch commits.
        const location = b.location();
        const clusterer = await openStore(location);
        const writer = await openStore(location);
        try {
          await clusterer.putStory(sampleStory("s1", "2026-11-01T00:00:00.000Z"));
          let commit = () => {};
          let deleted = () => {};
          const wasDeleted = new Promise<void>((resolve) => {
            deleted = resolve;
          });
          const batch = clusterer.transaction(async () => {
            await clusterer.deleteStory("s1");
            deleted();
            await new Promise<void>((resolve) => {
              commit = resolve;
            });
          });
          await wasDeleted;
          const brief = writer.putBrief(sampleBrief("s1", 1));
          // Commit once the brief waits on the batch's lock: after a fixed delay a slow machine
          // could commit first, and the test would pass without the lock.
          let waited = false;
          try {
            waited = await briefWaitsOnLock();
          } finally {
            commit();
          }
          await Promise.all([batch, brief]);
          assert.ok(waited, "the brief's INSERT never waited on the batch's lock");
          assert.deepEqual(await writer.listBriefs("s1"), []);
        } finally {
          await clusterer.close();
          await writer.close();
        }
      });

    test("merged stories lead to the story that absorbed them, in one hop, until it is pruned", () =>
      withStore(b, async (s) => {
        assert.equal(await s.mergedInto("s-a"), null);
        await s.recordMerge("s-a", "s-b");
        await s.recordMerge("s-b", "s-c");
        assert.equal(await s.mergedInto("s-a"), "s-c");
        assert.equal(await s.mergedInto("s-b"), "s-c");
        await s.putArticle(sampleArticle(1, { storyId: "s-c" }));
        await s.putStory(sampleStory("s-c", "2026-11-01T00:00:00.000Z", ["a1"]));
        await s.pruneStories("2026-11-30T00:00:00.000Z", 100);
        assert.equal(await s.mergedInto("s-a"), null);
      }));

    test("sections are listed in the same order on both databases", () =>
      withStore(b, async (s) => {
        for (const [n, section] of ["apple", "Business", "Zed", "world"].entries()) {
          await s.addSource({ kind: "feed", url: `https://${n}.example/feed`, section });
        }
        assert.deepEqual(
          (await s.listSections()).map((x) => x.name),
          ["Business", "Zed", "apple", "world"],
        );
      }));

    test("backupTo copies a SQLite store, commits still in its WAL included; PostgreSQL says pg_dump", () =>
      withStore(b, async (s) => {
        const target = join(tmp, `backup-${++files}.db`);
        if (b.name === "postgres") {
          await assert.rejects(s.backupTo(target), /pg_dump/);
          return;
        }
        for (let n = 1; n <= 30; n++) await s.putArticle(sampleArticle(n));
        await s.putStory(sampleStory("s1", "2026-11-02T00:00:00.000Z", ["a1"]));
        await s.backupTo(target);
        await assert.rejects(s.backupTo(target), /exists; back up to a new file/);
        const copy = await openStore(target);
        try {
          assert.equal(await copy.countArticles(), 30);
          assert.deepEqual(await copy.getArticle("a7"), await s.getArticle("a7"));
          assert.equal((await copy.getStory("s1"))?.id, "s1");
          assert.equal(
            (await copy.search("harbour", 50)).length,
            30,
            "the search index came along",
          );
        } finally {
          await copy.close();
        }
      }));

    test("pruning works in batches", () =>
      withStore(b, async (s) => {
        for (let n = 1; n <= 5; n++) {
          const a = sampleArticle(n, { storyId: `s${n}` });
          await s.putArticle(a);
          await s.assignArticle(a.id, `s${n}`, null);
          await s.putStory(sampleStory(`s${n}`, a.publishedAt!, [a.id]));
        }
        const cutoff = "2026-11-10T00:00:00.000Z";
        assert.equal((await s.pruneStories(cutoff, 2)).stories, 2);
        assert.equal((await s.pruneStories(cutoff, 2)).stories, 2);
        assert.equal((await s.pruneStories(cutoff, 2)).stories, 1);
        assert.equal(await s.countArticles(), 0);
      }));

    test("concurrent opens migrate once", async () => {
      const where = b.location();
      // SQLite files are opened one after another; PostgreSQL workers race for the lock.
      const stores =
        b.name === "postgres"
          ? await Promise.all([openStore(where), openStore(where), openStore(where)])
          : [await openStore(where), await openStore(where)];
      await stores[0]!.putArticle(sampleArticle(1));
      for (const st of stores) assert.equal(await st.countArticles(), 1);
      await Promise.all(stores.map((st) => st.close()));
    });
  });
}

describe("search on both stores", { skip: backends[1]!.skip }, () => {
  test("every word and pair of words of a mixed corpus finds the same articles on each", async () => {
    const texts = [
      ...MIXED_SCRIPT_ARTICLES,
      {
        headline: "川端市の図書館で火災",
        text: "青葉県川端市の市立中央図書館で２０日未明、火災が発生した。",
      },
      { headline: "北京地铁新线开通", text: "北京地铁十九号线今天开通运营。" },
      { headline: "ข่าวภาษาไทย วันนี้", text: "ฝนตกหนักในกรุงเทพฯ" },
      {
        headline: "U.S.-led talks: don't expect ½ a deal",
        text: "E-mail x86 ＪＲ ﬁnance Ⅷ 2024abc ² ①.",
      },
      {
        headline: "Łódź, İstanbul and Straße",
        text: "Ελλάδα: Αθήνα. Москва — ёлка; می‌خواهم 🚀 O'Brien",
      },
      { headline: "The the THE", text: "Then there is the other: a, an, of, to." },
    ];
    const stores = await Promise.all(backends.map((b) => openStore(b.location())));
    try {
      for (const s of stores) {
        for (const [i, a] of texts.entries()) await s.putArticle(sampleArticle(i + 1, a));
      }
      const words = [...new Set(texts.flatMap((a) => `${a.headline} ${a.text}`.split(/\s+/)))];
      const queries = [...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)];
      for (const q of queries) {
        const [onSqlite, onPostgres] = await Promise.all(
          stores.map(async (s) => (await s.search(q, 200)).map((h) => h.articleId).sort()),
        );
        assert.deepEqual(onPostgres, onSqlite, q);
      }
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { parseOpml, writeOpml } from "./opml.ts";

const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News">
      <outline text="Harbor &amp; Town" title="Harbor Town Ledger" type="rss"
        xmlUrl="https://ledger.example.org/feed/" htmlUrl="https://ledger.example.org/"/>
      <outline text="Deeper">
        <outline text="Tide Pool" XMLURL="https://tidepool.example.net/feeds/posts/default"/>
      </outline>
    </outline>
    <outline text="No feed here" htmlUrl="https://example.com/"/>
    <OUTLINE TEXT="Shouting" XmlUrl="http://shout.example.com/rss"/>
    <outline text="Duplicate" xmlUrl="https://ledger.example.org/feed/"/>
    <outline text="Bad scheme" xmlUrl="javascript:alert(1)"/>
    <outline text="Q & A" xmlUrl="feed://qa.example.com/atom.xml"/>
  </body>
</opml>
`;

test("parseOpml reads nested outlines, any attribute case, each URL once, in their folders", () => {
  assert.deepEqual(parseOpml(NESTED), [
    {
      title: "Harbor Town Ledger",
      url: "https://ledger.example.org/feed/",
      siteUrl: "https://ledger.example.org/",
      section: "News",
    },
    {
      title: "Tide Pool",
      url: "https://tidepool.example.net/feeds/posts/default",
      siteUrl: null,
      section: "Deeper",
    },
    { title: "Shouting", url: "http://shout.example.com/rss", siteUrl: null, section: null },
    { title: "Q & A", url: "http://qa.example.com/atom.xml", siteUrl: null, section: null },
  ]);
});

test("parseOpml takes a feed's section from its folder, else from its first category", () => {
  const opml = `<opml version="2.0"><body>
    <outline text="  World
      news  "><outline text="A" xmlUrl="https://a.example/feed"/></outline>
    <outline text="B" xmlUrl="https://b.example/feed" category="/Tech/Science,/Misc"/>
    <outline text=""><outline text="C" xmlUrl="https://c.example/feed"/></outline>
    <outline text="D" xmlUrl="https://d.example/feed" category="/"/>
  </body></opml>`;
  assert.deepEqual(
    parseOpml(opml).map((f) => [f.title, f.section]),
    [
      ["A", "World news"],
      ["B", "Science"],
      ["C", null],
      ["D", null],
    ],
  );
});

test("parseOpml reads the folders of a feed reader's export (testdata/nested.opml)", async () => {
  const text = await readFile(new URL("testdata/nested.opml", import.meta.url), "utf8");
  assert.deepEqual(
    parseOpml(text).map((f) => [f.url, f.section]),
    [
      ["https://gazette.example/feed.xml", "Local"],
      ["https://islandcoast.example/rss", "Local"],
      ["https://wire.example/atom.xml", null],
    ],
  );
});

test("parseOpml unwraps feed:http(s): URLs and reads feed:// as http (testdata/feed-scheme.opml)", async () => {
  const text = await readFile(new URL("testdata/feed-scheme.opml", import.meta.url), "utf8");
  assert.deepEqual(
    parseOpml(text).map((f) => f.url),
    [
      "https://secure.example.com/rss.xml",
      "http://plain.example.com/atom.xml",
      "http://old.example.com/rss",
    ],
  );
});

test("parseOpml: clear errors for empty, non-OPML and truncated documents", () => {
  assert.throws(() => parseOpml("  \n"), /^Error: opml: empty document$/);
  assert.throws(
    () => parseOpml("<rss><channel/></rss>"),
    /^Error: opml: not an OPML document: root <rss>$/,
  );
  assert.throws(() => parseOpml("just text"), /^Error: opml: not an OPML document$/);
  assert.throws(
    () => parseOpml('<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/feed">'),
    /^Error: opml: malformed XML: document ends inside <outline> \(truncated\?\)$/,
  );
});

test("parseOpml returns an empty list for an OPML file without feeds", () => {
  assert.deepEqual(parseOpml('<opml version="2.0"><head/><body/></opml>'), []);
});

test("writeOpml then parseOpml round-trips titles (with markup characters) and URLs", () => {
  const feeds = [
    { title: 'Tom & "Jerry" <News>', url: "https://a.example.com/feed?x=1&y=2" },
    { title: null, url: "https://b.example.com/rss.xml" },
    { title: "Ünïcödé\nnewline", url: "https://c.example.com/atom" },
  ];
  const xml = writeOpml(feeds, "Export & more");
  assert.match(xml, /<title>Export &amp; more<\/title>/);
  assert.deepEqual(parseOpml(xml), [
    {
      title: 'Tom & "Jerry" <News>',
      url: "https://a.example.com/feed?x=1&y=2",
      siteUrl: null,
      section: null,
    },
    { title: null, url: "https://b.example.com/rss.xml", siteUrl: null, section: null },
    { title: "Ünïcödé newline", url: "https://c.example.com/atom", siteUrl: null, section: null },
  ]);
});

test("writeOpml puts each section's feeds in a folder, and parseOpml reads them back", () => {
  const feeds = [
    { title: "A", url: "https://a.example/feed", section: "World & <more>" },
    { title: "B", url: "https://b.example/feed", section: null },
    { title: "C", url: "https://c.example/feed", section: "Tech" },
    { title: "D", url: "https://d.example/feed", section: "World & <more>" },
  ];
  const xml = writeOpml(feeds);
  assert.match(xml, /<outline text="World &amp; &lt;more&gt;" title="World &amp; &lt;more&gt;">/);
  assert.deepEqual(
    parseOpml(xml).map((f) => [f.title, f.section]),
    [
      ["B", null],
      ["A", "World & <more>"],
      ["D", "World & <more>"],
      ["C", "Tech"],
    ],
  );
});

import assert from "node:assert/strict";
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

test("parseOpml reads nested outlines, any attribute case, each URL once", () => {
  assert.deepEqual(parseOpml(NESTED), [
    {
      title: "Harbor Town Ledger",
      url: "https://ledger.example.org/feed/",
      siteUrl: "https://ledger.example.org/",
    },
    { title: "Tide Pool", url: "https://tidepool.example.net/feeds/posts/default", siteUrl: null },
    { title: "Shouting", url: "http://shout.example.com/rss", siteUrl: null },
    { title: "Q & A", url: "http://qa.example.com/atom.xml", siteUrl: null },
  ]);
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
    { title: 'Tom & "Jerry" <News>', url: "https://a.example.com/feed?x=1&y=2", siteUrl: null },
    { title: null, url: "https://b.example.com/rss.xml", siteUrl: null },
    { title: "Ünïcödé newline", url: "https://c.example.com/atom", siteUrl: null },
  ]);
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { charsetFromContentType, decodeBody, normaliseCharset } from "./charset.ts";
import { createFetcher } from "./index.ts";
import { startServer, testConfig } from "./test-server.ts";

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));

const cases: Array<{ file: string; contentType: string | null; charset: string; has: string }> = [
  {
    file: "windows-1252-labelled-utf8.html",
    contentType: "text/html; charset=utf-8",
    charset: "windows-1252",
    has: "The café owner said “we will reopen next week” — after",
  },
  {
    file: "shift_jis-meta-only.html",
    contentType: "text/html",
    charset: "shift_jis",
    has: "東京では今日、新しい図書館が開館しました。",
  },
  {
    file: "utf8-bom-wrong-prolog.xml",
    contentType: "application/rss+xml",
    charset: "utf-8",
    has: "<title>Café – BOM wins</title>",
  },
  {
    file: "windows-1252-prolog.xml",
    contentType: "application/xml",
    charset: "windows-1252",
    has: "<title>Café “quoted”</title>",
  },
  {
    file: "windows-1251-meta-after-1024.html",
    contentType: null,
    charset: "windows-1251",
    has: "Москва: сегодня открылась новая библиотека.",
  },
  {
    file: "utf8-labelled-latin1.html",
    contentType: "text/html; charset=ISO-8859-1",
    charset: "utf-8",
    has: "The café owner said “we will reopen",
  },
  {
    file: "utf16le-bom.xml",
    contentType: "application/xml",
    charset: "utf-16le",
    has: "<title>Café utf-16</title>",
  },
];

for (const c of cases) {
  test(`decodes ${c.file} as ${c.charset}`, () => {
    const { charset, text } = decodeBody(fixture(c.file), c.contentType);
    assert.equal(charset, c.charset);
    assert.ok(text.includes(c.has), `expected ${JSON.stringify(c.has)} in ${text.slice(0, 200)}`);
    assert.ok(!text.includes("\uFFFD"), "no replacement characters");
    assert.ok(!text.startsWith("\uFEFF"), "BOM stripped");
  });
}

test("plain ASCII keeps the declared charset, or utf-8", () => {
  assert.equal(decodeBody(Buffer.from("<p>hello</p>"), null).charset, "utf-8");
  assert.equal(
    decodeBody(Buffer.from("hi"), "text/plain; charset=windows-1250").charset,
    "windows-1250",
  );
});

test("charset labels are normalised; ISO-8859-1 means windows-1252; unknown labels are ignored", () => {
  assert.equal(charsetFromContentType('text/html; charset="ISO-8859-1"'), "windows-1252");
  assert.equal(charsetFromContentType("text/html;charset=UTF8"), "utf-8");
  assert.equal(charsetFromContentType("text/html; charset=x-made-up"), null);
  assert.equal(normaliseCharset("Shift_JIS"), "shift_jis");
});

test("the fetcher reports the charset it decoded with (windows-1252 bytes labelled utf-8)", async () => {
  const body = fixture("windows-1252-labelled-utf8.html");
  const server = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(body);
  });
  const fetcher = createFetcher(testConfig());
  try {
    const r = await fetcher.fetch(`${server.origin}/page`);
    assert.equal(r.kind, "ok");
    if (r.kind !== "ok") return;
    assert.equal(r.charset, "windows-1252");
    assert.ok(r.text.includes("“we will reopen next week”"));
    assert.deepEqual(r.body, body);
  } finally {
    await fetcher.close();
    await server.close();
  }
});

test("when header and meta disagree, detection picks between them", () => {
  const { charset, text } = decodeBody(
    fixture("shift_jis-meta-only.html"),
    "text/html; charset=windows-1252",
  );
  assert.equal(charset, "shift_jis");
  assert.ok(text.includes("東京"));
});

test("in XML the prolog counts, not a <meta> quoted inside the content", () => {
  const xml = Buffer.from(
    '<?xml version="1.0" encoding="windows-1252"?><rss><description><![CDATA[<meta charset="koi8-r">]]> caf\xe9</description></rss>',
    "latin1",
  );
  const { charset, text } = decodeBody(xml, "application/rss+xml");
  assert.equal(charset, "windows-1252");
  assert.ok(text.endsWith("café</description></rss>"));
});

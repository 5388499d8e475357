import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { decodeHtml, errorPageReason, extractArticle } from "./index.ts";

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const URL_ = "https://herald.example/news/bridge-reopens?utm_source=feed";

test("metadata comes from JSON-LD, Open Graph and rel=canonical", () => {
  const page = extractArticle(fixture("news-article.html").toString("utf8"), URL_)!;
  assert.equal(page.headline, "Harbour bridge reopens after repairs");
  assert.equal(page.outlet, "The Coastal Herald");
  assert.equal(page.byline, "Ada Quill");
  assert.equal(page.publishedAt, "2024-03-01T07:00:00.000Z");
  assert.equal(page.modifiedAt, "2024-03-02T08:30:00.000Z");
  assert.equal(page.canonicalUrl, "https://herald.example/news/bridge-reopens?ref=canonical");
  assert.equal(page.language, "en-GB");
  assert.equal(page.leadImage, "https://herald.example/img/bridge.jpg");
  assert.equal(page.description, "The harbour bridge is open again.");
});

test("a page's language comes from its markup, or from its text where the markup says none", () => {
  const german = extractArticle(fixture("german-no-lang.html").toString("utf8"), URL_)!;
  assert.equal(german.language, "de");
  // Templates ship lang="en" by default: a page marked English that reads as German is German.
  const marked = extractArticle(fixture("german-marked-english.html").toString("utf8"), URL_)!;
  assert.equal(marked.language, "de");
  // An English page keeps its own, more exact tag.
  const english = extractArticle(fixture("news-article.html").toString("utf8"), URL_)!;
  assert.equal(english.language, "en-GB");
});

test("body keeps prose and headings, drops share bars, captions, newsletter, related links", () => {
  const page = extractArticle(fixture("news-article.html").toString("utf8"), URL_)!;
  const text = page.paragraphs.join("\n");
  assert.equal(page.paragraphs.length, 5, text);
  assert.match(page.paragraphs[0]!, /^The harbour bridge reopened/);
  assert.equal(page.paragraphs[2], "Traffic returns");
  assert.match(page.paragraphs[4]!, /final inspection of the lighting/);
  for (const junk of [
    "Facebook",
    "Photo:",
    "newsletter",
    "Advertisement",
    "Ferry fares",
    "By Ada",
    "Published",
    "©",
    "Most read",
    "tracking",
  ]) {
    assert.ok(!text.includes(junk), `should drop ${junk}`);
  }
});

test("a page with no article gives null", () => {
  assert.equal(extractArticle(fixture("no-article.html").toString("utf8"), URL_), null);
});

test("a page that leaves out its optional <html>, <head> and <body> tags is read as a browser reads it", () => {
  // Minifiers drop the tags HTML lets a page omit; the parser must imply them, not lose the page.
  const page = extractArticle(
    fixture("optional-tags-left-out.html").toString("utf8"),
    "https://gazette.example/news/ferry-timetable-cut?utm_source=feed",
  )!;
  assert.equal(page.headline, "Ferry timetable cut as crews quit");
  assert.equal(page.byline, "Mira Stenhouse");
  assert.equal(page.language, "en-GB");
  assert.equal(page.canonicalUrl, "https://gazette.example/news/ferry-timetable-cut");
  assert.equal(page.paragraphs.length, 4);
  assert.match(page.paragraphs[3]!, /review the contract's penalties/);
});

test("text without any tag, or nothing at all, gives null instead of an error", () => {
  for (const text of ["", "   ", "<!DOCTYPE html>", "<!-- only a comment", "Just a line of text."])
    assert.equal(extractArticle(text, URL_), null, JSON.stringify(text));
});

/** The orchard story of a teaser-card fixture, without the cards' mill pond and river. */
function assertTeasersCut(file: string): void {
  const page = extractArticle(fixture(file).toString("utf8"), "https://orchard.example/why")!;
  const text = page.paragraphs.join("\n");
  assert.match(text, /forty trees next year/);
  assert.ok(!text.includes("mill pond"), text);
  assert.ok(!text.includes("river"), text);
}

test("teaser cards after the story are not part of it", () => {
  assertTeasersCut("teaser-cards.html");
});

test("outlet falls back to a name made from the domain", () => {
  const html = fixture("teaser-cards.html").toString("utf8");
  assert.equal(extractArticle(html, "https://www.bbc.co.uk/news/x")!.outlet, "BBC");
  assert.equal(extractArticle(html, "https://www.orchard-news.example/x")!.outlet, "Orchard News");
});

test("windows-1252 and Shift_JIS pages decode by their <meta> charset", () => {
  const fr = decodeHtml(fixture("windows-1252.html"));
  assert.match(fr, /Le café du quartier a fermé/);
  assert.equal(extractArticle(fr, "https://cafe.example/")!.headline, "Café déjà fermé");
  const ja = decodeHtml(fixture("shift_jis.html"));
  assert.match(ja, /港の橋が再開/);
  assert.match(extractArticle(ja, "https://ja.example/")!.paragraphs[0]!, /^港の橋は八か月/);
});

test("charset: BOM wins, header beats meta, lying declarations are detected", () => {
  const text = "<p>naïve café</p>";
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  assert.equal(decodeHtml(bom, "text/html; charset=windows-1252"), text);
  // Declared UTF-8 but really windows-1252: not valid UTF-8, so detection decides.
  const cp = Buffer.from(
    fixture("windows-1252.html").toString("latin1").replace("windows-1252", "utf-8"),
    "latin1",
  );
  assert.match(decodeHtml(cp, "text/html; charset=utf-8"), /Le café du quartier/);
  // Declared windows-1252 but really UTF-8.
  const utf = Buffer.from(`<meta charset="windows-1252">${text}`, "utf8");
  assert.match(decodeHtml(utf), /naïve café/);
  // Shift_JIS with no declaration at all.
  const sj = Buffer.from(
    fixture("shift_jis.html").toString("latin1").replace('<meta charset="Shift_JIS">', ""),
    "latin1",
  );
  assert.match(decodeHtml(sj), /港の橋が再開/);
});

test("JSON-LD with trailing commas still dates the page, from a WebPage object if need be", () => {
  const ld = '{"@type":"WebPage","datePublished":"2018-04-18T14:39:09+02:00","keywords":["a",],}';
  const html = `<html><head><script type="application/ld+json">${ld}</script></head><body>${fixture("teaser-cards.html").toString("utf8")}</body></html>`;
  assert.equal(extractArticle(html, "https://x.example/")!.publishedAt, "2018-04-18T12:39:09.000Z");
});

test("error and login pages served with status 200 are named as such; a report about one is not", () => {
  const read = (name: string) =>
    extractArticle(fixture(name).toString("utf8"), "https://herald.example/news/x")!;
  assert.equal(errorPageReason(read("soft-404.html")), "a 'page not found' page");
  assert.equal(errorPageReason(read("login-wall.html")), "a login or registration page");
  assert.equal(errorPageReason(read("article-about-404.html")), null);
  assert.equal(errorPageReason(read("news-article.html")), null);
  const page = (headline: string, text: string) => ({
    ...read("news-article.html"),
    headline,
    paragraphs: [text],
  });
  assert.equal(
    errorPageReason(page("Yahoo!", "Sorry, Unable to process request at this time -- error 999.")),
    "an error page",
  );
  assert.equal(
    errorPageReason(page("Route 404 reopens", "Route 404 reopened on Monday after repairs.")),
    null,
  );
  // A short report of an outage uses the words of an error page; its headline does not.
  const outage = [
    "Customers of Harbour Bank were unable to sign in to view their accounts for most of Tuesday",
    "morning after a fault at the bank's data centre, the bank said. The fault began at about 6",
    "a.m. and was fixed shortly before noon. The bank said no money had been lost and that card",
    "payments had worked throughout. It apologised to customers and said it would waive fees",
    "charged because of the outage, which also affected its telephone banking service for an hour.",
  ].join(" ");
  assert.equal(errorPageReason(page("Harbour Bank customers locked out for hours", outage)), null);
});

test("a page whose broken head swallows the article still gives it (Readability throws there)", () => {
  // Found by the fuzz test: `<meta charset="utf-8"<article>` leaves the article where
  // Readability, walking up from its best candidate, never meets <body>.
  const page = extractArticle(fixture("article-in-broken-head.html").toString("utf8"), URL_);
  assert.equal(page?.headline, "The bridge should never have closed");
  assert.match(page?.paragraphs[0] ?? "", /^Two years of detours were a choice/);
});

test("a canonical or og:url on another site, or the front page, is not the article's address", () => {
  const read = (name: string, url: string) =>
    extractArticle(fixture(name).toString("utf8"), url)!.canonicalUrl;
  // A wire story on a local paper stays the local paper's, not a duplicate of the agency's.
  const local = "https://www.gazette.example/news/harbour-wall";
  assert.equal(read("canonical-other-site.html", local), local);
  // A template pointing every page at the homepage would give every article one id.
  assert.equal(read("canonical-homepage.html", local), local);
  assert.equal(
    read("canonical-homepage.html", "https://gazette.example/"),
    "https://www.gazette.example/",
  );
  // Another host of the same site (an AMP copy) keeps the page's own canonical.
  assert.equal(
    read("canonical-amp-page.html", "https://amp.gazette.example/harbour-wall"),
    "https://www.gazette.example/news/harbour-wall",
  );
});

test("a canonical at the site root with a query (a plain permalink) is the article's address", () => {
  const html = fixture("canonical-plain-permalink.html").toString("utf8");
  const page = extractArticle(html, "https://blog.example/archives/123")!;
  assert.equal(page.canonicalUrl, "https://blog.example/?p=123");
});

test("a byline Readability finds is cleaned like the page's own: no URL, no 'By'", () => {
  const read = (name: string) =>
    extractArticle(fixture(name).toString("utf8"), "https://gazette.example/news/x")!.byline;
  assert.equal(read("byline-url-from-body.html"), null);
  assert.equal(read("byline-by-from-body.html"), "Jane Doe");
});

test("a short report whose headline uses an error page's words is not an error page", () => {
  const read = (name: string) =>
    extractArticle(fixture(name).toString("utf8"), "https://herald.example/news/x")!;
  assert.equal(errorPageReason(read("short-report-register-for.html")), null);
  assert.equal(errorPageReason(read("short-report-service-unavailable.html")), null);
  // A headline that is the whole title of one still shows it, with the site's name after it.
  assert.equal(errorPageReason(read("not-found-title-only.html")), "a 'page not found' page");
  assert.equal(errorPageReason(read("sign-in-title-only.html")), "a login or registration page");
});

test("an error page's title is followed by a site's name, not by a headline's tail", () => {
  const base = extractArticle(
    fixture("short-report-register-for.html").toString("utf8"),
    "https://herald.example/news/x",
  )!;
  // 61-120 words: only the headline can show an error page.
  const page = (headline: string) => ({ ...base, headline });
  assert.equal(errorPageReason(page("Access denied – disabled voters turned away at polls")), null);
  assert.equal(errorPageReason(page("Access denied – The Daily Ledger")), "an error page");
  for (const headline of [
    "Sorry, this page can't be found",
    "Oops! Page not found",
    "Article not found | The Coastal Herald",
  ]) {
    assert.equal(errorPageReason(page(headline)), "a 'page not found' page", headline);
  }
});

test("teaser cards in a section after the story's section are not part of it", () => {
  assertTeasersCut("teaser-cards-in-sections.html");
});

test("a headline longer than a name (120 characters) is kept", () => {
  const long = extractArticle(
    fixture("long-headline.html").toString("utf8"),
    "https://gazette.example/news/harbour-wall",
  )!;
  assert.match(long.headline, /^Harbour wall to be rebuilt .* their moorings$/);
});

test("Readability's title survives when the body comes from JSON-LD", () => {
  const ld = extractArticle(
    fixture("title-from-readability-ld-body.html").toString("utf8"),
    "https://gazette.example/news/harbour-wall",
  )!;
  assert.equal(ld.headline, "Harbour wall to be rebuilt before winter");
  assert.match(ld.paragraphs[1]!, /^Work will begin next month/);
});

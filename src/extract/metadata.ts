// Page metadata from the page's own declarations: JSON-LD, Open Graph and other <meta>,
// rel=canonical, <time>, <html lang>. Read before the body extractor mutates the DOM.
import type { ExtractedPage } from "../types.ts";
import { toIsoUtc } from "./dates.ts";
import { type LdArticle, readJsonLd } from "./jsonld.ts";
import { isOpinionPage } from "./opinion.ts";
import { domainName, siteOf } from "./outlet.ts";

export type PageMetadata = Omit<ExtractedPage, "paragraphs" | "headline"> & {
  headline: string | null;
  /** JSON-LD articleBody, when the page states one. */
  ldBody: string | null;
};

/** Longest plausible outlet or byline; longer values are sentences that leaked into a field. */
const MAX_NAME_CHARS = 120;
/** Longest plausible headline; some run well past a name's length. */
const MAX_HEADLINE_CHARS = 300;

// Meta names/properties per field, best first.
const PUBLISHED = [
  "article:published_time",
  "og:article:published_time",
  "article:published",
  "datepublished",
  "publishdate",
  "publish-date",
  "pubdate",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.created",
  "dc.date",
  "date",
];
const MODIFIED = [
  "article:modified_time",
  "article:modified",
  "og:updated_time",
  "datemodified",
  "last-modified",
  "dcterms.modified",
];

const SECTION = ["article:section", "og:article:section", "parsely-section", "section"];

type Meta = Map<string, string>;

function collectMeta(doc: Document): Meta {
  const meta: Meta = new Map();
  const metas = doc.getElementsByTagName("meta");
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const key = (
      m.getAttribute("property") ??
      m.getAttribute("name") ??
      m.getAttribute("itemprop") ??
      m.getAttribute("http-equiv") ??
      ""
    )
      .trim()
      .toLowerCase();
    const value = (m.getAttribute("content") ?? "").trim();
    if (key && value && !meta.has(key)) meta.set(key, value);
  }
  return meta;
}

function first(meta: Meta, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}

function resolve(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The page's canonical or og:url when it names the page itself: same site as the fetched URL, and
 * not the front page unless that was fetched. Syndicated copies name the original outlet and
 * templates name the homepage; taken as is, either merges distinct articles under one id.
 */
function ownUrl(href: string | null | undefined, url: string): string | null {
  const own = resolve(href, url);
  if (!own) return null;
  const a = new URL(own);
  const b = new URL(url);
  if (siteOf(a.hostname) !== siteOf(b.hostname)) return null;
  // "/?p=123" is a plain permalink, not the front page.
  return a.pathname === "/" && !a.search && b.pathname !== "/" ? null : own;
}

/** The <time datetime> marked as the publication date, else the first one in the page. */
function timeElementDate(doc: Document): string | null {
  const times = Array.from(doc.getElementsByTagName("time")).filter((t) =>
    t.hasAttribute("datetime"),
  );
  const marked = times.find(
    (t) => t.hasAttribute("pubdate") || t.getAttribute("itemprop") === "datePublished",
  );
  return toIsoUtc((marked ?? times[0])?.getAttribute("datetime"));
}

function firstText(doc: Document, tag: string): string | null {
  return doc.getElementsByTagName(tag)[0]?.textContent ?? null;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  nbsp: " ",
};

/** Metadata is often entity-encoded twice; decode what is left after parsing. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== "#") return ENTITIES[e.toLowerCase()] ?? m;
    const code =
      e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

function cleanName(value: string | null | undefined, max = MAX_NAME_CHARS): string | null {
  const v = value && decodeEntities(value).replace(/\s+/g, " ").trim();
  return v && v.length <= max ? v : null;
}

function cleanHeadline(value: string | null | undefined): string | null {
  return cleanName(value, MAX_HEADLINE_CHARS);
}

/** An outlet name is a name, not a URL or a social handle. */
function cleanOutlet(value: string | null | undefined): string | null {
  const v = cleanName(value);
  return v && !/^(?:https?:|www\.|@)/i.test(v) ? v : null;
}

/** "Headline | Outlet" or "Headline - Outlet" to "Headline", when the tail names the outlet. */
function stripOutlet(headline: string | null, outlet: string): string | null {
  if (!headline) return null;
  const m = headline.match(/^(.{10,}?)\s+[|\-–—:·»]\s+([^|\-–—:·»]+)$/);
  if (!m) return headline;
  const squash = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const tail = squash(m[2]!);
  const name = squash(outlet);
  const names =
    tail &&
    name &&
    (name.includes(tail) || (tail.includes(name) && tail.length <= name.length + 8));
  return names ? m[1]! : headline;
}

/** "By Jane Doe" to "Jane Doe"; a bare "By" or a URL is no byline. */
export function cleanByline(value: string | null | undefined): string | null {
  const v = cleanName(value)?.replace(/^by\s+/i, "");
  return v && /\p{L}{2}/u.test(v) && !/^(?:by|https?:)/i.test(v) ? v : null;
}

function language(doc: Document, meta: Meta, ld: LdArticle | null): string | null {
  const raw =
    doc.documentElement?.getAttribute("lang") ??
    meta.get("content-language") ??
    ld?.inLanguage ??
    meta.get("og:locale") ??
    null;
  const tag = raw?.trim().replace(/_/g, "-").split(/[,\s]/)[0];
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

function ldBlocks(doc: Document): string[] {
  return Array.from(doc.getElementsByTagName("script"))
    .filter((s) => /ld\+json/i.test(s.getAttribute("type") ?? ""))
    .map((s) => s.textContent ?? "");
}

export function readMetadata(doc: Document, url: string): PageMetadata {
  const meta = collectMeta(doc);
  const ld = readJsonLd(ldBlocks(doc));
  const canonical = Array.from(doc.getElementsByTagName("link"))
    .find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute("rel") ?? ""))
    ?.getAttribute("href");
  const canonicalUrl = ownUrl(canonical, url) ?? ownUrl(meta.get("og:url"), url) ?? url;
  const outlet =
    cleanOutlet(meta.get("og:site_name")) ??
    cleanOutlet(ld?.publisher) ??
    cleanOutlet(meta.get("application-name")) ??
    domainName(canonicalUrl || url);
  const headline =
    cleanHeadline(ld?.headline) ??
    cleanHeadline(meta.get("og:title")) ??
    cleanHeadline(meta.get("twitter:title")) ??
    cleanHeadline(firstText(doc, "h1")) ??
    cleanHeadline(firstText(doc, "title"));
  const timeDate = timeElementDate(doc);
  const opinion = isOpinionPage({
    ldType: ld?.type ?? "",
    ldGenre: ld?.genre ?? null,
    ldSection: ld?.section ?? null,
    metaSection: first(meta, SECTION),
    metaOpinion: meta.get("article:opinion") ?? null,
    url: canonicalUrl || url,
    headline,
  });
  return {
    headline: stripOutlet(headline, outlet),
    byline: cleanByline(ld?.author) ?? cleanByline(meta.get("author")),
    outlet,
    canonicalUrl,
    publishedAt: toIsoUtc(ld?.datePublished) ?? toIsoUtc(first(meta, PUBLISHED)) ?? timeDate,
    modifiedAt: toIsoUtc(ld?.dateModified) ?? toIsoUtc(first(meta, MODIFIED)),
    language: language(doc, meta, ld),
    leadImage:
      resolve(meta.get("og:image:secure_url") ?? meta.get("og:image"), url) ??
      resolve(meta.get("twitter:image") ?? meta.get("twitter:image:src"), url) ??
      resolve(ld?.image, url),
    description: meta.get("og:description") ?? meta.get("description") ?? ld?.description ?? null,
    opinion,
    ldBody: ld?.articleBody ?? null,
  };
}

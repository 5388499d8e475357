import { createHash } from "node:crypto";
import { TRACKING_PARAM } from "../ingest/url.ts";
import { fingerprint } from "../stories/index.ts";
import { splitSentences } from "../text/sentences.ts";
import type { Article, ExtractedPage } from "../types.ts";

/** Article ids come from the canonical URL, so fetching the same page twice stores it once. */
export function articleId(canonicalUrl: string): string {
  return createHash("sha256").update(normalizeUrl(canonicalUrl)).digest("hex").slice(0, 16);
}

/** Drops the fragment, tracking parameters and a trailing slash so trivially different spellings
 * of one URL agree. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
    // Filter the raw pairs (searchParams would re-encode the rest), and only when one goes, so
    // ids of URLs without tracking parameters stay as they were.
    const pairs = parsed.search.slice(1).split("&");
    const kept = pairs.filter((pair) => !TRACKING_PARAM.test(paramName(pair)));
    if (kept.length < pairs.length) parsed.search = kept.join("&");
    const text = parsed.toString();
    return text.endsWith("/") && parsed.pathname !== "/" ? text.slice(0, -1) : text;
  } catch {
    return url;
  }
}

export function buildArticle(page: ExtractedPage, fetchedUrl: string, fetchedAt: Date): Article {
  const text = page.paragraphs.join("\n\n");
  const sentences = page.paragraphs.flatMap((paragraph) => splitSentences(paragraph));
  return {
    id: articleId(page.canonicalUrl),
    url: fetchedUrl,
    canonicalUrl: page.canonicalUrl,
    outlet: page.outlet,
    outletDomain: domainOf(page.canonicalUrl),
    headline: page.headline,
    byline: page.byline,
    publishedAt: page.publishedAt,
    modifiedAt: page.modifiedAt,
    fetchedAt: fetchedAt.toISOString(),
    language: page.language,
    leadImage: page.leadImage,
    description: page.description,
    text,
    paragraphs: page.paragraphs,
    sentences,
    fingerprint: fingerprint(`${page.headline}\n${text}`),
    storyId: null,
    duplicateOf: null,
    opinion: page.opinion,
  };
}

function paramName(pair: string): string {
  const name = pair.split("=", 1)[0]!.replace(/\+/g, " ");
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

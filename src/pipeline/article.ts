import { createHash } from "node:crypto";
import { fingerprint } from "../stories/index.ts";
import { splitSentences } from "../text/sentences.ts";
import type { Article, ExtractedPage } from "../types.ts";

/** Article ids come from the canonical URL, so fetching the same page twice stores it once. */
export function articleId(canonicalUrl: string): string {
  return createHash("sha256").update(normalizeUrl(canonicalUrl)).digest("hex").slice(0, 16);
}

/** Drops the fragment and a trailing slash so trivially different spellings of one URL agree. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
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

function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

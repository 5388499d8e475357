import { createHash } from "node:crypto";
import { withoutTracking } from "../ingest/url.ts";
import type { Store } from "../store/index.ts";
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
  return trimUrl(url, true);
}

function trimUrl(url: string, dropTracking: boolean): string {
  try {
    const parsed = dropTracking ? withoutTracking(url) : new URL(url);
    parsed.hash = "";
    const text = parsed.toString();
    return text.endsWith("/") && parsed.pathname !== "/" ? text.slice(0, -1) : text;
  } catch {
    return url;
  }
}

/** The stored article reached by this URL, or null. Databases written before tracking parameters
 * were dropped hold article_urls rows that keep them: on a miss, that old spelling is tried too. */
export async function articleIdByUrl(
  store: Pick<Store, "articleIdByUrl">,
  url: string,
): Promise<string | null> {
  const normal = normalizeUrl(url);
  const id = await store.articleIdByUrl(normal);
  if (id !== null) return id;
  const old = trimUrl(url, false);
  return old === normal ? null : store.articleIdByUrl(old);
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

// `storyline extract FILE|URL [--json]`: prints the article found in one page.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { loadConfig } from "../../config.ts";
import { decodeHtml, errorPageReason, extractArticle } from "../../extract/index.ts";
import { createFetcher } from "../../ingest/fetch/index.ts";
import type { ExtractedPage } from "../../types.ts";

const USAGE = "usage: storyline extract FILE|URL [--json]";

interface Fetched {
  bytes: Buffer;
  contentType: string | null;
  url: string;
}

/** Fetches through the project's one safe fetcher (SSRF guard, timeouts, size cap, charsets). */
async function fetchPage(url: string): Promise<Fetched> {
  const fetcher = createFetcher(loadConfig().fetch);
  try {
    const outcome = await fetcher.fetch(url, { accept: "text/html,*/*;q=0.5" });
    if (outcome.kind !== "ok") throw new Error(`extract: ${url} answered 304`);
    return { bytes: outcome.body, contentType: outcome.contentType, url: outcome.url };
  } finally {
    await fetcher.close();
  }
}

function readLocal(path: string): Fetched {
  let bytes = readFileSync(path);
  if (path.endsWith(".gz")) bytes = gunzipSync(bytes);
  return { bytes, contentType: null, url: pathToFileURL(path).href };
}

function render(page: ExtractedPage): string {
  const lines = [
    page.headline,
    "",
    `outlet:    ${page.outlet}`,
    `byline:    ${page.byline ?? "-"}`,
    `published: ${page.publishedAt ?? "-"}`,
    `modified:  ${page.modifiedAt ?? "-"}`,
    `canonical: ${page.canonicalUrl}`,
    `language:  ${page.language ?? "-"}`,
    `image:     ${page.leadImage ?? "-"}`,
    "",
    ...page.paragraphs.flatMap((p) => [p, ""]),
  ];
  return lines.join("\n");
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { json: { type: "boolean" } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args, options: { json: { type: "boolean" } }, allowPositionals: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const target = parsed.positionals[0];
  if (!target || parsed.positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const isUrl = /^https?:\/\//i.test(target);
    const page = isUrl ? await fetchPage(target) : readLocal(target);
    const article = extractArticle(decodeHtml(page.bytes, page.contentType), page.url);
    if (!article) {
      process.stderr.write("extract: no article found\n");
      return 1;
    }
    const notAReport = errorPageReason(article);
    if (notAReport) {
      process.stderr.write(`extract: ${page.url} is ${notAReport}, not an article\n`);
      return 1;
    }
    process.stdout.write(
      parsed.values.json ? `${JSON.stringify(article, null, 2)}\n` : render(article),
    );
    return 0;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
}

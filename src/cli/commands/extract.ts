// `storyline extract FILE|URL [--json]`: prints the article found in one page.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { request } from "undici";
import { decodeHtml, extractArticle } from "../../extract/index.ts";
import type { ExtractedPage } from "../../types.ts";

const USAGE = "usage: storyline extract FILE|URL [--json]";
/** Give up on a page that takes longer than this to arrive. */
const FETCH_TIMEOUT_MS = 20_000;
/** Pages larger than this are not articles worth waiting for. */
const FETCH_MAX_BYTES = 10 * 1024 * 1024;

interface Fetched {
  bytes: Buffer;
  contentType: string | null;
  url: string;
}

/** The one network call; the lead will swap in the project's safe fetcher here. */
async function fetchPage(url: string): Promise<Fetched> {
  const res = await request(url, {
    headersTimeout: FETCH_TIMEOUT_MS,
    bodyTimeout: FETCH_TIMEOUT_MS,
    maxRedirections: 5,
    headers: { "user-agent": "Storyline/0.1", accept: "text/html,*/*;q=0.5" },
  } as Parameters<typeof request>[1]);
  if (res.statusCode >= 400) {
    await res.body.dump();
    throw new Error(`extract: HTTP ${res.statusCode} for ${url}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > FETCH_MAX_BYTES) {
      res.body.destroy();
      throw new Error(`extract: page larger than ${FETCH_MAX_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const type = res.headers["content-type"];
  return { bytes: Buffer.concat(chunks), contentType: typeof type === "string" ? type : null, url };
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
    process.stdout.write(
      parsed.values.json ? `${JSON.stringify(article, null, 2)}\n` : render(article),
    );
    return 0;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
}

// `storyline eval extraction --data DIR [--out FILE]`: extracts every page of an
// article-extraction benchmark folder (html/<id>.html.gz, ground-truth.json, peers/*.json) and
// prints body precision/recall/F1 with the benchmark's metric, next to every peer scored the same way.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { scoreBodies } from "../../extract/eval/metric.ts";
import { formatTable, type Row } from "../../extract/eval/report.ts";
import { decodeHtml, extractArticle } from "../../extract/index.ts";

const USAGE = "usage: storyline eval extraction --data DIR [--out FILE]";
const OURS = "storyline";

type Bodies = Record<string, { articleBody?: string; url?: string }>;

function bodiesOf(records: Bodies): Record<string, string> {
  return Object.fromEntries(Object.entries(records).map(([id, r]) => [id, r.articleBody ?? ""]));
}

function extractAll(dir: string, truth: Bodies): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, record] of Object.entries(truth)) {
    const bytes = gunzipSync(readFileSync(join(dir, "html", `${id}.html.gz`)));
    try {
      const page = extractArticle(decodeHtml(bytes), record.url ?? "http://example.invalid/");
      out[id] = page ? page.paragraphs.join("\n\n") : "";
    } catch (err) {
      process.stderr.write(`eval: ${id}: ${(err as Error).message}\n`);
      out[id] = "";
    }
  }
  return out;
}

function peerRows(dir: string, truth: Record<string, string>): Row[] {
  let files: string[] = [];
  try {
    files = readdirSync(join(dir, "peers")).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files.sort().map((file) => {
    const peer = JSON.parse(readFileSync(join(dir, "peers", file), "utf8"));
    const name = file.replace(/\.json$/, "") + (peer.version ? ` ${peer.version}` : "");
    return { system: name, scores: scoreBodies(truth, bodiesOf(peer.output ?? {})) };
  });
}

export async function run(args: string[]): Promise<number> {
  let values: { data?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { data: { type: "string" }, out: { type: "string" } },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!values.data) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const truthRecords: Bodies = JSON.parse(
    readFileSync(join(values.data, "ground-truth.json"), "utf8"),
  );
  const truth = bodiesOf(truthRecords);
  const started = performance.now();
  const ours = extractAll(values.data, truthRecords);
  const seconds = (performance.now() - started) / 1000;
  const rows: Row[] = [
    { system: OURS, scores: scoreBodies(truth, ours) },
    ...peerRows(values.data, truth),
  ];
  process.stdout.write(`${formatTable(rows, OURS)}\n`);
  process.stdout.write(`${Object.keys(truth).length} pages extracted in ${seconds.toFixed(1)} s\n`);
  if (values.out) {
    const output = Object.fromEntries(
      Object.entries(ours).map(([id, body]) => [id, { articleBody: body }]),
    );
    writeFileSync(values.out, `${JSON.stringify(output, null, 1)}\n`);
  }
  return 0;
}

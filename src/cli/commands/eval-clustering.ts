// storyline eval clustering --data FILE.jsonl [--text title|snippet|both] [--out FILE] [--errors N]
//   [--orders N]
// Clusters the items in stream order with Storyline and with the naive baseline, prints NMI, ACC,
// B-cubed and story counts for both, optionally writes Storyline's { id, story } lines, with
// --errors lists Storyline's worst fusions and splits against the gold stories, and with --orders
// repeats both systems on shuffled orders and prints the mean and range of their scores.

import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { EvalItem, TextMode } from "../../stories/eval/data.ts";
import { parseItems } from "../../stories/eval/data.ts";
import { fusions, splits } from "../../stories/eval/errors.ts";
import type { OrderSpread, SystemResult } from "../../stories/eval/run.ts";
import { evaluate, evaluateOrders } from "../../stories/eval/run.ts";
import type { ClusterParams } from "../../stories/index.ts";
import { DEFAULT_PARAMS } from "../../stories/index.ts";
import { NAIVE_THRESHOLD } from "../../stories/naive.ts";

const USAGE =
  "usage: storyline eval clustering --data FILE.jsonl [--text title|snippet|both] [--out FILE]\n" +
  "       [--param name=value ...] [--naive-threshold X] [--errors N] [--orders N]";

function parseParams(pairs: string[]): Partial<ClusterParams> {
  const params: Record<string, number> = {};
  for (const pair of pairs) {
    const [name, value] = pair.split("=");
    if (name === undefined || !(name in DEFAULT_PARAMS) || !Number.isFinite(Number(value))) {
      throw new Error(`eval-clustering: bad --param ${pair}`);
    }
    params[name] = Number(value);
  }
  return params as Partial<ClusterParams>;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(6);

function row(name: string, r: SystemResult): string {
  return (
    `${name.padEnd(24)}${pct(r.nmi)}${pct(r.acc)}${pct(r.bcubedPrecision)}${pct(r.bcubedRecall)}` +
    `${pct(r.bcubedF1)}${String(r.goldCount).padStart(6)}${String(r.foundCount).padStart(7)}` +
    `${Math.round(r.itemsPerSecond).toString().padStart(9)}`
  );
}

function spreadRow(name: string, s: OrderSpread): string {
  const cell = (k: keyof OrderSpread["mean"]) =>
    `${pct(s.mean[k])} [${pct(s.min[k]).trim()}, ${pct(s.max[k]).trim()}]`.padEnd(20);
  return `${name.padEnd(24)}${cell("nmi")}${cell("acc")}${cell("bcubedF1")}`.trimEnd();
}

export async function run(args: string[]): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(args).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const mode = values.text as TextMode;
  if (!values.data || !["title", "snippet", "both"].includes(mode)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let items: EvalItem[];
  let params: Partial<ClusterParams>;
  try {
    items = parseItems(await readFile(values.data, "utf8"));
    params = parseParams(values.param ?? []);
  } catch (err) {
    process.stderr.write(`eval-clustering: ${(err as Error).message}\n`);
    return 1;
  }
  const naiveThreshold = values["naive-threshold"]
    ? Number(values["naive-threshold"])
    : NAIVE_THRESHOLD;
  const orders = values.orders === undefined ? 1 : Number(values.orders);
  if (!Number.isInteger(orders) || orders < 1) {
    process.stderr.write(
      `eval-clustering: --orders wants a whole number of at least 1\n${USAGE}\n`,
    );
    return 2;
  }
  const result = evaluate(items, mode, params, naiveThreshold);
  const out = process.stdout;
  out.write(
    `${items.length} items, text: ${mode}, params: ${JSON.stringify({ ...DEFAULT_PARAMS, ...params })}\n`,
  );
  out.write(`${"system".padEnd(24)}   NMI   ACC  B3-P  B3-R B3-F1  gold  found  items/s\n`);
  out.write(`${row("storyline", result.storyline)}\n`);
  out.write(`${row(`naive (t=${result.naive.threshold})`, result.naive)}\n`);
  out.write(`${row(`naive best (t=${result.naiveBest.threshold})`, result.naiveBest)}\n`);
  if (orders > 1) {
    const t = result.naiveBest.threshold;
    const spreads = evaluateOrders(items, mode, params, t, orders);
    const dated = items.some((i) => Number.isFinite(i.at));
    const note = dated ? ", which take dated items out of publication order" : "";
    out.write(
      `over ${orders} orders (the file's and ${orders - 1} seeded shuffles${note}), mean [min, max]:\n`,
    );
    out.write(`${"system".padEnd(24)}  NMI                 ACC                 B3-F1\n`);
    out.write(`${spreadRow("storyline", spreads.storyline)}\n`);
    out.write(`${spreadRow(`naive (t=${t})`, spreads.naive)}\n`);
  }
  if (values.errors !== undefined)
    out.write(errorReport(items, result.assignments, Number(values.errors)));
  if (values.out) {
    const lines = result.assignments.map((a) => JSON.stringify(a)).join("\n");
    await writeFile(values.out, `${lines}\n`);
  }
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      data: { type: "string" },
      text: { type: "string", default: "both" },
      out: { type: "string" },
      param: { type: "string", multiple: true },
      "naive-threshold": { type: "string" },
      errors: { type: "string" },
      orders: { type: "string" },
    },
  });
}

/** Storyline's n worst fusions (with a title from each gold story) and splits. */
function errorReport(items: EvalItem[], assignments: { story: string }[], n: number): string {
  const found = assignments.map((a) => a.story);
  const gold = items.map((i) => i.gold);
  const limit = Number.isInteger(n) && n > 0 ? n : 10;
  const titleOf = new Map<string, string>();
  items.forEach((item, i) => {
    const key = `${found[i]} ${item.gold}`;
    if (!titleOf.has(key)) titleOf.set(key, item.title);
  });
  const lines = ["found stories that fuse gold stories (gold: items, first title):"];
  for (const f of fusions(found, gold).slice(0, limit)) {
    lines.push(`  ${f.found} (${f.size} items)`);
    for (const [g, count] of f.golds)
      lines.push(`    gold ${g}: ${count}, "${titleOf.get(`${f.found} ${g}`)}"`);
  }
  lines.push("gold stories split over found stories (items in each part):");
  for (const s of splits(found, gold).slice(0, limit))
    lines.push(`  gold ${s.gold} (${s.size} items): ${s.parts.join(" + ")}`);
  return `${lines.join("\n")}\n`;
}

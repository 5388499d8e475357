// `storyline eval briefs --data FILE.jsonl [--out FILE]`: brief quality on a WikinewsSum-style file.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Rouge } from "../../write/eval/rouge.ts";
import { evaluateStory, mean, outLine, RANDOM_SEED } from "../../write/eval/run.ts";
import { readStories } from "../../write/eval/wikinews.ts";

const USAGE = "usage: storyline eval briefs --data FILE.jsonl [--out FILE]";

export async function run(args: string[]): Promise<number> {
  let values: { data?: string; out?: string };
  try {
    const rest = args[0] === "briefs" ? args.slice(1) : args;
    ({ values } = parseArgs({
      args: rest,
      options: { data: { type: "string" }, out: { type: "string" } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`eval-briefs: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!values.data) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let stories: ReturnType<typeof readStories>;
  try {
    stories = readStories(values.data);
  } catch (err) {
    process.stderr.write(`eval-briefs: cannot read ${values.data}: ${(err as Error).message}\n`);
    return 1;
  }
  const withSources = stories.filter((s) => s.sources.length > 0);
  const results = withSources.map(evaluateStory);
  const scored = results.filter((r) => r.scored);
  const row = (name: string, x: Rouge) =>
    `${name.padEnd(28)} ${f(x.rouge1)}  ${f(x.rouge2)}  ${f(x.rougeL)}`;
  const lines = [
    `stories: ${stories.length}, with sources: ${withSources.length}, scored (non-empty reference): ${scored.length}`,
    "ROUGE F1 (mean over scored stories; \\w+ tokens, lower-cased, no stemming)",
    `${"".padEnd(28)} R-1     R-2     R-L`,
    row(
      "storyline brief",
      mean(scored, (r) => r.brief_),
    ),
    row(
      "lead (first source)",
      mean(scored, (r) => r.lead),
    ),
    row(
      `random sentences (seed ${RANDOM_SEED})`,
      mean(scored, (r) => r.random),
    ),
  ];
  const sentences = sum(results, (r) => r.sentences);
  const verbatim = sum(results, (r) => r.sentencesVerbatim);
  const quotes = sum(results, (r) => r.quotes);
  const quotesVerbatim = sum(results, (r) => r.quotesVerbatim);
  const words = sum(scored, (r) => r.brief_ && r.sentences) > 0 ? meanWords(scored) : 0;
  const titled = results.filter((r) => r.story.title.trim() !== "");
  lines.push(
    `headline against the Wikinews title, R-1 over ${titled.length} stories: storyline ${f(mean(titled, (r) => r.headline).rouge1)}, first source's title ${f(mean(titled, (r) => r.firstTitle).rouge1)}`,
    `brief length: ${words.toFixed(0)} words on average`,
    `attribution check: ${verbatim}/${sentences} brief sentences verbatim in an attributed article (${pct(verbatim, sentences)})`,
    `quote check: ${quotesVerbatim}/${quotes} quotes verbatim in their article (${pct(quotesVerbatim, quotes)})`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  if (values.out) writeFileSync(values.out, results.map((r) => `${outLine(r)}\n`).join(""));
  return 0;
}

function f(x: number): string {
  return x.toFixed(4);
}

function pct(a: number, b: number): string {
  return b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`;
}

function sum<T>(xs: T[], pick: (x: T) => number): number {
  return xs.reduce((n, x) => n + pick(x), 0);
}

function meanWords(results: ReturnType<typeof evaluateStory>[]): number {
  const total = sum(results, (r) =>
    r.brief.paragraphs
      .flatMap((p) => p.sentences)
      .reduce((n, s) => n + s.text.split(/\s+/).length, 0),
  );
  return total / Math.max(1, results.length);
}

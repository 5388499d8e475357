// Extraction speed and memory: Storyline's extractor against plain @mozilla/readability on the
// same fast DOM (linkedom) and on jsdom (Mozilla's documented setup), over the same pages, each
// contender in its own child process so peak memory is its own. Then a leak check: RSS over
// many Storyline extractions.
//
//   npm run bench:extract [-- --data DIR] [--min-seconds S] [--leak N]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { median } from "./stats.ts";

const CONTENDERS = ["storyline", "readability-linkedom", "readability-jsdom"] as const;
type Contender = (typeof CONTENDERS)[number];
/** Each contender runs whole passes over the pages until this much wall time has passed. */
const DEFAULT_MIN_SECONDS = 12;
/** At least this many timed passes, so the median means something. */
const MIN_PASSES = 3;
const DEFAULT_LEAK_EXTRACTIONS = 10_000;
/** RSS samples taken during the leak check. */
const LEAK_SAMPLES = 10;

interface Page {
  html: string;
  url: string;
}

function loadPages(dir: string): Page[] {
  const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8"));
  return readdirSync(join(dir, "html"))
    .filter((f) => f.endsWith(".html.gz"))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, "");
      const html = gunzipSync(readFileSync(join(dir, "html", f))).toString("utf8");
      return { html, url: truth[id]?.url ?? "https://example.invalid/" };
    });
}

async function extractorFor(name: Contender): Promise<(p: Page) => unknown> {
  const { Readability } = await import("@mozilla/readability");
  if (name === "storyline") {
    const { extractArticle } = await import("../src/extract/index.ts");
    return (p) => extractArticle(p.html, p.url);
  }
  if (name === "readability-linkedom") {
    const { parseHTML } = await import("linkedom");
    return (p) => new Readability(parseHTML(p.html).document as unknown as Document).parse();
  }
  const { JSDOM, VirtualConsole } = await import("jsdom");
  return (p) => {
    // A silent console: jsdom would otherwise print every CSS it cannot parse.
    const dom = new JSDOM(p.html, { url: p.url, virtualConsole: new VirtualConsole() });
    const result = new Readability(dom.window.document).parse();
    dom.window.close();
    return result;
  };
}

async function child(name: Contender, dir: string, minSeconds: number): Promise<void> {
  const pages = loadPages(dir);
  const extract = await extractorFor(name);
  for (const p of pages) extract(p); // warm-up pass: JIT, lazy imports
  const wallRates: number[] = [];
  const cpuRates: number[] = [];
  const started = performance.now();
  while (wallRates.length < MIN_PASSES || performance.now() - started < minSeconds * 1000) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const p of pages) extract(p);
    const cpu = process.cpuUsage(c0);
    wallRates.push(pages.length / ((performance.now() - t0) / 1000));
    cpuRates.push(pages.length / ((cpu.user + cpu.system) / 1e6));
  }
  const out = {
    name,
    passes: wallRates.length,
    pagesPerSecond: median(wallRates),
    pagesPerCpuSecond: median(cpuRates),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out));
}

async function leakChild(dir: string, total: number): Promise<void> {
  const pages = loadPages(dir);
  const { extractArticle } = await import("../src/extract/index.ts");
  const gc = (globalThis as { gc?: () => void }).gc;
  const samples: Array<{ done: number; rssMb: number; heapMb: number }> = [];
  const every = Math.max(1, Math.floor(total / LEAK_SAMPLES));
  for (let i = 1; i <= total; i++) {
    const p = pages[i % pages.length]!;
    extractArticle(p.html, p.url);
    if (i % every === 0) {
      gc?.();
      const m = process.memoryUsage();
      samples.push({ done: i, rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 });
    }
  }
  process.stdout.write(JSON.stringify(samples));
}

function spawnChild(args: string[], gc = false): string {
  const flags = [...(gc ? ["--expose-gc"] : []), "--import", "tsx", import.meta.filename];
  return execFileSync(process.execPath, [...flags, ...args], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: {
        type: "string",
        default: join(import.meta.dirname, "../../shared/data/extraction-dev"),
      },
      "min-seconds": { type: "string", default: String(DEFAULT_MIN_SECONDS) },
      leak: { type: "string", default: String(DEFAULT_LEAK_EXTRACTIONS) },
      child: { type: "string" },
      "leak-child": { type: "boolean" },
    },
  });
  const dir = values.data!;
  const minSeconds = Number(values["min-seconds"]);
  if (values.child) return child(values.child as Contender, dir, minSeconds);
  if (values["leak-child"]) return leakChild(dir, Number(values.leak));

  const pages = loadPages(dir).length;
  console.log(`extraction benchmark: ${pages} pages from ${dir}, >= ${minSeconds} s per contender`);
  const results = CONTENDERS.map((name) => {
    const r = JSON.parse(
      spawnChild(["--child", name, "--data", dir, "--min-seconds", String(minSeconds)]),
    );
    console.log(
      `  ${name.padEnd(22)} ${r.pagesPerSecond.toFixed(1).padStart(6)} pages/s  ` +
        `${r.pagesPerCpuSecond.toFixed(1).padStart(6)} pages/cpu-s  peak RSS ${r.peakRssMb.toFixed(0)} MB  (${r.passes} passes)`,
    );
    return r;
  });
  const [ours, linkedom, jsdom] = results;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  console.log(
    `  storyline / readability-linkedom: ${ratio(ours.pagesPerSecond, linkedom.pagesPerSecond)} wall, ${ratio(ours.pagesPerCpuSecond, linkedom.pagesPerCpuSecond)} cpu`,
  );
  console.log(
    `  storyline / readability-jsdom:    ${ratio(ours.pagesPerSecond, jsdom.pagesPerSecond)} wall, ${ratio(ours.pagesPerCpuSecond, jsdom.pagesPerCpuSecond)} cpu`,
  );
  const leak = Number(values.leak);
  if (leak <= 0) return;
  const samples = JSON.parse(
    spawnChild(["--leak-child", "--data", dir, "--leak", String(leak)], true),
  );
  console.log(`leak check: ${leak} storyline extractions (RSS and heap after GC)`);
  for (const s of samples) {
    console.log(
      `  ${String(s.done).padStart(6)}  RSS ${s.rssMb.toFixed(0)} MB  heap ${s.heapMb.toFixed(0)} MB`,
    );
  }
  const first = samples[0];
  const last = samples.at(-1);
  console.log(
    `  growth from ${first.done} to ${last.done}: RSS ${(last.rssMb - first.rssMb).toFixed(1)} MB, heap ${(last.heapMb - first.heapMb).toFixed(1)} MB`,
  );
}

await main();

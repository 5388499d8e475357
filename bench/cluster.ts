// npm run bench:cluster [-- --max N]
// Assignment throughput and memory per article as the clusterer's index grows to 10k, 100k and 1M
// articles, on a synthetic stream (Zipf background words, planted stories with their own words and
// names, a clock running 10,000 articles a day), then on the real development sets, next to the
// naive baseline measured in the same run (the ratio storyline/naive: above 1 is faster).
// The synthetic stream runs in a child process with a large heap and --expose-gc, so heap figures
// are measured after a full collection and no earlier test's garbage counts. At the later
// checkpoints a third process replays the first checkpoint's window in turns with the child, so
// the growth of cost is read from two figures taken under the same load. Both collect garbage on
// their own thread (--single-threaded-gc): with V8's helper threads, the child's collection of its
// big heap went on while the replay was timed, on the machine's other core, and the side-by-side
// ratio at 100k read anywhere from 0.89 to 1.56 in three runs of the same code.

import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseItems } from "../src/stories/eval/data.ts";
import { bcubed } from "../src/stories/eval/metrics.ts";
import { runNaive, runStoryline } from "../src/stories/eval/run.ts";
import {
  type ArticleFeatures,
  articleFeatures,
  type Clusterer,
  type ClusterWork,
  createClusterer,
  DEFAULT_PARAMS,
} from "../src/stories/index.ts";
import { NAIVE_THRESHOLD } from "../src/stories/naive.ts";
import { mulberry32 } from "../src/text/random.ts";
import { median } from "./stats.ts";

const CHECKPOINTS = [10_000, 100_000, 1_000_000];
/** Articles timed just before each checkpoint. */
const WINDOW = 9_000;
/** Articles clustered (and thrown away) before anything is timed. */
const WARM_UP = 20_000;
/** Articles per timed chunk of the window. */
const CHUNK = 500;
const VOCABULARY = 50_000;
const ZIPF_EXPONENT = 1.07;
const ARTICLES_PER_DAY = 10_000;
/** A new story is planted every this many articles on average (mean story size ~20). */
const STORY_EVERY = 20;
/** Timed runs of each system on each real set, alternating: the median is printed. */
const REAL_RUNS = 5;
const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));

function word(i: number): string {
  return `w${i.toString(36)}`;
}

interface Planted {
  id: number;
  words: string[];
  names: string[];
}

function makeStream(seed: number) {
  const random = mulberry32(seed);
  const cdf = new Float64Array(VOCABULARY);
  let total = 0;
  for (let i = 0; i < VOCABULARY; i++) cdf[i] = total += 1 / (i + 1) ** ZIPF_EXPONENT;
  const zipf = () => {
    const x = random() * total;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return word(lo);
  };
  const active: Planted[] = [];
  let planted = 0;
  const pick = (list: string[], n: number) =>
    Array.from({ length: n }, () => list[Math.floor(random() * list.length)]!);
  return (n: number) => {
    if (active.length === 0 || random() < 1 / STORY_EVERY) {
      const words = Array.from({ length: 10 }, () =>
        word(1000 + Math.floor(random() * (VOCABULARY - 1000))),
      );
      const names = Array.from(
        { length: 3 },
        () => `Name${Math.floor(random() * 1e6).toString(36)}`,
      );
      active.push({ id: planted++, words, names });
      if (active.length > 200) active.shift();
    }
    // Recent stories are the busiest: pick from the newest end, skewed.
    const story = active[active.length - 1 - Math.floor(active.length * random() ** 3)]!;
    const title = [
      ...pick(story.words, 3),
      story.names[0]!,
      ...Array.from({ length: 3 }, zipf),
    ].join(" ");
    const body = [
      ...pick(story.names, 2),
      ...pick(story.words, 8),
      ...Array.from({ length: 30 }, zipf),
    ].join(" ");
    const doc = {
      id: `a${n}`,
      title,
      text: body,
      publishedAt: (n / ARTICLES_PER_DAY) * 86_400_000,
    };
    return { doc, story: story.id };
  };
}

/** JS heap plus typed-array backing stores (which live outside the heap and heapUsed misses). */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

type Doc = ReturnType<ReturnType<typeof makeStream>>["doc"];

/** Wall seconds per article for the chunk. */
function timed(docs: Doc[], run: () => void): number {
  const t0 = performance.now();
  run();
  return (performance.now() - t0) / 1000 / docs.length;
}

/** The work counted between two readings, per article. */
function perArticleWork(before: ClusterWork, after: ClusterWork, articles: number): ClusterWork {
  return {
    postingsRead: (after.postingsRead - before.postingsRead) / articles,
    centroidProducts: (after.centroidProducts - before.centroidProducts) / articles,
    mergeChecks: (after.mergeChecks - before.mergeChecks) / articles,
    splitChecks: (after.splitChecks - before.splitChecks) / articles,
  };
}

const rate = (secondsPerArticle: number) =>
  Math.round(1 / secondsPerArticle)
    .toString()
    .padStart(7);
const us = (secondsPerArticle: number) => `${(secondsPerArticle * 1e6).toFixed(1).padStart(6)} us`;

/** Warms the JIT on a throwaway clusterer and stream, so the first checkpoint times compiled code
 * like the others, not the compiler. */
function warmUp(): void {
  const clusterer = createClusterer();
  const stream = makeStream(7);
  for (let n = 0; n < WARM_UP; n++) clusterer.add(stream(n).doc);
}

/** The timed chunks of one window: whole (add) and split (articleFeatures, then addFeatures). */
interface WindowTimes {
  whole: number[];
  features: number[];
  assignment: number[];
}

function emptyTimes(): WindowTimes {
  return { whole: [], features: [], assignment: [] };
}

/** Times one chunk into `into`: chunk k whole when k is even, else split (what the ordered part
 * costs alone when features are computed ahead, in parallel). */
function timeChunk(clusterer: Clusterer, chunk: Doc[], k: number, into: WindowTimes): void {
  if (k % 2 === 0) {
    into.whole.push(
      timed(chunk, () => {
        for (const doc of chunk) clusterer.add(doc);
      }),
    );
    return;
  }
  let ahead: ArticleFeatures[] = [];
  into.features.push(
    timed(chunk, () => {
      ahead = chunk.map((doc) => articleFeatures(doc, DEFAULT_PARAMS));
    }),
  );
  into.assignment.push(
    timed(chunk, () => {
      for (const [i, doc] of chunk.entries())
        clusterer.addFeatures(doc.id, doc.publishedAt, ahead[i]!);
    }),
  );
}

async function child(max: number): Promise<void> {
  const next = makeStream(42);
  // The planted story of each article, allocated before the baseline so it is not counted.
  const planted = new Int32Array(max);
  const stream = (n: number) => {
    const { doc, story } = next(n);
    planted[n] = story;
    return doc;
  };
  // Before the warm-up: its garbage, freed by the first checkpoint, cannot hide in the baseline.
  const base = heapMb();
  warmUp();
  const clusterer = createClusterer();
  // Started at the first checkpoint it serves, so its warm-up overlaps no timed chunk.
  let replay: Replay | null = null;
  /** The first checkpoint's time and work per article: later ones are printed as multiples. */
  let first = Number.NaN;
  let firstWork: ClusterWork | undefined;
  for (const checkpoint of CHECKPOINTS.filter((c) => c <= max)) {
    const start = clusterer.size();
    for (let n = start; n < checkpoint - WINDOW; n++) clusterer.add(stream(n));
    const docs = Array.from({ length: WINDOW }, (_, i) => stream(checkpoint - WINDOW + i));
    // Beside every later checkpoint, a fresh clusterer replays the first checkpoint's window
    // (the same stream, the same index sizes), taking turns chunk by chunk with the big one: this
    // shared machine's speed drifts by half from minute to minute, and a ratio of two figures
    // taken minutes apart measures the drift as much as the index. Taking turns, both see the same
    // load. The replay runs in a process of its own, so it neither pays for collecting the big
    // heap nor counts in it.
    const replayed = checkpoint !== CHECKPOINTS[0];
    if (replayed) {
      replay ??= new Replay();
      await replay.ask("reset");
    }
    const workBefore = clusterer.work();
    // The median chunk is the figure, so a burst of load from another process moves one chunk,
    // not the result.
    const times = emptyTimes();
    const referenceTimes = emptyTimes();
    for (let k = 0; k < WINDOW / CHUNK; k++) {
      timeChunk(clusterer, docs.slice(k * CHUNK, (k + 1) * CHUNK), k, times);
      if (!replay) continue;
      const theirs = JSON.parse(await replay.ask(`chunk ${k}`)) as WindowTimes;
      referenceTimes.whole.push(...theirs.whole);
      referenceTimes.features.push(...theirs.features);
      referenceTimes.assignment.push(...theirs.assignment);
    }
    const work = perArticleWork(workBefore, clusterer.work(), WINDOW);
    const bytes = ((heapMb() - base) * 1e6) / checkpoint;
    const index = `synthetic  index ${String(checkpoint).padStart(9)}`;
    const perArticle = median(times.whole);
    if (Number.isNaN(first)) first = perArticle;
    const growth = perArticle === first ? "" : `  (${(perArticle / first).toFixed(2)}x the first)`;
    console.log(
      `${index}  ${rate(perArticle)} articles/s  ${us(perArticle)}/article  ${bytes.toFixed(0).padStart(5)} B/article heap${growth}`,
    );
    const assignment = median(times.assignment);
    console.log(
      `${index}  of which: features ${us(median(times.features))} (pure, parallelisable), assignment ${us(assignment)} (ordered: ${rate(assignment)} articles/s alone)`,
    );
    if (replayed) {
      const wholeThen = median(referenceTimes.whole);
      const assignmentThen = median(referenceTimes.assignment);
      console.log(
        `${index}  side by side with the first checkpoint's window replayed: ${(perArticle / wholeThen).toFixed(2)}x its time per article (${us(wholeThen)}), assignment ${(assignment / assignmentThen).toFixed(2)}x (${us(assignmentThen)})`,
      );
    }
    firstWork ??= work;
    const multiple = (x: number, y: number) => (x === y ? "" : ` (${(x / y).toFixed(2)}x)`);
    console.log(
      `${index}  work per article: ${work.postingsRead.toFixed(1)} posting entries${multiple(work.postingsRead, firstWork.postingsRead)}, ` +
        `${work.centroidProducts.toFixed(2)} centroid products${multiple(work.centroidProducts, firstWork.centroidProducts)}, ` +
        `${work.mergeChecks.toFixed(3)} merge checks, ${work.splitChecks.toFixed(4)} split checks (the same on any machine)`,
    );
    // Quality at scale: do the planted stories come out whole as the index grows?
    const found = Array.from({ length: checkpoint }, (_, n) => clusterer.storyOf(`a${n}`));
    const b3 = bcubed(found, Array.from(planted.subarray(0, checkpoint)));
    const pct = (x: number) => (100 * x).toFixed(1);
    console.log(
      `${index}  planted stories B3 P ${pct(b3.precision)} R ${pct(b3.recall)} F1 ${pct(b3.f1)}`,
    );
  }
  replay?.close();
}

/** The replay process, seen from the measuring one: one command at a time, one answer line each. */
class Replay {
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly answers: string[] = [];
  private waiting: ((line: string) => void) | null = null;

  constructor() {
    const self = fileURLToPath(import.meta.url);
    this.process = spawn(process.execPath, [
      "--single-threaded-gc",
      "--import",
      "tsx",
      self,
      "--replay",
    ]);
    this.process.stderr.pipe(process.stderr);
    createInterface({ input: this.process.stdout }).on("line", (line) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting) waiting(line);
      else this.answers.push(line);
    });
  }

  ask(command: string): Promise<string> {
    this.process.stdin.write(`${command}\n`);
    const answered = this.answers.shift();
    if (answered !== undefined) return Promise.resolve(answered);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  close(): void {
    this.process.stdin.end();
  }
}

/** The replay process: "reset" builds a fresh clusterer holding the articles before the first
 * checkpoint's window; "chunk K" times chunk K of that window (whole or split, as timeChunk
 * does). Each command is answered with one line on stdout. */
function replayProcess(): void {
  warmUp();
  let window: ReturnType<typeof referenceWindow> | null = null;
  createInterface({ input: process.stdin }).on("line", (line) => {
    const [command, arg] = line.split(" ");
    if (command === "reset") {
      window = referenceWindow();
      process.stdout.write("ready\n");
      return;
    }
    if (window === null) throw new Error("bench: a chunk asked for before reset");
    const k = Number(arg);
    const times = emptyTimes();
    timeChunk(window.clusterer, window.docs.slice(k * CHUNK, (k + 1) * CHUNK), k, times);
    process.stdout.write(`${JSON.stringify(times)}\n`);
  });
}

/** A clusterer holding the first checkpoint's articles before its window, and that window's
 * articles: the same stream and seed as the main run, so it replays the first figure's work. */
function referenceWindow(): { clusterer: Clusterer; docs: Doc[] } {
  const next = makeStream(42);
  const clusterer = createClusterer();
  const start = CHECKPOINTS[0]! - WINDOW;
  for (let n = 0; n < start; n++) clusterer.add(next(n).doc);
  const docs = Array.from({ length: WINDOW }, (_, i) => next(start + i).doc);
  return { clusterer, docs };
}

/** Storyline and the naive baseline (src/stories/naive.ts) on the same items in the same run,
 * alternating, so their ratio is fair on a shared, noisy machine. */
function realSets(): void {
  const sets = [
    ["googlenews-dev title+snippet", "googlenews-dev/items.jsonl", "both"],
    ["googlenews-dev title", "googlenews-dev/items.jsonl", "title"],
    ["wikinews-dev sources", "wikinews-dev/stories.jsonl", "both"],
  ] as const;
  for (const [name, file, mode] of sets) {
    const path = DATA + file;
    if (!existsSync(path)) continue;
    const items = parseItems(readFileSync(path, "utf8"));
    runStoryline(items, mode, {}); // warm-up
    runNaive(items, mode, NAIVE_THRESHOLD);
    const storyline: number[] = [];
    const naive: number[] = [];
    for (let run = 0; run < REAL_RUNS; run++) {
      storyline.push(runStoryline(items, mode, {}).result.itemsPerSecond);
      naive.push(runNaive(items, mode, NAIVE_THRESHOLD).itemsPerSecond);
    }
    const ours = median(storyline);
    const theirs = median(naive);
    console.log(
      `real       ${name.padEnd(30)} ${String(items.length).padStart(5)} items  ${Math.round(ours)
        .toString()
        .padStart(7)} articles/s (wall)  naive ${Math.round(theirs)
        .toString()
        .padStart(7)} articles/s  storyline/naive ${(ours / theirs).toFixed(2)}`,
    );
  }
}

/** Articles a restart puts back in restartFigures(). */
const RESTART_ARTICLES = 100_000;

/** A restart's rebuild (restore: each stored article back into its stored story) against the
 * clustering that made those stories (add), on the same synthetic articles. */
function restartFigures(): void {
  const next = makeStream(7);
  const docs = Array.from({ length: RESTART_ARTICLES }, (_, n) => next(n).doc);
  const first = createClusterer();
  const addSeconds = timed(docs, () => {
    for (const doc of docs) first.add(doc);
  });
  const stories = docs.map((d) => first.storyOf(d.id)!);
  const rebuilt = createClusterer();
  const restoreSeconds = timed(docs, () => {
    docs.forEach((doc, i) => {
      rebuilt.restore(doc, stories[i]!, null);
    });
  });
  const same = docs.every((d, i) => rebuilt.storyOf(d.id) === stories[i]);
  console.log(
    `restart    ${RESTART_ARTICLES} synthetic articles: clustering ${Math.round(1 / addSeconds)} articles/s, rebuilding from the stored stories ${Math.round(1 / restoreSeconds)} articles/s (${(addSeconds / restoreSeconds).toFixed(2)}x), ${same ? "every article in its stored story" : "STORIES DIFFER"}`,
  );
}

const { values } = parseArgs({
  options: {
    child: { type: "string" },
    replay: { type: "boolean" },
    max: { type: "string", default: "1000000" },
  },
});
if (values.replay) {
  replayProcess();
} else if (values.child) {
  await child(Number(values.child));
} else {
  const run = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=8192",
      "--expose-gc",
      "--single-threaded-gc",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--child",
      values.max,
    ],
    { stdio: "inherit" },
  );
  if (run.status !== 0) process.exitCode = run.status ?? 1;
  realSets();
  restartFigures();
}

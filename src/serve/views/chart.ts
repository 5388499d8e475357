// Articles per outlet over time as a small inline SVG (server-side, no script): one row per
// outlet, one dot per time bucket, the dot's area proportional to the number of articles.

import { plural } from "../../text/plural.ts";
import { articleTime } from "../../types.ts";
import { html, type Safe } from "../html.ts";
import type { ArticleSummary } from "../model.ts";
import { formatTime } from "./format.ts";

const HOUR = 3_600_000;
/** Bucket widths tried in order; the first giving at most MAX_BUCKETS columns wins. */
const BUCKET_SIZES = [
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  7 * 24 * HOUR,
  30 * 24 * HOUR,
];
/** Columns that still read as separate dots at phone width. */
const MAX_BUCKETS = 24;
/** Rows beyond this fold into "Other outlets" so the chart stays small. */
const MAX_ROWS = 8;
const LABEL_WIDTH = 190;
const COL_WIDTH = 18;
const ROW_HEIGHT = 24;
const AXIS_HEIGHT = 34;
const MAX_RADIUS = 8;
const MAX_LABEL_CHARS = 26;
/** Plot columns drawn at least, so the two axis labels never overlap. */
const MIN_COLUMNS = 16;

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function shortTime(ms: number): string {
  return formatTime(new Date(ms).toISOString())
    .replace(/^(\d+ \w+) \d+,/, "$1")
    .replace(" UTC", "");
}

export interface ChartData {
  start: number;
  bucketMs: number;
  buckets: number;
  rows: { outlet: string; counts: number[]; total: number }[];
}

export function chartData(articles: Iterable<ArticleSummary>): ChartData | null {
  const points: { outlet: string; t: number }[] = [];
  for (const a of articles) {
    const t = Date.parse(articleTime(a));
    if (Number.isFinite(t)) points.push({ outlet: a.outlet, t });
  }
  if (points.length === 0) return null;
  const min = Math.min(...points.map((p) => p.t));
  const max = Math.max(...points.map((p) => p.t));
  const bucketMs =
    BUCKET_SIZES.find((s) => Math.floor((max - min) / s) + 1 <= MAX_BUCKETS) ??
    BUCKET_SIZES.at(-1)!;
  const start = Math.floor(min / bucketMs) * bucketMs;
  const buckets = Math.min(MAX_BUCKETS, Math.floor((max - start) / bucketMs) + 1);
  const byOutlet = new Map<string, number[]>();
  for (const p of points) {
    const counts = byOutlet.get(p.outlet) ?? new Array<number>(buckets).fill(0);
    const i = Math.min(buckets - 1, Math.floor((p.t - start) / bucketMs));
    counts[i] = (counts[i] ?? 0) + 1;
    byOutlet.set(p.outlet, counts);
  }
  let rows = [...byOutlet].map(([outlet, counts]) => ({
    outlet,
    counts,
    total: counts.reduce((x, y) => x + y, 0),
  }));
  rows.sort((a, b) => b.total - a.total || a.outlet.localeCompare(b.outlet));
  if (rows.length > MAX_ROWS) {
    const rest = rows.slice(MAX_ROWS - 1);
    const counts = new Array<number>(buckets).fill(0);
    for (const r of rest) {
      r.counts.forEach((c, i) => {
        counts[i] = (counts[i] ?? 0) + c;
      });
    }
    rows = [
      ...rows.slice(0, MAX_ROWS - 1),
      { outlet: `${rest.length} other outlets`, counts, total: counts.reduce((x, y) => x + y, 0) },
    ];
  }
  return { start, bucketMs, buckets, rows };
}

export function coverageChart(articles: Iterable<ArticleSummary>): Safe {
  const data = chartData(articles);
  if (!data) return html``;
  const width = LABEL_WIDTH + Math.max(MIN_COLUMNS, data.buckets) * COL_WIDTH + MAX_RADIUS;
  const height = data.rows.length * ROW_HEIGHT + AXIS_HEIGHT;
  const maxCount = Math.max(...data.rows.flatMap((r) => r.counts));
  const end = data.start + data.buckets * data.bucketMs;
  const desc = data.rows.map((r) => `${r.outlet}: ${plural(r.total, "article")}`).join("; ");
  const rows = data.rows.map((r, y) => {
    const cy = y * ROW_HEIGHT + ROW_HEIGHT / 2;
    const dots = r.counts.map((c, x) => {
      if (c === 0) return "";
      const radius = 2.5 + (MAX_RADIUS - 2.5) * Math.sqrt(c / maxCount);
      const cx = LABEL_WIDTH + x * COL_WIDTH + COL_WIDTH / 2;
      return html`<circle class="chart-dot" cx="${cx}" cy="${cy}" r="${radius.toFixed(1)}"><title>${r.outlet}: ${plural(c, "article")} from ${formatTime(new Date(data.start + x * data.bucketMs).toISOString())}</title></circle>`;
    });
    return html`<g><line class="chart-grid" x1="${LABEL_WIDTH}" x2="${width - MAX_RADIUS}" y1="${cy}" y2="${cy}"></line><text class="chart-label" x="${LABEL_WIDTH - 8}" y="${cy + 4}" text-anchor="end">${truncate(r.outlet, MAX_LABEL_CHARS)}</text>${dots}</g>`;
  });
  const axisY = data.rows.length * ROW_HEIGHT + 20;
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Articles per outlet over time</title>
<desc id="chart-desc">${desc}. From ${formatTime(new Date(data.start).toISOString())} to ${formatTime(new Date(end).toISOString())}.</desc>
${rows}
<text class="chart-axis" x="${LABEL_WIDTH}" y="${axisY}">${shortTime(data.start)}</text>
<text class="chart-axis" x="${width - MAX_RADIUS}" y="${axisY}" text-anchor="end">${shortTime(end)}</text>
</svg>`;
}

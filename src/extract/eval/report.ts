// The eval table: one row per system, best F1 first, ours marked.
import type { Scores } from "./metric.ts";

export interface Row {
  system: string;
  scores: Scores;
}

const f3 = (x: number) => x.toFixed(3);

export function formatTable(rows: Row[], ours: string): string {
  const sorted = [...rows].sort((a, b) => b.scores.f1 - a.scores.f1);
  const width = Math.max(6, ...sorted.map((r) => r.system.length)) + 2;
  const lines = [`${"system".padEnd(width)}  F1     precision  recall  pages`];
  for (const { system, scores } of sorted) {
    const name = system === ours ? `* ${system}` : `  ${system}`;
    lines.push(
      `${name.padEnd(width)}  ${f3(scores.f1)}  ${f3(scores.precision)}      ${f3(scores.recall)}   ${scores.pages}`,
    );
  }
  return lines.join("\n");
}

// Plain-text rendering of a brief, shaped like the reference: headline, paragraphs, more coverage.
import type { Brief } from "../types.ts";

export function renderBriefText(brief: Brief): string {
  const blocks: string[] = [`# ${brief.headline}`];
  if (brief.dek) blocks.push(`_${brief.dek}_`);
  for (const p of brief.paragraphs) {
    if (p.role === "community") {
      if (p.summary) blocks.push(p.summary);
      continue;
    }
    const text = p.sentences.map((s) => s.rendered).join(" ");
    if (text !== "") blocks.push(text);
  }
  if (brief.quotes.length > 0) {
    const lines = brief.quotes.map(
      (q) => `> “${q.text}” — ${q.speaker ?? "unnamed"} (${q.outlet})`,
    );
    blocks.push(lines.join("\n"));
  }
  if (brief.reaction && brief.reaction.themes.length > 0) {
    const lines = brief.reaction.themes.map(
      (t) => `- ${t.label} (${Math.round(t.share * 100)}%): ${t.comment.url ?? t.comment.threadId}`,
    );
    blocks.push(`Community themes:\n${lines.join("\n")}`);
  }
  if (brief.opinion && brief.opinion.length > 0) {
    const links = brief.opinion.map((c) => `- ${c.outlet}: [${c.headline}](${c.url})`);
    blocks.push(`Opinion:\n${links.join("\n")}`);
  }
  if (brief.moreCoverage.length > 0) {
    const links = brief.moreCoverage.map((c) => `- ${c.outlet}: [${c.headline}](${c.url})`);
    blocks.push(`More coverage:\n${links.join("\n")}`);
  }
  if (brief.timeline.length > 1) {
    const lines = brief.timeline.map((t) => `- ${t.at.slice(0, 10)}: ${t.text}`);
    blocks.push(`Timeline:\n${lines.join("\n")}`);
  }
  return `${blocks.join("\n\n")}\n`;
}

// A brief as a self-contained HTML fragment for feed readers: sentences with bracketed source
// links, quotes, the community paragraph and the opinion pieces. Absolute links only; every text escaped.
import type { BriefSentence } from "../../types.ts";
import { html, type Safe } from "../html.ts";
import type { ArticleSummary, StoryModel } from "../model.ts";
import { blindspotText, groupCounts } from "../spread.ts";
import { credits } from "../views/chips.ts";

/** The outlets the story page credits for a sentence (a wire sentence reprinted by five papers
 * is the wire's, not six sources), as names and as links to their articles. */
export function creditLinks(
  articleIds: readonly string[],
  outlets: readonly string[],
  articles: Map<string, ArticleSummary>,
): { names: string[]; links: Safe[] } {
  const { credited } = credits(articleIds, outlets, articles);
  return {
    names: credited.map((c) => c.outlet),
    links: credited.map(({ outlet, article }) =>
      article?.href ? html`<a href="${article.href}">${outlet}</a>` : html`${outlet}`,
    ),
  };
}

/** "a, b, c" of links. */
export function commaList(links: Safe[]): Safe {
  return html`${links.map((l, i) => html`${i ? ", " : ""}${l}`)}`;
}

export function briefHtml(m: StoryModel): string {
  const brief = m.brief;
  if (!brief) return "";
  const sources = (s: BriefSentence): Safe => {
    const { links } = creditLinks(s.articleIds, s.outlets, m.articles);
    return links.length ? html` [${commaList(links)}]` : html``;
  };
  const paragraphs = brief.paragraphs
    .filter((p) => p.role !== "community" && p.sentences.length > 0)
    .map(
      (p) =>
        html`<p>${p.sentences.map((s, i) => html`${i ? " " : ""}${s.rendered || s.text}${sources(s)}`)}</p>`,
    );
  const quotes = brief.quotes.map(
    (q) =>
      html`<blockquote><p>${q.text}</p><p>— ${q.speaker ? html`${q.speaker}, ` : ""}${q.outlet}</p></blockquote>`,
  );
  const community =
    brief.reaction?.text ?? brief.paragraphs.find((p) => p.role === "community")?.summary;
  // The opinion pieces, apart from the reports as on the story page.
  const opinion = (brief.opinion ?? []).map((c, i) => {
    const href = m.articles.get(c.articleId)?.href;
    const title = href ? html`<a href="${href}">${c.headline}</a>` : html`${c.headline}`;
    return html`${i ? "; " : ""}${c.outlet}: ${title}`;
  });
  return html`${brief.dek ? html`<p><strong>${brief.dek}</strong></p>` : ""}${paragraphs}${quotes}${
    community ? html`<p><em>${community}</em></p>` : ""
  }${opinion.length > 0 ? html`<p>Opinion: ${opinion}</p>` : ""}${leanLine(m)}`.value;
}

/** Who covers it, along the lean scale the reader gave the outlets (when they gave one). */
function leanLine(m: StoryModel): Safe {
  const lean = m.spread?.lean ?? [];
  if (lean.length === 0) return html``;
  const blindspot = m.spread?.blindspot;
  return html`<p>Lean of the outlets covering it: ${groupCounts(lean)}.${blindspot ? html` ${blindspotText(blindspot)}` : ""}</p>`;
}

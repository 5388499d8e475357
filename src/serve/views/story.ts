// The story page: brief with outlet chips, quotes, community response, more coverage, timeline and
// the coverage chart. A pure function of the story model and the reader's last-visit time.
import { plural } from "../../text/plural.ts";
import type {
  Brief,
  BriefParagraph,
  BriefSentence,
  Coverage,
  Quote,
  Reaction,
} from "../../types.ts";
import { html, type Safe } from "../html.ts";
import { safeHref } from "../links.ts";
import type { SplitLink, StoryModel, ThreadLink } from "../model.ts";
import { blindspotText, spreadRows } from "../spread.ts";
import { isNewSince } from "../visit.ts";
import { coverageChart } from "./chart.ts";
import { chips, IdGen } from "./chips.ts";
import { timeEl } from "./format.ts";
import { sectionLinks } from "./front.ts";
import { outletLink } from "./outlet.ts";
import { storyFeedHref, storyHref } from "./paths.ts";

interface Ctx {
  model: StoryModel;
  since: number | null;
  ids: IdGen;
}

const NEW_MARK = html`<span class="new-mark">new</span> `;

function isNew(ctx: Ctx, articleIds: readonly string[]): boolean {
  return articleIds.some((id) => isNewSince(ctx.model.articles.get(id)?.fetchedAt, ctx.since));
}

function sentence(ctx: Ctx, s: BriefSentence): Safe {
  const fresh = isNew(ctx, s.articleIds);
  const cls = ["sentence", fresh ? "is-new" : "", s.singleSource ? "single-source" : ""]
    .filter(Boolean)
    .join(" ");
  // The sentence names its outlet and so does its one chip: a "single source" note after it said
  // the same a third time on nearly every line (outlets word the same fact differently, and only
  // an equivalent sentence counts as support). The class is kept for styles and scripts.
  return html`<span class="${cls}">${fresh ? NEW_MARK : ""}${s.rendered || s.text} ${chips(
    s.articleIds,
    s.outlets,
    ctx.model.articles,
    ctx.ids,
  )}</span> `;
}

function paragraph(ctx: Ctx, p: BriefParagraph): Safe {
  if (p.sentences.length === 0) return html``;
  return html`<p class="brief-p role-${p.role}">${p.sentences.map((s) => sentence(ctx, s))}</p>\n`;
}

/** Letters and digits only, lower-cased: quote marks, punctuation and spacing differ between copies. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Quotes the brief's own sentences do not already carry: the section should not repeat the brief. */
function freshQuotes(ctx: Ctx, list: Quote[]): Quote[] {
  const shown = (ctx.model.brief?.paragraphs ?? [])
    .flatMap((p) => p.sentences)
    .map((s) => squash(s.text));
  return list.filter((q) => {
    const text = squash(q.text);
    return text.length === 0 || !shown.some((s) => s.includes(text));
  });
}

function quotes(ctx: Ctx, all: Quote[]): Safe {
  const list = freshQuotes(ctx, all);
  if (list.length === 0) return html``;
  return html`<section aria-labelledby="h-quotes"><h2 id="h-quotes">Quotes</h2>
${list.map((q) => {
  const a = ctx.model.articles.get(q.articleId);
  const outlet = a?.href
    ? html`<a href="${a.href}" rel="noopener noreferrer nofollow">${q.outlet}</a>`
    : q.outlet;
  return html`<figure class="quote"><blockquote><p>${q.text}</p></blockquote><figcaption>${q.speaker ? html`${q.speaker}, ` : ""}via ${outlet}</figcaption></figure>\n`;
})}</section>`;
}

const PLATFORM_NAMES: Record<ThreadLink["platform"], string> = {
  hackernews: "Hacker News",
  reddit: "Reddit",
  lemmy: "Lemmy",
};

function discussions(threads: readonly ThreadLink[]): Safe {
  if (threads.length === 0) return html``;
  return html`<p class="discussions">Read the discussion: ${threads.map(
    (t, i) =>
      html`${i > 0 ? " · " : ""}<a href="${t.href}" rel="noopener noreferrer nofollow">${PLATFORM_NAMES[t.platform]}${t.title ? html`: ${t.title}` : ""}</a> <span class="share">(${plural(t.comments, "comment")})</span>`,
  )}</p>`;
}

function community(
  reaction: Reaction | null,
  paragraphs: BriefParagraph[],
  threads: readonly ThreadLink[],
): Safe {
  const summary = reaction?.text ?? paragraphs.find((p) => p.role === "community")?.summary;
  if (!summary && threads.length === 0) return html``;
  const themes = reaction?.themes ?? [];
  return html`<section aria-labelledby="h-community"><h2 id="h-community">Community response</h2>
${summary ? html`<p class="community">${summary}</p>` : ""}
${discussions(threads)}
${
  themes.length > 0
    ? html`<ul class="themes">${themes.map((t) => {
        const href = safeHref(t.comment.url);
        const cite = href
          ? html`<a href="${href}" rel="noopener noreferrer nofollow">comment${t.comment.author ? html` by ${t.comment.author}` : ""}</a>`
          : html`comment${t.comment.author ? html` by ${t.comment.author}` : ""}`;
        return html`<li><strong>${t.label}</strong> <span class="share">(${Math.round(t.share * 100)}% of comments)</span>: <q>${t.comment.text}</q> — ${cite}</li>`;
      })}</ul>`
    : ""
}</section>`;
}

/** A list of linked articles: the reports the brief does not name, or the opinion pieces (with
 * their writers: a column is its author's view). */
function coverageSection(
  ctx: Ctx,
  id: string,
  title: string,
  list: Coverage[],
  bylines = false,
): Safe {
  if (list.length === 0) return html``;
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2><ul class="coverage">
${list.map((c) => {
  const href = safeHref(c.url);
  const fresh = isNewSince(ctx.model.articles.get(c.articleId)?.fetchedAt, ctx.since);
  const headline = href
    ? html`<a href="${href}" rel="noopener noreferrer nofollow">${c.headline}</a>`
    : html`<span>${c.headline}</span>`;
  const byline = bylines ? ctx.model.articles.get(c.articleId)?.byline : null;
  return html`<li>${fresh ? NEW_MARK : ""}<span class="outlet">${outletLink(c.outlet)}</span>${byline ? html` (${byline})` : ""}: ${headline} ${timeEl(c.publishedAt)}</li>\n`;
})}</ul></section>`;
}

/** The story's outlets by the labels the operator gave them: "Lean: left 2 (The Left Post, …)". */
function spread(ctx: Ctx): Safe {
  const sp = ctx.model.spread;
  if (!sp) return html``;
  const rows = spreadRows(sp).map(
    ({ title, groups }) =>
      html`<dt>${title}</dt><dd>${groups.map(
        (g, i) =>
          html`${i > 0 ? " · " : ""}<span class="spread-group"><b>${g.label}</b> ${g.outlets.length} <span class="spread-outlets">(${g.outlets.map((name, j) => html`${j > 0 ? ", " : ""}${outletLink(name)}`)})</span></span>`,
      )}</dd>\n`,
  );
  return html`<section aria-labelledby="h-spread" class="spread"><h2 id="h-spread">Who covers it</h2>
<p>${plural(sp.outlets, "outlet")}, as you described them.${
    sp.blindspot ? html` <strong class="blindspot">${blindspotText(sp.blindspot)}</strong>` : ""
  }</p>
<dl>
${rows}${
  sp.unrated.length > 0 ? html`<dt>Not described</dt><dd>${sp.unrated.join(", ")}</dd>\n` : ""
}</dl></section>`;
}

/** A timeline of one event says nothing the brief does not. */
const MIN_TIMELINE_ENTRIES = 2;

/** The brief's attribution for a timeline entry taken from one of its sentences (wire copies counted once). */
export function outletsFor(brief: Brief | null, text: string): readonly string[] {
  for (const p of brief?.paragraphs ?? [])
    for (const s of p.sentences) if (s.text === text) return s.outlets;
  return [];
}

function timeline(ctx: Ctx): Safe {
  const list = ctx.model.brief?.timeline ?? [];
  if (list.length < MIN_TIMELINE_ENTRIES) return html``;
  return html`<section aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline</h2><ol class="timeline">
${list.map(
  (e) =>
    html`<li>${isNew(ctx, e.articleIds) ? NEW_MARK : ""}${timeEl(e.at)} <span>${e.text}</span> ${chips(e.articleIds, outletsFor(ctx.model.brief, e.text), ctx.model.articles, ctx.ids)}</li>\n`,
)}</ol></section>`;
}

/** The site path of the feed that follows one story. */
/** The feeds that follow one story: [title, href, type] for the page's alternate links. */
type FeedLink = [title: string, href: string, type: string];
export function storyFeeds(id: string): [atom: FeedLink, json: FeedLink] {
  return [
    ["This story (Atom)", storyFeedHref(id, "atom"), "application/atom+xml"],
    ["This story (JSON Feed)", storyFeedHref(id, "json"), "application/feed+json"],
  ];
}

/** Where coverage split off this story went, and where this story was split from. */
function splitNote(splits: SplitLink[]): Safe {
  if (splits.length === 0) return html``;
  const link = (s: SplitLink) => html`<a href="${storyHref(s.id)}">${s.title}</a>`;
  const into = splits.filter((s) => s.relation === "into");
  const from = splits.filter((s) => s.relation === "from");
  return html`<p class="story-split">${from.map((s) => html`Split from ${link(s)}, which held its first reports. `)}${into.map((s) => html`Some of the coverage gathered here is now a story of its own: ${link(s)}. `)}</p>`;
}

export function storyPage(model: StoryModel, since: number | null): Safe {
  const ctx: Ctx = { model, since, ids: new IdGen() };
  const { story, brief } = model;
  const articles = model.articles.size;
  const [atom, json] = storyFeeds(story.id);
  const meta = html`<p class="story-meta">${plural(articles, "article")} from ${plural(model.outlets.length, "outlet")} · updated ${timeEl(story.lastUpdated)}${sectionLinks(model.sections)} · follow it: <a href="${atom[1]}" type="${atom[2]}">Atom</a>, <a href="${json[1]}" type="${json[2]}">JSON Feed</a></p>`;
  const body = brief
    ? html`<section aria-labelledby="h-brief" class="brief"><h2 id="h-brief" class="visually-hidden">Brief</h2>
${brief.paragraphs.filter((p) => p.role !== "community").map((p) => paragraph(ctx, p))}</section>
${quotes(ctx, brief.quotes)}
${community(brief.reaction, brief.paragraphs, model.threads)}`
    : html`<p>No brief has been written for this story yet.</p>`;
  return html`<article class="story">
<header><h1>${brief?.headline || story.title}</h1>
${brief?.dek ? html`<p class="dek">${brief.dek}</p>` : ""}
${meta}
${splitNote(model.splits)}</header>
${body}
${spread(ctx)}
${coverageSection(ctx, "h-opinion", "Opinion", brief?.opinion ?? [], true)}
${coverageSection(ctx, "h-coverage", "More coverage", brief?.moreCoverage ?? [])}
${timeline(ctx)}
<section aria-labelledby="h-chart"><h2 id="h-chart">Coverage over time</h2>
<figure class="chart-figure">${coverageChart(model.articles.values())}</figure></section>
</article>`;
}

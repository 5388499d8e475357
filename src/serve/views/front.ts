// The front page: stories ranked by recency and breadth, with new-since-last-visit marks.

import type { SectionListing } from "../../store/sections.ts";
import { plural } from "../../text/plural.ts";
import { html, type Safe } from "../html.ts";
import type { SectionPage, StoryModel } from "../model.ts";
import { blindspotText, groupCounts } from "../spread.ts";
import { isNewSince } from "../visit.ts";
import { timeEl } from "./format.ts";
import { outletLink } from "./outlet.ts";
import { sectionFeedHref, sectionHref, storyHref } from "./paths.ts";

/** Outlets named under each headline; the rest are counted. */
const OUTLETS_SHOWN = 5;

function card(m: StoryModel, since: number | null): Safe {
  const fresh = isNewSince(m.newestFetchedAt, since);
  const lead = m.brief?.dek ?? m.brief?.paragraphs[0]?.sentences[0]?.rendered ?? null;
  const shown = m.outlets
    .slice(0, OUTLETS_SHOWN)
    .map((name, i) => html`${i > 0 ? ", " : ""}${outletLink(name)}`);
  const more =
    m.outlets.length > OUTLETS_SHOWN ? ` and ${m.outlets.length - OUTLETS_SHOWN} more` : "";
  return html`<li class="story-card${fresh ? " is-new" : ""}">
<h2><a href="${storyHref(m.story.id)}">${m.brief?.headline || m.story.title}</a>${fresh ? html` <span class="new-mark">new</span>` : ""}</h2>
${lead ? html`<p class="lead">${lead}</p>` : ""}
<p class="story-meta">${plural(m.outlets.length, "outlet")} · ${plural(m.articles.size, "article")} · updated ${timeEl(m.story.lastUpdated)}${sectionLinks(m.sections)}</p>
${shown.length > 0 ? html`<p class="outlets">${shown}${more}</p>` : ""}
${leanLine(m)}
</li>`;
}

/** The story's outlets along the lean scale the reader gave them: "Lean: left 1 · centre 2". */
function leanLine(m: StoryModel): Safe {
  const sp = m.spread;
  if (!sp || sp.lean.length === 0) return html``;
  return html`<p class="spread-line">Lean: ${groupCounts(sp.lean)}${
    sp.blindspot ? html` · <strong class="blindspot">${blindspotText(sp.blindspot)}</strong>` : ""
  }</p>`;
}

/** " · in Business, Local": where a story's articles came from, as the reader's sections. */
export function sectionLinks(sections: string[]): Safe {
  if (sections.length === 0) return html``;
  return html` · in ${sections.map((name, i) => html`${i > 0 ? ", " : ""}<a href="${sectionHref(name)}">${name}</a>`)}`;
}

/** Links to every section, when the reader has put sources in some: "All · Local · World". */
function sectionNav(sections: SectionListing[], current: string | null): Safe {
  if (sections.length === 0) return html``;
  const link = (href: string, label: string, here: boolean) =>
    html`<a href="${href}"${here ? html` aria-current="page"` : ""}>${label}</a>`;
  return html`<nav class="sections" aria-label="Sections">${link("/", "All", current === null)}${sections.map(
    (s) => html` · ${link(sectionHref(s.name), s.name, s.name === current)}`,
  )}</nav>`;
}

function pager(path: string, page: number, hasNext: boolean): Safe | string {
  if (page <= 1 && !hasNext) return "";
  return html`<nav class="pager" aria-label="Pages">${page > 1 ? html`<a rel="prev" href="${path}?page=${page - 1}">Newer stories</a>` : ""}${
    hasNext ? html`<a rel="next" href="${path}?page=${page + 1}">Older stories</a>` : ""
  }</nav>`;
}

export function frontPage(
  items: StoryModel[],
  since: number | null,
  page: number,
  hasNext: boolean,
  sections: SectionListing[] = [],
): Safe {
  return html`<h1>${page > 1 ? `Top stories, page ${page}` : "Top stories"}</h1>
${sectionNav(sections, null)}
${
  items.length === 0
    ? html`<p>No stories yet. Add sources on the <a href="/sources">sources page</a>.</p>`
    : html`<ol class="stories">${items.map((m) => card(m, since))}</ol>`
}
${pager("/", page, hasNext)}`;
}

/** One section's stories, ranked as the front page. */
export function sectionPage(
  section: SectionPage,
  since: number | null,
  page: number,
  hasNext: boolean,
  sections: SectionListing[],
): Safe {
  const { name, items } = section;
  return html`<h1>${page > 1 ? `${name}, page ${page}` : name}</h1>
${sectionNav(sections, name)}
<p class="section-about">${plural(section.stories, "story", "stories")} from the sources in this section${
    section.stories > section.total
      ? `; the ${section.total} most recently updated are ranked here`
      : ""
  }. <a href="${sectionFeedHref(name, "atom")}">Atom feed</a></p>
${
  items.length === 0
    ? html`<p>No stories in this section yet: its sources have brought no article so far.</p>`
    : html`<ol class="stories">${items.map((m) => card(m, since))}</ol>`
}
${pager(sectionHref(name), page, hasNext)}`;
}

/** Stories one side of the lean scale has covered and the other has not, by the side missing. */
export function blindspotPage(items: StoryModel[], since: number | null, described: boolean): Safe {
  const intro = described
    ? html`<p>Stories that outlets you labelled on one side of the lean scale have covered, and outlets on the other side have not.</p>`
    : html`<p>Describe the outlets you follow first, with their lean: <code>storyline outlets import FILE.json</code> (see the README).</p>`;
  const side = (missing: "left" | "right", title: string) => {
    const list = items.filter((m) => m.spread?.blindspot === missing);
    return list.length === 0
      ? html``
      : html`<section aria-labelledby="h-${missing}"><h2 id="h-${missing}">${title}</h2>
<ol class="stories">${list.map((m) => card(m, since))}</ol></section>`;
  };
  return html`<h1>Blindspots</h1>
${intro}
${described && items.length === 0 ? html`<p>No blindspots among the current stories.</p>` : ""}
${side("right", "Not covered from the right")}
${side("left", "Not covered from the left")}`;
}

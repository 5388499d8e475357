// Search results with highlighted snippets, one entry per story: wire copies and follow-ups of the
// same story would otherwise fill the page with the same headline.
import { plural } from "../../text/plural.ts";
import type { SearchHit } from "../../types.ts";
import { html, type Safe } from "../html.ts";
import { safeHref } from "../links.ts";
import { highlight, plainSnippet } from "../snippet.ts";
import { timeEl } from "./format.ts";
import { storyHref } from "./paths.ts";

/** Hits grouped by story in rank order; a hit outside any story stands alone. */
export function groupHits(hits: readonly SearchHit[]): SearchHit[][] {
  const groups: SearchHit[][] = [];
  const byStory = new Map<string, SearchHit[]>();
  for (const h of hits) {
    const known = h.storyId ? byStory.get(h.storyId) : undefined;
    if (known) {
      known.push(h);
      continue;
    }
    const group = [h];
    groups.push(group);
    if (h.storyId) byStory.set(h.storyId, group);
  }
  return groups;
}

/** True when the snippet is just the headline again (the match was in the title). */
export function snippetIsHeadline(h: SearchHit): boolean {
  const plain = plainSnippet(h.snippet).replace(/^…|…$/g, "").trim();
  return plain === h.headline.trim();
}

function outletLink(h: SearchHit): Safe {
  const source = safeHref(h.url);
  return source
    ? html`<a href="${source}" rel="noopener noreferrer nofollow">${h.outlet}</a>`
    : html`${h.outlet}`;
}

function entry(group: SearchHit[]): Safe {
  const [h, ...more] = group as [SearchHit, ...SearchHit[]];
  const href = h.storyId ? storyHref(h.storyId) : safeHref(h.url);
  const inTitle = snippetIsHeadline(h);
  // A title match is highlighted in the title itself (still a .snippet, the matched text).
  const headline = inTitle
    ? html`<span class="snippet">${highlight(h.snippet.replace(/^…|…$/g, ""))}</span>`
    : html`${h.headline}`;
  const title = href ? html`<a href="${href}">${headline}</a>` : headline;
  const outlets = [...new Map(more.map((m) => [m.outlet, m])).values()].filter(
    (m) => m.outlet !== h.outlet,
  );
  return html`<li class="hit"><h2>${title}</h2>
${inTitle ? "" : html`<p class="snippet">${highlight(h.snippet)}</p>`}
<p class="story-meta">${outletLink(h)} ${timeEl(h.publishedAt)}${
    more.length > 0
      ? html` · ${plural(more.length, "more matching article")}${
          outlets.length > 0
            ? html` from ${outlets.map((m, i) => html`${i > 0 ? ", " : ""}${outletLink(m)}`)}`
            : ""
        }`
      : ""
  }</p></li>`;
}

export function searchPage(query: string, hits: SearchHit[] | null): Safe {
  const feed = `/feeds/search.atom?q=${encodeURIComponent(query)}`;
  const groups = hits ? groupHits(hits) : [];
  const count =
    hits && groups.length < hits.length
      ? `${plural(hits.length, "matching article")} in ${plural(groups.length, "story", "stories")}`
      : plural(hits?.length ?? 0, "result");
  return html`<h1>${query ? html`Search results for “${query}”` : "Search"}</h1>
<form class="search-form" role="search" action="/search" method="get">
<label for="page-q">Search articles</label>
<input id="page-q" name="q" type="search" value="${query}" maxlength="200">
<button type="submit">Search</button>
</form>
${
  hits === null
    ? ""
    : hits.length === 0
      ? html`<p>No articles match.</p>`
      : html`<p>${count} · <a href="${feed}">follow this search (Atom)</a></p><ol class="hits">${groups.map(entry)}</ol>`
}`;
}

// Search results with highlighted snippets.
import type { SearchHit } from "../../types.ts";
import { highlight, html, type Safe } from "../html.ts";
import { safeHref } from "../links.ts";
import { plural, timeEl } from "./format.ts";
import { storyHref } from "./front.ts";

function hit(h: SearchHit): Safe {
  const href = h.storyId ? storyHref(h.storyId) : safeHref(h.url);
  const title = href ? html`<a href="${href}">${h.headline}</a>` : html`${h.headline}`;
  const source = safeHref(h.url);
  return html`<li class="hit"><h2>${title}</h2>
<p class="snippet">${highlight(h.snippet)}</p>
<p class="story-meta">${source ? html`<a href="${source}" rel="noopener noreferrer nofollow">${h.outlet}</a>` : h.outlet} ${timeEl(h.publishedAt)}</p></li>`;
}

export function searchPage(query: string, hits: SearchHit[] | null): Safe {
  const feed = `/feeds/search.atom?q=${encodeURIComponent(query)}`;
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
      : html`<p>${plural(hits.length, "result")} · <a href="${feed}">follow this search (Atom)</a></p><ol class="hits">${hits.map(hit)}</ol>`
}`;
}

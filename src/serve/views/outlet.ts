// One outlet's page: what the operator says about it, and the recent stories it covered, each
// with the outlet's own headlines; its Atom and JSON feeds. And the directory of every outlet.
import { plural } from "../../text/plural.ts";
import { html, type Safe } from "../html.ts";
import type { ArticleSummary, OutletCoverage, OutletListing } from "../model.ts";
import { timeEl } from "./format.ts";
import { outletFeedHref, outletHref, storyHref } from "./paths.ts";

/** An outlet's name as a link to its page. */
export function outletLink(name: string): Safe {
  return html`<a class="outlet-link" href="${outletHref(name)}">${name}</a>`;
}

function ownArticle(a: ArticleSummary): Safe {
  const headline = a.href
    ? html`<a href="${a.href}" rel="noopener noreferrer nofollow">${a.headline}</a>`
    : html`${a.headline}`;
  return html`<li>${headline} ${timeEl(a.publishedAt ?? a.fetchedAt)}</li>`;
}

function described(o: Pick<OutletCoverage, "entry">): Safe {
  const e = o.entry;
  const parts: [string, string | null][] = e
    ? [
        ["Lean", e.lean],
        ["Country", e.country],
        ["Ownership", e.ownership],
      ]
    : [];
  const known = parts.filter((p): p is [string, string] => Boolean(p[1]));
  if (known.length === 0)
    return html`<p class="story-meta">Not described yet: <code>storyline outlets import FILE.json</code> gives it a lean, country and ownership.</p>`;
  return html`<p class="story-meta">${known.map(([label, value], i) => html`${i > 0 ? " · " : ""}${label}: <b>${value}</b>`)}</p>`;
}

export function outletPage(o: OutletCoverage): Safe {
  const feeds = html`follow it: <a href="${outletFeedHref(o.name, "atom")}" type="application/atom+xml">Atom</a>, <a href="${outletFeedHref(o.name, "json")}" type="application/feed+json">JSON Feed</a>`;
  return html`<h1>${o.name}</h1>
${described(o)}
<p class="story-meta">${plural(o.total, "story", "stories")}${o.total > o.stories.length ? html`, the ${String(o.stories.length)} most recently updated below` : ""} · ${feeds}</p>
${
  o.stories.length === 0
    ? html`<p>No story has an article from ${o.name} yet.</p>`
    : html`<ol class="stories">${o.stories.map(
        ({ model, articles }) => html`<li class="story-card">
<h2><a href="${storyHref(model.story.id)}">${model.brief?.headline || model.story.title}</a></h2>
<p class="story-meta">${plural(model.outlets.length, "outlet")} · ${plural(model.articles.size, "article")} · updated ${timeEl(model.story.lastUpdated)}</p>
<ul class="own-articles">${articles.map(ownArticle)}</ul>
</li>`,
      )}</ol>`
}`;
}

/** Every outlet the articles name, most articles first, with what the operator says about it. */
export function outletDirectoryPage(outlets: OutletListing[]): Safe {
  const labels = (o: OutletListing) =>
    [o.entry?.lean, o.entry?.country, o.entry?.ownership].filter(Boolean).join(" · ");
  return html`<h1>Outlets</h1>
<p class="story-meta">${plural(outlets.length, "outlet")} in the articles, most articles first. <code>storyline outlets import FILE.json</code> describes them: lean, country, ownership.</p>
${
  outlets.length === 0
    ? html`<p>No articles yet.</p>`
    : html`<div class="table-wrap"><table class="sources outlets">
<thead><tr><th scope="col">Outlet</th><th scope="col">Domains</th><th scope="col">Articles</th><th scope="col">Described</th></tr></thead>
<tbody>${outlets.map(
        (o) =>
          html`<tr><th scope="row">${outletLink(o.name)}</th><td class="url">${o.domains.join(", ")}</td><td>${String(o.articles)}</td><td>${labels(o)}</td></tr>`,
      )}</tbody></table></div>`
}`;
}

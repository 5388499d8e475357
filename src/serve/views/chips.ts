// Outlet chips: each names an outlet supporting a sentence and reveals the supporting article on
// hover or keyboard focus (pure CSS), linking to it when its URL is a safe http(s) URL.

import { articleTime } from "../../types.ts";
import { html, type Safe } from "../html.ts";
import type { ArticleSummary } from "../model.ts";
import { formatTime } from "./format.ts";

/** Ids unique within one page render. */
export class IdGen {
  private n = 0;
  next(prefix: string): string {
    this.n += 1;
    return `${prefix}-${this.n}`;
  }
}

function chip(
  outlet: string,
  article: ArticleSummary | undefined,
  alsoIn: readonly string[],
  ids: IdGen,
): Safe {
  if (!article) return html`<span class="chip chip-bare">${outlet}</span>`;
  const cardId = ids.next("src");
  const meta = [article.byline, formatTime(articleTime(article))].filter(Boolean).join(" · ");
  const card = html`<span class="chip-card" role="tooltip" id="${cardId}"><span class="chip-headline">${article.headline}</span>${
    article.outlet !== outlet ? html`<span class="chip-meta">${article.outlet}</span>` : ""
  }${meta ? html`<span class="chip-meta">${meta}</span>` : ""}${
    alsoIn.length > 0
      ? html`<span class="chip-meta">Also carried by ${alsoIn.join(", ")}</span>`
      : ""
  }</span>`;
  if (article.href) {
    return html`<span class="chip"><a class="chip-link" href="${article.href}" rel="noopener noreferrer nofollow" aria-describedby="${cardId}">${outlet}</a>${card}</span>`;
  }
  return html`<span class="chip"><span class="chip-link" tabindex="0" aria-describedby="${cardId}">${outlet}</span>${card}</span>`;
}

/**
 * One chip per credited outlet, each showing that outlet's first article among the given ones.
 * When `outlets` (the brief's attribution, wire copies counted once) is given, outlets that only
 * reprinted the same copy get no chip of their own: they would look like corroboration. They are
 * named in the first chip's card instead. Without `outlets`, every outlet gets a chip.
 */
export function chips(
  articleIds: readonly string[],
  outlets: readonly string[],
  articles: Map<string, ArticleSummary>,
  ids: IdGen,
): Safe {
  const byOutlet = new Map<string, ArticleSummary>();
  for (const id of articleIds) {
    const a = articles.get(id);
    if (a && !byOutlet.has(a.outlet)) byOutlet.set(a.outlet, a);
  }
  const credited = outlets.length > 0 ? [...new Set(outlets)] : [...byOutlet.keys()];
  if (credited.length === 0) return html``;
  const reprints = [...byOutlet.keys()].filter((o) => !credited.includes(o));
  // A credited outlet whose own article is not stored (only reprints were fetched) shows a reprint.
  const fallback = reprints.length > 0 ? byOutlet.get(reprints[0]!) : undefined;
  return html`<span class="chips"><span class="visually-hidden">Sources: </span>${credited.map(
    (o, i) => chip(o, byOutlet.get(o) ?? fallback, i === 0 ? reprints : [], ids),
  )}</span>`;
}

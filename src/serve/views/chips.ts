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

/** One credited outlet and the article its chip or link shows. */
interface Credit {
  outlet: string;
  article: ArticleSummary | undefined;
}

/**
 * Who a sentence credits: `outlets` (the brief's attribution, wire copies counted once) when
 * given, else every outlet among the articles. Outlets that only reprinted the same copy are not
 * credited (they would look like corroboration) and come back as `reprints`. A credited outlet
 * whose own article is not stored (only reprints were fetched) shows a reprint.
 */
export function credits(
  articleIds: readonly string[],
  outlets: readonly string[],
  articles: Map<string, ArticleSummary>,
): { credited: Credit[]; reprints: string[] } {
  const byOutlet = new Map<string, ArticleSummary>();
  for (const id of articleIds) {
    const a = articles.get(id);
    if (a && !byOutlet.has(a.outlet)) byOutlet.set(a.outlet, a);
  }
  const names = outlets.length > 0 ? [...new Set(outlets)] : [...byOutlet.keys()];
  const reprints = [...byOutlet.keys()].filter((o) => !names.includes(o));
  const fallback = reprints.length > 0 ? byOutlet.get(reprints[0]!) : undefined;
  return {
    credited: names.map((outlet) => ({ outlet, article: byOutlet.get(outlet) ?? fallback })),
    reprints,
  };
}

/**
 * One chip per credited outlet (see credits), each showing that outlet's first article among the
 * given ones. Reprints get no chip of their own: they are named in the first chip's card instead.
 */
export function chips(
  articleIds: readonly string[],
  outlets: readonly string[],
  articles: Map<string, ArticleSummary>,
  ids: IdGen,
): Safe {
  const { credited, reprints } = credits(articleIds, outlets, articles);
  if (credited.length === 0) return html``;
  return html`<span class="chips"><span class="visually-hidden">Sources: </span>${credited.map(
    (c, i) => chip(c.outlet, c.article, i === 0 ? reprints : [], ids),
  )}</span>`;
}

// Outlet chips: each names an outlet supporting a sentence and reveals the supporting article on
// hover or keyboard focus (pure CSS), linking to it when its URL is a safe http(s) URL.
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

function chip(outlet: string, article: ArticleSummary | undefined, ids: IdGen): Safe {
  if (!article) return html`<span class="chip chip-bare">${outlet}</span>`;
  const cardId = ids.next("src");
  const meta = [article.byline, formatTime(article.publishedAt ?? article.fetchedAt)]
    .filter(Boolean)
    .join(" · ");
  const card = html`<span class="chip-card" role="tooltip" id="${cardId}"><span class="chip-headline">${article.headline}</span>${
    meta ? html`<span class="chip-meta">${meta}</span>` : ""
  }</span>`;
  if (article.href) {
    return html`<span class="chip"><a class="chip-link" href="${article.href}" rel="noopener noreferrer nofollow" aria-describedby="${cardId}">${outlet}</a>${card}</span>`;
  }
  return html`<span class="chip"><span class="chip-link" tabindex="0" aria-describedby="${cardId}">${outlet}</span>${card}</span>`;
}

/** One chip per outlet, each showing the first of the given articles from that outlet. */
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
  const names = [...new Set([...outlets, ...byOutlet.keys()])];
  if (names.length === 0) return html``;
  return html`<span class="chips"><span class="visually-hidden">Sources: </span>${names.map((o) => chip(o, byOutlet.get(o), ids))}</span>`;
}

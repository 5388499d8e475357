// The page shell: landmarks, skip link, one h1 (supplied by each view), site search, feed links.
import { html, type Safe } from "../html.ts";

export interface LayoutOptions {
  title: string;
  /** Which nav entry is the current page. */
  current?: "stories" | "blindspots" | "outlets" | "sources" | "search";
  query?: string;
  /** Extra <link rel="alternate"> feeds for this page: [title, href, type]. */
  feeds?: [string, string, string][];
  body: Safe;
}

const NAV: [NonNullable<LayoutOptions["current"]>, string, string][] = [
  ["stories", "/", "Stories"],
  ["blindspots", "/blindspots", "Blindspots"],
  ["outlets", "/outlets", "Outlets"],
  ["sources", "/sources", "Sources"],
];

export function layout(opts: LayoutOptions): string {
  const feeds: [string, string, string][] = [
    ["All stories (Atom)", "/feeds/stories.atom", "application/atom+xml"],
    ["All stories (JSON Feed)", "/feeds/stories.json", "application/feed+json"],
    ...(opts.feeds ?? []),
  ];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Storyline</title>
<link rel="stylesheet" href="/static/app.css">
${feeds.map(([t, href, type]) => html`<link rel="alternate" type="${type}" title="${t}" href="${href}">\n`)}<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="brand" href="/">Storyline</a>
<nav aria-label="Main"><ul>
${NAV.map(
  ([key, href, label]) =>
    html`<li><a href="${href}"${opts.current === key ? html` aria-current="page"` : ""}>${label}</a></li>`,
)}
</ul></nav>
<form class="site-search" role="search" action="/search" method="get">
<label for="site-q" class="visually-hidden">Search articles</label>
<input id="site-q" name="q" type="search" value="${opts.query ?? ""}" placeholder="Find articles" maxlength="200">
<button type="submit">Search</button>
</form>
</header>
<main id="main" tabindex="-1">
${opts.body}
</main>
<footer class="site-footer">
<p>Briefs are built from the outlets' own sentences; every sentence links to its sources.
Feeds: <a href="/feeds/stories.atom">Atom</a> · <a href="/feeds/stories.json">JSON Feed</a></p>
</footer>
</body>
</html>
`.value;
}

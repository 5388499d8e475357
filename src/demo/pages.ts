// Article pages with the chrome real news sites wrap around a story: header, nav, related
// stories, a newsletter box, a share bar and a footer. Templates differ a little per outlet.
import type { DemoArticle, DemoOutlet } from "./corpus.ts";
import { esc, scriptJson } from "./escape.ts";

/** How many of the outlet's other articles the "Related stories" box lists. */
const RELATED_COUNT = 4;
/** The in-body promo goes after this many paragraphs, as sites insert "Read more" links. */
const PROMO_AFTER = 2;

export interface PageContext {
  base: string;
  outlet: DemoOutlet;
  article: DemoArticle;
  /** The outlet's other articles, newest first. */
  others: DemoArticle[];
}

function head(ctx: PageContext): string {
  const { base, outlet, article } = ctx;
  const url = base + article.path;
  const description = article.paragraphs[0] ?? "";
  const ld = {
    "@context": "https://schema.org",
    "@type": article.opinion ? "OpinionNewsArticle" : "NewsArticle",
    headline: article.headline,
    datePublished: article.publishedAt,
    author: article.byline ? [{ "@type": "Person", name: article.byline }] : [],
    publisher: { "@type": "Organization", name: outlet.name },
    mainEntityOfPage: url,
  };
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(article.headline)} | ${esc(outlet.name)}</title>
<link rel="canonical" href="${esc(url)}">
<meta name="description" content="${esc(description)}">
<meta name="author" content="${esc(article.byline ?? outlet.name)}">
<meta property="og:title" content="${esc(article.headline)}">
<meta property="og:site_name" content="${esc(outlet.name)}">
<meta property="og:type" content="article">
<meta property="og:url" content="${esc(url)}">
<meta property="og:description" content="${esc(description)}">
<meta property="article:published_time" content="${esc(article.publishedAt)}">
<meta property="article:section" content="${article.opinion ? "Opinion" : "News"}">
<link rel="alternate" type="${feedType(outlet)}" title="${esc(outlet.name)}" href="${esc(`${base}/${outlet.slug}/${feedFile(outlet)}`)}">
<link rel="stylesheet" href="/${esc(outlet.slug)}/static/site.css">
<script type="application/ld+json">${scriptJson(ld)}</script>
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({ section: "news" });</script>
</head>`;
}

export function feedFile(outlet: DemoOutlet): string {
  if (outlet.format === "rss") return "feed.xml";
  return outlet.format === "atom" ? "atom.xml" : "feed.json";
}

export function feedType(outlet: DemoOutlet): string {
  if (outlet.format === "rss") return "application/rss+xml";
  return outlet.format === "atom" ? "application/atom+xml" : "application/feed+json";
}

function siteHeader(outlet: DemoOutlet): string {
  const sections = ["Home", "Local", "Nation", "Business", "Climate", "Sport", "Opinion"];
  const links = sections
    .map((s) => `<li><a href="/${esc(outlet.slug)}/${s.toLowerCase()}">${s}</a></li>`)
    .join("");
  return `<header class="site-header">
<div class="masthead"><a href="/${esc(outlet.slug)}/" class="logo">${esc(outlet.name)}</a>
<p class="tagline">${esc(outlet.tagline)}</p>
<a class="subscribe-button" href="/${esc(outlet.slug)}/subscribe">Subscribe</a></div>
<nav class="main-nav" aria-label="Sections"><ul>${links}</ul></nav>
</header>`;
}

function shareBar(url: string): string {
  const u = encodeURIComponent(url);
  return `<div class="share-bar" aria-label="Share this story"><span>Share</span>
<a href="https://share.example/post?u=${u}">Post</a> <a href="mailto:?body=${u}">Email</a>
<button type="button" class="copy-link">Copy link</button></div>`;
}

function related(ctx: PageContext): string {
  const items = ctx.others
    .slice(0, RELATED_COUNT)
    .map((a) => `<li><a href="${esc(a.path)}">${esc(a.headline)}</a></li>`)
    .join("\n");
  return `<section class="related-stories"><h2>Related stories</h2><ul>
${items}
</ul></section>`;
}

function newsletter(outlet: DemoOutlet): string {
  return `<aside class="newsletter-signup"><h3>The Morning Briefing</h3>
<p>Get the day's top stories from ${esc(outlet.name)} in your inbox every weekday at 6 a.m.</p>
<form action="/${esc(outlet.slug)}/newsletter" method="post"><input type="email" name="email" placeholder="Your email address"><button type="submit">Sign up</button></form>
<p class="small">You can unsubscribe at any time. See our privacy policy.</p></aside>`;
}

function footer(outlet: DemoOutlet): string {
  return `<footer class="site-footer"><nav><a href="/${esc(outlet.slug)}/about">About us</a> · <a href="/${esc(outlet.slug)}/contact">Contact</a> · <a href="/${esc(outlet.slug)}/corrections">Corrections</a> · <a href="/${esc(outlet.slug)}/privacy">Privacy</a></nav>
<p>© 2026 ${esc(outlet.name)}. All rights reserved. This is a fictional outlet in the Storyline demo corpus.</p></footer>`;
}

function bodyParagraphs(ctx: PageContext): string {
  const promo = ctx.others[0];
  return ctx.article.paragraphs
    .map((p, i) => {
      const para = `<p>${esc(p)}</p>`;
      if (i + 1 !== PROMO_AFTER || !promo || ctx.outlet.template !== "article") return para;
      return `${para}\n<aside class="inline-promo"><strong>Read more:</strong> <a href="${esc(promo.path)}">${esc(promo.headline)}</a></aside>`;
    })
    .join("\n");
}

function timeTag(iso: string): string {
  const shown = new Date(iso).toUTCString().replace(":00 GMT", " UTC");
  return `<time datetime="${esc(iso)}">${esc(shown)}</time>`;
}

function storyMarkup(ctx: PageContext): string {
  const { article, outlet } = ctx;
  const byline = article.byline ? `By ${esc(article.byline)}` : esc(outlet.name);
  const share = shareBar(ctx.base + article.path);
  if (outlet.template === "story-body") {
    return `<div class="content-wrap"><div class="headline-block"><h1 class="story-title">${esc(article.headline)}</h1>
<div class="meta"><span class="author-name">${byline}</span> | ${timeTag(article.publishedAt)}</div></div>
${share}
<div class="story-body">
${bodyParagraphs(ctx)}
</div>
<div class="tags">Filed under: News</div></div>`;
  }
  if (outlet.template === "magazine") {
    return `<main id="main"><article class="post">
<header class="post-header"><p class="kicker">News</p><h1>${esc(article.headline)}</h1>
<p class="byline" rel="author">${byline}</p><p class="dateline">Published ${timeTag(article.publishedAt)}</p></header>
<div class="post-content">
${bodyParagraphs(ctx)}
</div>
${share}
</article></main>`;
  }
  return `<main id="main"><article class="article">
<h1 class="headline">${esc(article.headline)}</h1>
<div class="article-meta"><span class="byline">${byline}</span> ${timeTag(article.publishedAt)}</div>
${share}
<div class="article-body">
${bodyParagraphs(ctx)}
</div>
</article></main>`;
}

export function articlePage(ctx: PageContext): string {
  return `<!doctype html>
<html lang="en">
${head(ctx)}
<body class="${esc(ctx.outlet.slug)} template-${ctx.outlet.template}">
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
${siteHeader(ctx.outlet)}
${storyMarkup(ctx)}
${related(ctx)}
${newsletter(ctx.outlet)}
${footer(ctx.outlet)}
</body>
</html>
`;
}

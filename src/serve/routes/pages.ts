// HTML pages for readers: front page, sections, story page, blindspots, outlets, search.
import { Hono } from "hono";
import { log } from "../../log.ts";
import { wholeCharacterEnd } from "../../text/shorten.ts";
import type { Deps } from "../deps.ts";
import { visitSince } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { RenderCache } from "../render-cache.ts";
import { blindspotPage, frontPage, sectionPage } from "../views/front.ts";
import { layout } from "../views/layout.ts";
import { outletDirectoryPage, outletPage } from "../views/outlet.ts";
import { outletFeedHref, sectionFeedHref, storyHref } from "../views/paths.ts";
import { searchPage } from "../views/search.ts";
import { storyFeeds, storyPage } from "../views/story.ts";
import { movedStory } from "./moved.ts";

/** Stories per front page. */
export const PAGE_SIZE = 30;
/** Pages beyond this are refused: the ranked list holds a few hundred stories at most. */
const MAX_PAGE = 100;
/** Longer queries are cut: nobody types 200 characters into a news search. */
export const MAX_QUERY_LENGTH = 200;
export const SEARCH_RESULTS = 50;
/** Blindspot stories listed (the ranked front-page candidates are scanned for them). */
export const BLINDSPOT_STORIES = 50;

export function pageNumber(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE)
    throw new HttpError(400, "serve: bad page number");
  return n;
}

export function queryOf(value: string | undefined): string {
  const query = (value ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters become spaces
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim();
  // Not halving an emoji: a lone surrogate makes encodeURIComponent throw.
  return query.slice(0, wholeCharacterEnd(query, Math.min(query.length, MAX_QUERY_LENGTH)));
}

export function pageRoutes(deps: Deps): Hono {
  const app = new Hono();
  // Pages are rendered once per model the Reader hands out (refreshed every cache TTL) and per
  // set of new-since-last-visit marks, not once per request.
  const renders = new RenderCache();
  app.get("/", async (c) => {
    const page = pageNumber(c.req.query("page"));
    const since = visitSince(c, deps);
    const front = await deps.reader.frontPage((page - 1) * PAGE_SIZE, PAGE_SIZE);
    if (page > 1 && front.items.length === 0) throw new HttpError(404, "serve: no such page");
    const sections = await deps.reader.sections();
    const html = renders.page(
      front,
      () => front.items.map((m) => m.newestFetchedAt),
      since,
      () =>
        layout({
          title: "Top stories",
          current: "stories",
          body: frontPage(front.items, since, page, page * PAGE_SIZE < front.total, sections),
        }),
    );
    c.header("Cache-Control", "private, no-cache");
    return c.html(html);
  });

  app.get("/sections/:name", async (c) => {
    const page = pageNumber(c.req.query("page"));
    const since = visitSince(c, deps);
    const section = await deps.reader.sectionPage(
      c.req.param("name"),
      (page - 1) * PAGE_SIZE,
      PAGE_SIZE,
    );
    if (!section) throw new HttpError(404, "serve: no such section");
    if (page > 1 && section.items.length === 0) throw new HttpError(404, "serve: no such page");
    const sections = await deps.reader.sections();
    const html = renders.page(
      section,
      () => section.items.map((m) => m.newestFetchedAt),
      since,
      () =>
        layout({
          title: section.name,
          current: "stories",
          feeds: [
            [
              `${section.name} (Atom)`,
              sectionFeedHref(section.name, "atom"),
              "application/atom+xml",
            ],
            [
              `${section.name} (JSON Feed)`,
              sectionFeedHref(section.name, "json"),
              "application/feed+json",
            ],
          ],
          body: sectionPage(section, since, page, page * PAGE_SIZE < section.total, sections),
        }),
    );
    c.header("Cache-Control", "private, no-cache");
    return c.html(html);
  });

  app.get("/stories/:id", async (c) => {
    const model = await deps.reader.storyModel(c.req.param("id"));
    if (!model) return movedStory(c, deps, c.req.param("id"), storyHref);
    const since = visitSince(c, deps);
    const html = renders.page(
      model,
      () => [...model.articles.values()].map((a) => a.fetchedAt),
      since,
      () =>
        layout({
          title: model.brief?.headline || model.story.title,
          feeds: storyFeeds(model.story.id),
          body: storyPage(model, since),
        }),
    );
    c.header("Cache-Control", "private, no-cache");
    return c.html(html);
  });

  app.get("/blindspots", async (c) => {
    const since = visitSince(c, deps);
    const items = await deps.reader.blindspots(BLINDSPOT_STORIES);
    const described = (await deps.reader.outlets()).leaning;
    c.header("Cache-Control", "private, no-cache");
    return c.html(
      layout({
        title: "Blindspots",
        current: "blindspots",
        feeds: [["Blindspots (Atom)", "/feeds/blindspots.atom", "application/atom+xml"]],
        body: blindspotPage(items, since, described),
      }),
    );
  });

  app.get("/outlets", async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.html(
      layout({
        title: "Outlets",
        current: "outlets",
        body: outletDirectoryPage(await deps.reader.outletDirectory()),
      }),
    );
  });

  app.get("/outlets/:name", async (c) => {
    const name = c.req.param("name");
    const coverage = await deps.reader.outletCoverage(name);
    if (!coverage) throw new HttpError(404, "serve: no such outlet");
    c.header("Cache-Control", "private, no-cache");
    return c.html(
      layout({
        title: coverage.name,
        feeds: [
          [`${coverage.name} (Atom)`, outletFeedHref(name, "atom"), "application/atom+xml"],
          [`${coverage.name} (JSON Feed)`, outletFeedHref(name, "json"), "application/feed+json"],
        ],
        body: outletPage(coverage),
      }),
    );
  });

  app.get("/search", async (c) => {
    const q = queryOf(c.req.query("q"));
    const hits = q ? await searchOrFail(deps, q) : null;
    const feeds: [string, string, string][] = q
      ? [
          [
            `Search: ${q} (Atom)`,
            `/feeds/search.atom?q=${encodeURIComponent(q)}`,
            "application/atom+xml",
          ],
        ]
      : [];
    return c.html(
      layout({
        title: q ? `Search: ${q}` : "Search",
        current: "search",
        query: q,
        feeds,
        body: searchPage(q, hits),
      }),
    );
  });
  return app;
}

export async function searchOrFail(deps: Deps, q: string, limit = SEARCH_RESULTS) {
  try {
    return await deps.store.search(q, limit);
  } catch (error) {
    // The store quotes every term (ftsQuery, tsQuery), so no input makes a bad query: this is the
    // store failing.
    log("error", "serve", `search failed: ${(error as Error).stack ?? String(error)}`);
    throw new HttpError(503, "serve: search is unavailable right now; try again shortly");
  }
}

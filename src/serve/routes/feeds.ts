// Feeds out: Atom 1.0 and JSON Feed 1.1 of briefs — all stories, blindspots, one search, one
// section, one outlet, one story followed over time.
import { type Context, Hono } from "hono";
import type { Deps } from "../deps.ts";
import { baseUrl } from "../deps.ts";
import { toAtom } from "../feeds/atom.ts";
import { buildFeed, type Feed, storyFeed } from "../feeds/feed.ts";
import { toJsonFeed } from "../feeds/jsonfeed.ts";
import { HttpError } from "../http-error.ts";
import type { StoryModel } from "../model.ts";
import { sectionFeedHref, sectionHref, storyFeedHref } from "../views/paths.ts";
import { movedStory } from "./moved.ts";
import { queryOf, searchOrFail } from "./pages.ts";

/** Entries per feed: a day or two of stories, the size feed readers expect. */
export const FEED_ITEMS = 50;
/** Feed readers poll; a few minutes of caching costs nothing in freshness. */
const FEED_CACHE_CONTROL = "public, max-age=300";

function send(c: Context, feed: Feed, format: "atom" | "json") {
  c.header("Cache-Control", FEED_CACHE_CONTROL);
  if (format === "atom")
    return c.body(toAtom(feed), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
  return c.body(toJsonFeed(feed), 200, { "Content-Type": "application/feed+json; charset=utf-8" });
}

async function searchModels(deps: Deps, q: string): Promise<StoryModel[]> {
  const hits = await searchOrFail(deps, q, FEED_ITEMS * 2);
  const ids = [...new Set(hits.map((h) => h.storyId).filter((id): id is string => id !== null))];
  const models = await Promise.all(
    ids.slice(0, FEED_ITEMS).map((id) => deps.reader.storyModel(id)),
  );
  return models.filter((m): m is StoryModel => m !== null && m.brief !== null);
}

export function feedRoutes(deps: Deps): Hono {
  const app = new Hono();
  /** A feed of a list the Reader keeps: all recent stories, or the blindspots. */
  const listFeed =
    (name: string, title: string, homePath: string, load: () => Promise<StoryModel[]>) =>
    (format: "atom" | "json") =>
    async (c: Context) => {
      const feed = buildFeed(await load(), {
        baseUrl: baseUrl(c, deps),
        title,
        homePath,
        selfPath: `feeds/${name}.${format}`,
        idPath: name,
      });
      return send(c, feed, format);
    };
  const all = listFeed("stories", "Storyline: all stories", "./", () =>
    deps.reader.recentWithBriefs(FEED_ITEMS),
  );
  app.get("/feeds/stories.atom", all("atom"));
  app.get("/feeds/stories.json", all("json"));
  const blindspots = listFeed("blindspots", "Storyline: blindspots", "blindspots", () =>
    deps.reader.blindspots(FEED_ITEMS),
  );
  app.get("/feeds/blindspots.atom", blindspots("atom"));
  app.get("/feeds/blindspots.json", blindspots("json"));

  const search = (format: "atom" | "json") => async (c: Context) => {
    const q = queryOf(c.req.query("q"));
    if (!q) throw new HttpError(400, "serve: give a query as ?q=");
    const models = await deps.reader.cached(`feed-search:${q}`, () => searchModels(deps, q));
    const enc = encodeURIComponent(q);
    const feed = buildFeed(models, {
      baseUrl: baseUrl(c, deps),
      title: `Storyline: search for “${q}”`,
      homePath: `search?q=${enc}`,
      selfPath: `feeds/search.${format}?q=${enc}`,
      idPath: `search/${enc}`,
    });
    return send(c, feed, format);
  };
  app.get("/feeds/search.atom", search("atom"));
  app.get("/feeds/search.json", search("json"));

  // One story followed over time: its brief and each development.
  app.get("/feeds/stories/:file", async (c) => {
    const match = /^(.+)\.(atom|json)$/.exec(c.req.param("file"));
    if (!match) throw new HttpError(404, "serve: story feeds end in .atom or .json");
    const id = match[1]!;
    const format = match[2] as "atom" | "json";
    const model = await deps.reader.storyModel(id);
    if (!model) return movedStory(c, deps, id, (into) => storyFeedHref(into, format));
    const feed = storyFeed(model, {
      baseUrl: baseUrl(c, deps),
      selfPath: storyFeedHref(id, format).slice(1),
    });
    return send(c, feed, format);
  });

  app.get("/feeds/sections/:file", async (c) => {
    const match = /^(.+)\.(atom|json)$/.exec(c.req.param("file"));
    if (!match) throw new HttpError(404, "serve: section feeds end in .atom or .json");
    const format = match[2] as "atom" | "json";
    const section = await deps.reader.sectionPage(match[1]!, 0, FEED_ITEMS);
    if (!section) throw new HttpError(404, "serve: no such section");
    const feed = buildFeed(section.items, {
      baseUrl: baseUrl(c, deps),
      title: `Storyline: ${section.name}`,
      homePath: sectionHref(section.name).slice(1),
      selfPath: sectionFeedHref(section.name, format).slice(1),
      idPath: `section/${encodeURIComponent(section.name)}`,
    });
    return send(c, feed, format);
  });

  app.get("/feeds/outlet/:file", async (c) => {
    const match = /^(.+)\.(atom|json)$/.exec(c.req.param("file"));
    if (!match) throw new HttpError(404, "serve: outlet feeds end in .atom or .json");
    const name = match[1]!;
    const format = match[2] as "atom" | "json";
    const coverage = await deps.reader.outletCoverage(name);
    if (!coverage) throw new HttpError(404, "serve: no such outlet");
    const models = coverage.stories.map((s) => s.model);
    const enc = encodeURIComponent(name);
    const feed = buildFeed(models.slice(0, FEED_ITEMS), {
      baseUrl: baseUrl(c, deps),
      title: `Storyline: stories covered by ${coverage.name}`,
      homePath: `outlets/${enc}`,
      selfPath: `feeds/outlet/${enc}.${format}`,
      idPath: `outlet/${enc}`,
    });
    return send(c, feed, format);
  });
  return app;
}

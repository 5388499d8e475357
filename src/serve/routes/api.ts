// The JSON API, health check and metrics.
import { Hono } from "hono";
import type { Deps } from "../deps.ts";
import { baseUrl } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import type { ArticleSummary, StoryModel } from "../model.ts";
import { hitWithMatches } from "../snippet.ts";
import {
  outletFeedHref,
  outletHref,
  sectionFeedHref,
  sectionHref,
  storyFeedHref,
} from "../views/paths.ts";
import { isNewSince } from "../visit.ts";
import { movedStory } from "./moved.ts";
import { queryOf, SEARCH_RESULTS, searchOrFail } from "./pages.ts";

export const API_DEFAULT_LIMIT = 20;
export const API_MAX_LIMIT = 100;
/** Offsets past the ranked candidate list make no sense; bound them anyway. */
const API_MAX_OFFSET = 100_000;

function intParam(
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
  name: string,
): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new HttpError(400, `serve: ${name} must be an integer from ${min} to ${max}`);
  return n;
}

function storySummary(m: StoryModel, base: string) {
  return {
    id: m.story.id,
    title: m.brief?.headline || m.story.title,
    dek: m.brief?.dek ?? null,
    firstSeen: m.story.firstSeen,
    lastUpdated: m.story.lastUpdated,
    // What a client sends back as `?since=`: newSince compares fetch times, and lastUpdated (a
    // publication time) is earlier than its own article's fetch, so it would re-report that article.
    seenUntil: isoOrNull(m.newestFetchedAt),
    articleCount: m.articles.size,
    outletCount: m.outlets.length,
    outlets: m.outlets,
    spread: m.spread,
    sections: m.sections,
    url: new URL(`stories/${encodeURIComponent(m.story.id)}`, base).href,
    apiUrl: new URL(`api/stories/${encodeURIComponent(m.story.id)}`, base).href,
    feeds: {
      atom: new URL(storyFeedHref(m.story.id, "atom").slice(1), base).href,
      json: new URL(storyFeedHref(m.story.id, "json").slice(1), base).href,
    },
  };
}

function articleJson(a: ArticleSummary) {
  return {
    id: a.id,
    outlet: a.outlet,
    outletDomain: a.outletDomain,
    url: a.href,
    headline: a.headline,
    byline: a.byline,
    publishedAt: a.publishedAt,
    fetchedAt: a.fetchedAt,
    language: a.language,
    opinion: a.opinion,
  };
}

function isoOrNull(value: string | null): string | null {
  const t = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** A date and time with its zone: without one, Date.parse would read it in the server's zone. */
const SINCE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/** `?since=` as epoch ms: an ISO 8601 time with a zone (what a client stores from `seenUntil`). */
function sinceParam(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  // An unencoded "+01:00" arrives as " 01:00": a query string reads "+" as a space.
  const text = value.replace(/ (\d\d:\d\d)$/, "+$1");
  const t = SINCE_TIME.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(t)) {
    throw new HttpError(
      400,
      "serve: since must be an ISO 8601 time with a zone (Z or ±hh:mm), such as a story's seenUntil",
    );
  }
  return t;
}

/** What arrived after `since`, as the story page marks it "new": articles fetched later, the
 * brief's sentences and timeline entries they support. */
function newSince(m: StoryModel, since: number) {
  const fresh = (ids: readonly string[]) =>
    ids.some((id) => isNewSince(m.articles.get(id)?.fetchedAt, since));
  return {
    since: new Date(since).toISOString(),
    articleIds: [...m.articles.values()]
      .filter((a) => isNewSince(a.fetchedAt, since))
      .map((a) => a.id),
    sentences: (m.brief?.paragraphs ?? [])
      .flatMap((p) => p.sentences)
      .filter((s) => fresh(s.articleIds))
      .map((s) => s.text),
    timeline: (m.brief?.timeline ?? []).filter((e) => fresh(e.articleIds)),
  };
}

export function apiRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get("/api/stories", async (c) => {
    const limit = intParam(c.req.query("limit"), API_DEFAULT_LIMIT, 1, API_MAX_LIMIT, "limit");
    const offset = intParam(c.req.query("offset"), 0, 0, API_MAX_OFFSET, "offset");
    const { items, total } = await deps.reader.frontPage(offset, limit);
    const base = baseUrl(c, deps);
    const next =
      offset + limit < total
        ? new URL(`api/stories?limit=${limit}&offset=${offset + limit}`, base).href
        : null;
    return c.json({ stories: items.map((m) => storySummary(m, base)), offset, limit, total, next });
  });

  app.get("/api/stories/:id", async (c) => {
    const since = sinceParam(c.req.query("since"));
    const m = await deps.reader.storyModel(c.req.param("id"));
    if (!m) {
      return movedStory(
        c,
        deps,
        c.req.param("id"),
        (id) => `/api/stories/${encodeURIComponent(id)}`,
      );
    }
    return c.json({
      ...(since === null ? {} : { new: newSince(m, since) }),
      story: {
        ...storySummary(m, baseUrl(c, deps)),
        articleIds: m.story.articleIds,
        topTerms: m.story.topTerms,
      },
      brief: m.brief,
      articles: [...m.articles.values()].map(articleJson),
      splits: m.splits.map((s) => ({
        ...s,
        url: new URL(`stories/${encodeURIComponent(s.id)}`, baseUrl(c, deps)).href,
      })),
    });
  });

  app.get("/api/sections", async (c) => {
    const base = baseUrl(c, deps);
    const sections = (await deps.reader.sections()).map((s) => ({
      name: s.name,
      sources: s.sources,
      url: new URL(sectionHref(s.name).slice(1), base).href,
      apiUrl: new URL(`api${sectionHref(s.name)}`, base).href,
    }));
    return c.json({ sections });
  });

  app.get("/api/sections/:name", async (c) => {
    const limit = intParam(c.req.query("limit"), API_DEFAULT_LIMIT, 1, API_MAX_LIMIT, "limit");
    const offset = intParam(c.req.query("offset"), 0, 0, API_MAX_OFFSET, "offset");
    const section = await deps.reader.sectionPage(c.req.param("name"), offset, limit);
    if (!section) throw new HttpError(404, "serve: no such section");
    const base = baseUrl(c, deps);
    const path = `api${sectionHref(section.name)}`;
    const next =
      offset + limit < section.total
        ? new URL(`${path}?limit=${limit}&offset=${offset + limit}`, base).href
        : null;
    return c.json({
      name: section.name,
      url: new URL(sectionHref(section.name).slice(1), base).href,
      feeds: {
        atom: new URL(sectionFeedHref(section.name, "atom").slice(1), base).href,
        json: new URL(sectionFeedHref(section.name, "json").slice(1), base).href,
      },
      totalStories: section.stories,
      stories: section.items.map((m) => storySummary(m, base)),
      offset,
      limit,
      total: section.total,
      next,
    });
  });

  app.get("/api/outlets", async (c) => {
    const base = baseUrl(c, deps);
    const outlets = (await deps.reader.outletDirectory()).map((o) => ({
      name: o.name,
      domains: o.domains,
      articles: o.articles,
      described: o.entry,
      url: new URL(outletHref(o.name).slice(1), base).href,
    }));
    return c.json({ outlets });
  });

  app.get("/api/outlets/:name", async (c) => {
    const coverage = await deps.reader.outletCoverage(c.req.param("name"));
    if (!coverage) throw new HttpError(404, "serve: no such outlet");
    const base = baseUrl(c, deps);
    const name = c.req.param("name");
    return c.json({
      name: coverage.name,
      described: coverage.entry,
      url: new URL(outletHref(name).slice(1), base).href,
      feeds: {
        atom: new URL(outletFeedHref(name, "atom").slice(1), base).href,
        json: new URL(outletFeedHref(name, "json").slice(1), base).href,
      },
      totalStories: coverage.total,
      stories: coverage.stories.map(({ model, articles }) => ({
        ...storySummary(model, base),
        ownArticles: articles.map(articleJson),
      })),
    });
  });

  app.get("/api/search", async (c) => {
    const q = queryOf(c.req.query("q"));
    if (!q) throw new HttpError(400, "serve: give a query as ?q=");
    const limit = intParam(c.req.query("limit"), SEARCH_RESULTS, 1, API_MAX_LIMIT, "limit");
    const hits = (await searchOrFail(deps, q, limit)).map(hitWithMatches);
    return c.json({ query: q, hits });
  });

  app.get("/healthz", async (c) => {
    try {
      await deps.store.listStories({ limit: 1 });
      return c.json({ ok: true, store: deps.store.kind });
    } catch (cause) {
      throw new HttpError(503, "serve: the store does not answer", { cause });
    }
  });

  app.get("/metrics", async (c) => {
    const [articles, sources] = await Promise.all([
      deps.store.countArticles(),
      deps.store.listSources(),
    ]);
    const text = deps.metrics.render({
      storyline_articles: { help: "Articles in the store.", value: articles },
      storyline_sources: { help: "Sources followed.", value: sources.length },
      storyline_sources_failing: {
        help: "Sources whose last fetch failed.",
        value: sources.filter((s) => s.failureCount > 0 && !s.disabled).length,
      },
      storyline_sources_disabled: {
        help: "Sources disabled.",
        value: sources.filter((s) => s.disabled).length,
      },
    });
    return c.body(text, 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
  });
  return app;
}

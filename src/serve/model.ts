// What the pages need, read from the store with small caches so a page costs a couple of map
// look-ups: briefs are precomputed, so nothing heavy ever happens per request.
import { findSection, type SectionListing } from "../store/sections.ts";
import type { ArticleOutlet, Store } from "../store/store.ts";
import type { Article, Brief, Outlet, Platform, Story } from "../types.ts";
import { safeHref } from "./links.ts";
import { rankStories } from "./rank.ts";
import {
  type CoverageSpread,
  coverageSpread,
  entryFor,
  indexOutlets,
  type OutletIndex,
} from "./spread.ts";

/** The few article fields pages show; the body text never leaves the store for a page. */
export interface ArticleSummary {
  id: string;
  outlet: string;
  outletDomain: string;
  /** Absolute http(s) URL, or null when the stored URL may not become a link. */
  href: string | null;
  headline: string;
  byline: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  /** As the page gave it or its text showed it ("en-GB", "de"); null when neither did. */
  language: string | null;
  /** An opinion piece (see Article.opinion). */
  opinion: boolean;
}

/** A discussion thread about one of the story's articles, as linked from the story page. */
export interface ThreadLink {
  platform: Platform;
  /** Absolute http(s) URL of the thread. */
  href: string;
  title: string | null;
  comments: number;
}

export interface StoryModel {
  story: Story;
  brief: Brief | null;
  articles: Map<string, ArticleSummary>;
  /** Distinct outlet names, most articles first. */
  outlets: string[];
  /** Latest fetch time among the story's articles. */
  newestFetchedAt: string | null;
  /** Discussions of the story's articles (loaded for story pages only; empty elsewhere). */
  threads: ThreadLink[];
  /** Its outlets by lean, country and ownership, once the operator has described some outlet
   * (null before). */
  spread: CoverageSpread | null;
  /** The sections of the sources that brought its articles, the one with most first. */
  sections: string[];
  /** Stories this one was split from or split off (loaded for story pages only; empty elsewhere):
   * a reader who followed the whole finds where the rest of its coverage went. */
  splits: SplitLink[];
}

/** A story linked by a split: `from` when this story was split off it, `into` when it was split
 * off this story. */
export interface SplitLink {
  relation: "from" | "into";
  id: string;
  title: string;
}

/** One section's stories, ranked as the front page ranks: see Reader.sectionPage. */
export interface SectionPage {
  /** As the sources name it. */
  name: string;
  items: StoryModel[];
  /** Stories ranked (the most recently updated RANK_CANDIDATES of the section at most). */
  total: number;
  /** Stories in the section in all. */
  stories: number;
}

/** One outlet's recent coverage: see Reader.outletCoverage. */
export interface OutletCoverage {
  /** As its articles name it (else as the operator did). */
  name: string;
  /** What the operator says about it, if anything. */
  entry: Outlet | null;
  /** The most recently updated stories it covered, with its own articles in each. */
  stories: { model: StoryModel; articles: ArticleSummary[] }[];
  /** Stories it covered in all. */
  total: number;
}

/** One row of the outlet directory: see Reader.outletDirectory. */
export interface OutletListing {
  /** As the operator named it, else as most of its articles do. */
  name: string;
  /** The domains its articles came from, most articles first. */
  domains: string[];
  articles: number;
  entry: Outlet | null;
}

/** Stories shown on one outlet's page and feed: the most recently updated it covered. */
export const OUTLET_STORIES = 50;
/** Stories considered for the front page: the most recently updated ones (older ones have decayed). */
export const RANK_CANDIDATES = 300;
/** A story with more articles than this is summarised from its first ones (pages list them all otherwise). */
export const MAX_ARTICLES_PER_STORY = 2000;
/** Article URLs a story page looks threads up by; a bigger story's first ones carry its discussions. */
export const MAX_THREAD_LOOKUP_URLS = 500;
/** Thread links (which load every comment to count them) are looked up again this often: comment
 *  counts creep up as threads are re-polled, and a minute-old count is fine on a story page. */
export const THREAD_LINKS_TTL_MS = 60_000;
/** Article summaries kept in memory (a few hundred bytes each). */
export const SUMMARY_CACHE_ENTRIES = 5000;
/** Pages may be this stale: a new brief shows within a second while a busy server reads the store a few times a second. */
export const DEFAULT_CACHE_TTL_MS = 1000;

export function summarise(a: Article): ArticleSummary {
  return {
    id: a.id,
    outlet: a.outlet,
    outletDomain: a.outletDomain,
    href: safeHref(a.canonicalUrl) ?? safeHref(a.url),
    headline: a.headline,
    byline: a.byline,
    publishedAt: a.publishedAt,
    fetchedAt: a.fetchedAt,
    language: a.language,
    // Fixtures and stores written before opinion existed may leave it out.
    opinion: a.opinion === true,
  };
}

interface ArticleSet {
  articles: Map<string, ArticleSummary>;
  outlets: string[];
  newestFetchedAt: string | null;
}

function articleSet(list: ArticleSummary[]): ArticleSet {
  const counts = new Map<string, number>();
  let newest: string | null = null;
  for (const a of list) {
    counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1);
    if (!newest || a.fetchedAt > newest) newest = a.fetchedAt;
  }
  const outlets = [...counts]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map((e) => e[0]);
  return { articles: new Map(list.map((a) => [a.id, a])), outlets, newestFetchedAt: newest };
}

class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, now: number, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    if (this.ttlMs > 0) {
      this.entries.delete(key);
      this.entries.set(key, { at: now, value });
      if (this.entries.size > this.maxEntries)
        this.entries.delete(this.entries.keys().next().value!);
      value.catch(() => this.entries.delete(key));
    }
    return value;
  }
}

export interface ReaderOptions {
  cacheTtlMs?: number;
  now?: () => number;
}

export class Reader {
  private readonly summaries = new TtlCache<ArticleSet>(
    Number.POSITIVE_INFINITY,
    SUMMARY_CACHE_ENTRIES,
  );
  private readonly pages: TtlCache<unknown>;
  private readonly threads: TtlCache<ThreadLink[]>;
  readonly now: () => number;

  constructor(
    readonly store: Store,
    opts: ReaderOptions = {},
  ) {
    const ttl = opts.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.pages = new TtlCache(ttl, SUMMARY_CACHE_ENTRIES);
    this.threads = new TtlCache(ttl > 0 ? THREAD_LINKS_TTL_MS : 0, SUMMARY_CACHE_ENTRIES);
    this.now = opts.now ?? Date.now;
  }

  /** The story's articles, cached until the story changes (a new article bumps lastUpdated). */
  async articlesOf(story: Story): Promise<ArticleSummary[]> {
    return [...(await this.articleSet(story)).articles.values()];
  }

  /** The story's articles and what pages derive from them, computed once per story change. */
  private articleSet(story: Story): Promise<ArticleSet> {
    const key = `${story.id}|${story.lastUpdated}|${story.articleIds.length}`;
    return this.summaries.get(key, 0, async () => {
      const found = await this.store.listArticles({
        storyId: story.id,
        limit: MAX_ARTICLES_PER_STORY,
      });
      const have = new Set(found.map((a) => a.id));
      for (const id of story.articleIds.slice(0, MAX_ARTICLES_PER_STORY)) {
        if (have.has(id)) continue;
        const a = await this.store.getArticle(id);
        if (a) found.push(a);
      }
      return articleSet(found.map(summarise));
    });
  }

  private async model(story: Story, brief: Brief | null): Promise<StoryModel> {
    const set = await this.articleSet(story);
    const known = await this.outlets();
    const spread = known.size > 0 ? coverageSpread(set.articles.values(), known) : null;
    return { story, brief, ...set, threads: [], spread, sections: [], splits: [] };
  }

  /** The stories a story was split from or split off, that still exist. */
  private async splitLinks(id: string): Promise<SplitLink[]> {
    const links: SplitLink[] = [];
    for (const split of await this.store.splitsOf(id)) {
      const [relation, other] =
        split.into === id ? (["from", split.from] as const) : (["into", split.into] as const);
      const story = await this.store.getStory(other);
      if (!story) continue;
      const brief = await this.store.getBrief(other);
      links.push({ relation, id: other, title: brief?.headline || story.title });
    }
    return links;
  }

  /** Threads discussing any of the articles (by any URL it was reached by), with a link-safe
   * URL, most comments first. */
  private async threadLinks(articles: Iterable<ArticleSummary>): Promise<ThreadLink[]> {
    const ids = [...articles].map((a) => a.id);
    const found = await this.store.threadsForArticles(ids, MAX_THREAD_LOOKUP_URLS);
    return found
      .flatMap((t) => {
        const href = safeHref(t.url);
        return href
          ? [{ platform: t.platform, href, title: t.title, comments: t.comments.length }]
          : [];
      })
      .sort((a, b) => b.comments - a.comments);
  }

  storyModel(id: string): Promise<StoryModel | null> {
    return this.cached(`story:${id}`, async () => {
      const story = await this.store.getStory(id);
      if (!story) return null;
      const model = (
        await this.withSections([await this.model(story, await this.store.getBrief(id))])
      )[0]!;
      const key = `${story.id}|${story.lastUpdated}`;
      model.threads = await this.threads.get(key, this.now(), () =>
        this.threadLinks(model.articles.values()),
      );
      model.splits = await this.splitLinks(story.id);
      return model;
    });
  }

  /** Stories ranked for the front page (briefs included), cached briefly. */
  ranked(): Promise<StoryModel[]> {
    return this.cached("ranked", async () => {
      return this.rank(await this.store.listStories({ limit: RANK_CANDIDATES }));
    });
  }

  /** Stories in the front page's order, with their sections. */
  private async rank(stories: Story[]): Promise<StoryModel[]> {
    const models = await Promise.all(stories.map((s) => this.model(s, null)));
    const order = rankStories(
      models.map((m) => ({ m, outletCount: m.outlets.length, lastUpdated: m.story.lastUpdated })),
      this.now(),
    );
    return this.withSections(order.map((o) => o.m));
  }

  /** Ranked models (which leave briefs out) with their stories' latest briefs. */
  private withBriefs(models: StoryModel[]): Promise<StoryModel[]> {
    return Promise.all(
      models.map(async (m) => ({ ...m, brief: await this.store.getBrief(m.story.id) })),
    );
  }

  /** The models with their stories' sections (one query for all of them). */
  private async withSections(models: StoryModel[]): Promise<StoryModel[]> {
    if ((await this.sections()).length === 0) return models;
    const found = await this.store.sectionsOfStories(models.map((m) => m.story.id));
    return models.map((m) => ({ ...m, sections: found.get(m.story.id) ?? [] }));
  }

  /** Every section some source is in, read again at most once per cache period. */
  sections(): Promise<SectionListing[]> {
    return this.cached("sections", () => this.store.listSections());
  }

  /** One page of a section's stories (named in any case), ranked as the front page is, with
   * briefs loaded; null for a section no source is in. */
  sectionPage(name: string, offset: number, limit: number): Promise<SectionPage | null> {
    const wanted = name.trim().toLowerCase();
    return this.cached(`section:${wanted}:${offset}:${limit}`, async () => {
      const section = findSection(await this.sections(), name);
      if (section === undefined) return null;
      const { stories, total } = await this.store.storiesBySection(section.name, {
        limit: RANK_CANDIDATES,
      });
      const ranked = await this.rank(stories);
      const items = await this.withBriefs(ranked.slice(offset, offset + limit));
      return { name: section.name, items, total: ranked.length, stories: total };
    });
  }

  /** One page of the ranked list with briefs loaded. */
  frontPage(offset: number, limit: number): Promise<{ items: StoryModel[]; total: number }> {
    return this.cached(`front:${offset}:${limit}`, async () => {
      const all = await this.ranked();
      return { items: await this.withBriefs(all.slice(offset, offset + limit)), total: all.length };
    });
  }

  /** Ranked stories that are blindspots (see CoverageSpread), briefs loaded, at most `limit`. */
  blindspots(limit: number): Promise<StoryModel[]> {
    return this.cached(`blindspots:${limit}`, async () => {
      const flagged = (await this.ranked()).filter((m) => m.spread?.blindspot).slice(0, limit);
      return this.withBriefs(flagged);
    });
  }

  /** The OUTLET_STORIES most recently updated stories an outlet covered (named as its pages name
   * it, or by its domain, in any case, or as the operator describes it), with the outlet's
   * articles in each and what the operator says about it. Null when neither its articles nor the
   * operator know it. */
  outletCoverage(name: string): Promise<OutletCoverage | null> {
    const wanted = name.trim().toLowerCase();
    return this.cached(`outlet:${wanted}`, async () => {
      const index = await this.outlets();
      // The operator's entry by the name or domain asked for: its articles are the outlet's
      // whatever name their pages give (the name the "Who covers it" rows show).
      let entry = index.byName.get(wanted) ?? index.byDomain.get(wanted.replace(/^www\./, ""));
      const own = (await this.articleOutlets()).filter(
        (o) =>
          o.outlet.toLowerCase() === wanted ||
          o.domain.toLowerCase() === wanted ||
          (entry !== undefined && entryOf(o, index) === entry),
      );
      if (own.length === 0 && entry === undefined) return null;
      const biggest = own.reduce<ArticleOutlet | null>(
        (a, b) => (a && a.articles >= b.articles ? a : b),
        null,
      );
      entry ??= biggest ? entryOf(biggest, index) : undefined;
      const { stories, total } = await this.store.storiesByOutlet(own, { limit: OUTLET_STORIES });
      const pairs = new Set(own.map((o) => `${o.domain} ${o.outlet}`));
      const covered = await Promise.all(
        stories.map(async (story) => {
          const model = await this.model(story, await this.store.getBrief(story.id));
          const articles = [...model.articles.values()].filter((a) =>
            pairs.has(`${a.outletDomain} ${a.outlet}`),
          );
          return { model, articles };
        }),
      );
      const models = await this.withSections(covered.map((c) => c.model));
      return {
        name: entry?.name ?? biggest?.outlet ?? entry?.domain ?? name,
        entry: entry ?? null,
        stories: covered.map((c, i) => ({ ...c, model: models[i]! })),
        total,
      };
    });
  }

  /** Every outlet the articles name, grouped as the operator describes them (an entry's domains
   * and names are one outlet), most articles first. */
  outletDirectory(): Promise<OutletListing[]> {
    return this.cached("outlet-directory", async () => {
      const index = await this.outlets();
      const byKey = new Map<Outlet | string, { entry: Outlet | null; rows: ArticleOutlet[] }>();
      for (const row of await this.articleOutlets()) {
        const entry = entryOf(row, index);
        const key = entry ?? row.outlet.toLowerCase();
        const group = byKey.get(key) ?? { entry: entry ?? null, rows: [] };
        group.rows.push(row);
        byKey.set(key, group);
      }
      const listings = [...byKey.values()].map(({ entry, rows }) => {
        rows.sort((a, b) => b.articles - a.articles);
        const domains = new Map<string, number>();
        for (const r of rows) domains.set(r.domain, (domains.get(r.domain) ?? 0) + r.articles);
        return {
          name: entry?.name ?? rows[0]!.outlet,
          domains: [...domains.entries()].sort((a, b) => b[1] - a[1]).map(([d]) => d),
          articles: rows.reduce((n, r) => n + r.articles, 0),
          entry,
        };
      });
      return listings.sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
    });
  }

  /** The (outlet name, domain) pairs the articles carry, read again at most once per cache
   * period. */
  private articleOutlets(): Promise<ArticleOutlet[]> {
    return this.cached("article-outlets", () => this.store.listArticleOutlets());
  }

  /** Stories in most-recent order with briefs, for feeds. */
  recentWithBriefs(limit: number): Promise<StoryModel[]> {
    return this.cached(`recent:${limit}`, async () => {
      const stories = await this.store.listStories({ limit });
      return this.withSections(
        await Promise.all(stories.map(async (s) => this.model(s, await this.store.getBrief(s.id)))),
      );
    });
  }

  /** What the operator says about outlets, read (and indexed) again at most once per cache
   * period. */
  outlets(): Promise<OutletIndex> {
    return this.cached("outlets", async () => indexOutlets(await this.store.listOutlets()));
  }

  cached<V>(key: string, load: () => Promise<V>): Promise<V> {
    return this.pages.get(key, this.now(), load) as Promise<V>;
  }
}

/** The operator's entry for an outlet as the articles name it (see entryFor). */
function entryOf(o: ArticleOutlet, index: OutletIndex): Outlet | undefined {
  return entryFor({ outlet: o.outlet, outletDomain: o.domain }, index);
}

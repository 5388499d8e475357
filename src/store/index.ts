// openStore: a postgres:// or postgresql:// URL opens PostgreSQL, anything else is a SQLite
// file path (":memory:" allowed). Migrations run on open. See postgres.ts for URL options.
import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync } from "node:fs";
import type {
  Article,
  Brief,
  NewSource,
  Outlet,
  SearchHit,
  Source,
  Story,
  Thread,
} from "../types.ts";
import * as articles from "./articles.ts";
import * as briefs from "./briefs.ts";
import type { Db } from "./db.ts";
import { migrate } from "./migrations.ts";
import * as outlets from "./outlets.ts";
import { openPostgres, parsePgUrl } from "./postgres.ts";
import * as prune from "./prune.ts";
import * as searchTable from "./search.ts";
import * as sections from "./sections.ts";
import * as sources from "./sources.ts";
import { openSqlite } from "./sqlite.ts";
import * as state from "./state.ts";
import type {
  ArticleOutlet,
  ArticlePage,
  ArticleQuery,
  SourcePatch,
  Store,
  StoryQuery,
} from "./store.ts";
import type { StorySplit } from "./stories.ts";
import * as stories from "./stories.ts";
import * as threads from "./threads.ts";

export type { PruneCounts } from "./prune.ts";
export type { SectionListing } from "./sections.ts";
// The Store interface and the records its methods take and give.
export type * from "./store.ts";

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export async function openStore(db: string): Promise<Store> {
  if (isPostgresUrl(db)) {
    const target = parsePgUrl(db);
    const conn = openPostgres(target);
    try {
      await migrate(conn, target.schema);
    } catch (cause) {
      await conn.close();
      throw new Error("store: cannot migrate PostgreSQL database", { cause });
    }
    return new SqlStore(conn);
  }
  const conn = openSqlite(db);
  try {
    await migrate(conn);
  } catch (cause) {
    await conn.close();
    throw new Error(`store: cannot migrate SQLite database ${db}`, { cause });
  }
  return new SqlStore(conn);
}

/** The transaction a call runs in, if any: calls made inside `transaction(fn)` join it. */
interface TxScope {
  owner: SqlStore;
  db: Db;
  /** False once the transaction ended, so a straggling call cannot run on a finished one. */
  active: boolean;
}
const txScope = new AsyncLocalStorage<TxScope>();

/** The Store, one method per table function; the dialect lives in the Db it is given. */
class SqlStore implements Store {
  readonly kind: "sqlite" | "postgres";
  constructor(private readonly base: Db) {
    this.kind = base.dialect;
  }

  private get db(): Db {
    const scope = txScope.getStore();
    return scope?.active && scope.owner === this ? scope.db : this.base;
  }

  close(): Promise<void> {
    return this.base.close();
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const current = txScope.getStore();
    if (current?.active && current.owner === this) return fn();
    return this.base.tx(async (db) => {
      const scope: TxScope = { owner: this, db, active: true };
      try {
        return await txScope.run(scope, fn);
      } finally {
        scope.active = false;
      }
    });
  }

  addSource(source: NewSource): Promise<Source> {
    return sources.addSource(this.db, source);
  }
  getSourceByUrl(url: string): Promise<Source | null> {
    return sources.getSourceByUrl(this.db, url);
  }
  getSource(id: number): Promise<Source | null> {
    return sources.getSource(this.db, id);
  }
  listSources(): Promise<Source[]> {
    return sources.listSources(this.db);
  }
  updateSource(id: number, patch: SourcePatch): Promise<void> {
    return sources.updateSource(this.db, id, patch);
  }
  deleteSource(id: number): Promise<void> {
    return sources.deleteSource(this.db, id);
  }

  putArticle(article: Article): Promise<boolean> {
    return articles.putArticle(this.db, article);
  }
  getArticle(id: string): Promise<Article | null> {
    return articles.getArticle(this.db, id);
  }
  addArticleUrls(articleId: string, urls: string[]): Promise<void> {
    return articles.addArticleUrls(this.db, articleId, urls);
  }
  articleIdByUrl(url: string): Promise<string | null> {
    return articles.articleIdByUrl(this.db, url);
  }
  listArticles(query?: ArticleQuery): Promise<Article[]> {
    return articles.listArticles(this.db, query);
  }

  listArticlePage(query: ArticleQuery & { limit: number }, after?: string): Promise<ArticlePage> {
    return articles.listArticlePage(this.db, query, after);
  }
  countArticles(): Promise<number> {
    return articles.countArticles(this.db);
  }
  listArticleOutlets(): Promise<ArticleOutlet[]> {
    return articles.listArticleOutlets(this.db);
  }
  assignArticle(articleId: string, storyId: string, duplicateOf: string | null): Promise<void> {
    return articles.assignArticle(this.db, articleId, storyId, duplicateOf);
  }

  async backupTo(path: string): Promise<void> {
    if (this.kind === "postgres")
      throw new Error("store: back up PostgreSQL with pg_dump; backupTo copies SQLite files");
    if (existsSync(path)) throw new Error(`store: ${path} exists; back up to a new file`);
    await this.db.run("VACUUM INTO ?", [path]);
  }

  pruneStories(before: string, limit: number): Promise<prune.PruneCounts> {
    return prune.pruneStories(this.db, before, limit);
  }

  putThread(thread: Thread): Promise<void> {
    return threads.putThread(this.db, thread);
  }
  listThreads(): Promise<Thread[]> {
    return threads.listThreads(this.db);
  }
  threadsForUrls(urls: string[]): Promise<Thread[]> {
    return threads.threadsForUrls(this.db, urls);
  }
  threadsForArticles(articleIds: string[], maxUrls?: number): Promise<Thread[]> {
    return threads.threadsForArticles(this.db, articleIds, maxUrls);
  }

  putStory(story: Story): Promise<void> {
    return stories.putStory(this.db, story);
  }
  deleteStory(id: string): Promise<void> {
    return stories.deleteStory(this.db, id);
  }
  recordMerge(from: string, into: string): Promise<void> {
    return stories.recordMerge(this.db, from, into);
  }
  mergedInto(id: string): Promise<string | null> {
    return stories.mergedInto(this.db, id);
  }
  recordSplit(from: string, into: string): Promise<void> {
    return stories.recordSplit(this.db, from, into);
  }
  listSplits(): Promise<StorySplit[]> {
    return stories.listSplits(this.db, null);
  }
  splitsOf(id: string): Promise<StorySplit[]> {
    return stories.listSplits(this.db, id);
  }
  getStory(id: string): Promise<Story | null> {
    return stories.getStory(this.db, id);
  }
  listStories(query?: StoryQuery): Promise<Story[]> {
    return stories.listStories(this.db, query);
  }
  storiesByOutlet(
    outlets: Pick<ArticleOutlet, "outlet" | "domain">[],
    query?: StoryQuery,
  ): Promise<{ stories: Story[]; total: number }> {
    return stories.storiesByOutlet(this.db, outlets, query);
  }

  linkArticleSource(articleId: string, sourceId: number): Promise<void> {
    return sections.linkArticleSource(this.db, articleId, sourceId);
  }
  listSections(): Promise<sections.SectionListing[]> {
    return sections.listSections(this.db);
  }
  storiesBySection(
    section: string,
    query?: StoryQuery,
  ): Promise<{ stories: Story[]; total: number }> {
    return sections.storiesBySection(this.db, section, query);
  }
  sectionsOfStories(storyIds: string[]): Promise<Map<string, string[]>> {
    return sections.sectionsOfStories(this.db, storyIds);
  }

  putBrief(brief: Brief): Promise<void> {
    return briefs.putBrief(this.db, brief);
  }
  getBrief(storyId: string): Promise<Brief | null> {
    return briefs.getBrief(this.db, storyId);
  }
  listBriefs(storyId: string): Promise<Brief[]> {
    return briefs.listBriefs(this.db, storyId);
  }

  search(query: string, limit?: number): Promise<SearchHit[]> {
    return searchTable.search(this.db, query, limit);
  }

  putOutlets(list: Outlet[], replace = false): Promise<void> {
    return this.transaction(() => outlets.putOutlets(this.db, list, replace));
  }
  listOutlets(): Promise<Outlet[]> {
    return outlets.listOutlets(this.db);
  }

  getState(key: string): Promise<string | null> {
    return state.getState(this.db, key);
  }
  setState(key: string, value: string): Promise<void> {
    return state.setState(this.db, key, value);
  }
}

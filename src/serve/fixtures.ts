// Test fixtures: records from testdata/ written into a real store (never a mock).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../store/store.ts";
import type { Article, Brief, NewSource, Outlet, Source, Story, Thread } from "../types.ts";

export interface Fixtures {
  articles: Article[];
  stories: Story[];
  briefs: Brief[];
  threads: Thread[];
  sources: (NewSource & { patch?: Partial<Source> })[];
}

/** The clock the fixtures are written against: an hour after the last article arrived. */
export const FIXTURE_NOW = Date.parse("2026-11-26T09:00:00.000Z");

export function loadFixtures(): Fixtures {
  const read = (name: string) =>
    JSON.parse(readFileSync(join(import.meta.dirname, "testdata", name), "utf8"));
  return {
    articles: read("articles.json"),
    stories: read("stories.json"),
    briefs: read("briefs.json"),
    threads: read("threads.json"),
    sources: read("sources.json"),
  };
}

export async function fillStore(store: Store, fx: Fixtures): Promise<void> {
  for (const a of fx.articles) {
    await store.putArticle(a);
    if (a.storyId) await store.assignArticle(a.id, a.storyId, a.duplicateOf);
  }
  for (const s of fx.stories) await store.putStory(s);
  for (const b of fx.briefs) await store.putBrief(b);
  for (const t of fx.threads) await store.putThread(t);
  for (const { patch, ...src } of fx.sources) {
    const added = await store.addSource(src);
    if (patch) await store.updateSource(added.id, patch);
  }
}

/** Outlet entries giving only a lean, by domain: { "coastherald.example": "left", … }. */
export function leanings(leans: Record<string, string>): Outlet[] {
  return Object.entries(leans).map(([domain, lean]) => ({
    domain,
    name: null,
    country: null,
    ownership: null,
    lean,
  }));
}

// What an operator does to a source they follow, from the CLI (`storyline sources enable …`) or
// the sources page: the same three changes, with the same words back.
import type { NewSource, Source } from "../types.ts";
import type { Store } from "./store.ts";

export const SOURCE_ACTIONS = ["enable", "disable", "remove"] as const;
export type SourceAction = (typeof SOURCE_ACTIONS)[number];

export function isSourceAction(value: unknown): value is SourceAction {
  return SOURCE_ACTIONS.includes(value as SourceAction);
}

/** Applies the action; returns the sentence that says what happened. */
export async function changeSource(
  store: Store,
  source: Source,
  action: SourceAction,
): Promise<string> {
  switch (action) {
    case "enable":
      // Back on the schedule now, its failures forgotten: how a source the poller gave up on
      // (after too many failures in a row) is tried again once its site is fixed.
      await store.updateSource(source.id, {
        disabled: false,
        failureCount: 0,
        nextFetchAt: null,
        lastError: null,
      });
      return `enabled: ${source.url} (polled on the next round)`;
    case "disable":
      await store.updateSource(source.id, { disabled: true });
      return `disabled: ${source.url} (its articles stay; enable it to poll it again)`;
    case "remove":
      // Its articles stay: they belong to stories other sources share.
      await store.deleteSource(source.id);
      return `removed: ${source.url} (its articles stay)`;
  }
}

/** A source by the id `storyline sources` and the sources page show, or by its URL as stored. */
export async function findSource(store: Store, ref: string): Promise<Source | null> {
  if (/^\d{1,15}$/.test(ref)) return store.getSource(Number(ref));
  return store.getSourceByUrl(ref);
}

/** What followSource did. */
export type FollowOutcome = "added" | "moved" | "already there";

/** Follows the source: adds it, or, when its URL is followed already and it comes with a section
 * it is not in, moves it there (re-importing a reorganised OPML list, or adding a URL again with
 * another section). Returns the source as stored and what was done. */
export async function followSource(
  store: Store,
  source: NewSource,
): Promise<{ source: Source; outcome: FollowOutcome }> {
  const existing = await store.getSourceByUrl(source.url);
  if (existing === null) return { source: await store.addSource(source), outcome: "added" };
  const section = source.section ?? null;
  if (section === null || section === existing.section)
    return { source: existing, outcome: "already there" };
  await store.updateSource(existing.id, { section });
  return { source: { ...existing, section }, outcome: "moved" };
}

/** Puts the source in a section (null: in none). */
export async function setSection(
  store: Store,
  source: Source,
  section: string | null,
): Promise<string> {
  await store.updateSource(source.id, { section });
  return section === null
    ? `${source.url}: in no section`
    : `${source.url}: in section ${JSON.stringify(section)}`;
}

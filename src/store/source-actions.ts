// What an operator does to a source they follow, from the CLI (`storyline sources enable …`) or
// the sources page: the same three changes, with the same words back.
import type { Source } from "../types.ts";
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

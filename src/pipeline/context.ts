import type { Config } from "../config.ts";
import type { Fetcher } from "../ingest/fetch/index.ts";
import type { Store } from "../store/store.ts";
import { type Clusterer, type ClusterParams, createClusterer } from "../stories/index.ts";

/** Everything one pipeline process holds: the store, one fetcher, and the online clusterer. */
export interface PipelineContext {
  config: Config;
  store: Store;
  fetcher: Fetcher;
  clusterer: Clusterer;
  /** The clusterer's parameters, for a rebuild (see rebuildClusterer) to make one alike. */
  clusterParams: Partial<ClusterParams>;
  /** Set while the clusterer may disagree with the store (a rebuild failed): the next batch
   * rebuilds it first. */
  clustererStale: boolean;
  /** Stories whose brief must be (re)written. */
  changedStories: Set<string>;
}

/** A fresh context: an empty clusterer, to be restored from the store before use. */
export function newContext(
  config: Config,
  store: Store,
  fetcher: Fetcher,
  clusterParams: Partial<ClusterParams> = {},
): PipelineContext {
  return {
    config,
    store,
    fetcher,
    clusterer: createClusterer(clusterParams),
    clusterParams,
    clustererStale: false,
    changedStories: new Set(),
  };
}

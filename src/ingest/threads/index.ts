// Discussion threads: parsers per platform, fetchThread, discovery and the re-poll policy.
export { type DiscoveryApis, discoverThreadUrls, sameArticleKey } from "./discover.ts";
export { ThreadError } from "./error.ts";
export {
  fetchThread,
  hnHumanBase,
  recogniseThreadUrl,
  type ThreadApis,
  type ThreadTarget,
} from "./fetch.ts";
export { HN_HUMAN_BASE, parseHnAlgoliaThread } from "./hackernews-algolia.ts";
export {
  fetchHnFirebaseThread,
  MAX_FIREBASE_ITEMS,
  parseHnFirebaseItem,
} from "./hackernews-firebase.ts";
export { lemmyComments, lemmyThread, parseLemmyComments, parseLemmyPost } from "./lemmy.ts";
export { parseRedditThread, REDDIT_HUMAN_BASE } from "./reddit.ts";
export { REPOLL_MAX_MS, REPOLL_MIN_MS, THREAD_LIVE_MS, threadRepollAt } from "./repoll.ts";
export { MAX_THREAD_COMMENTS } from "./walk.ts";

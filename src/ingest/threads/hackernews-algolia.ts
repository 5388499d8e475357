// Hacker News through the Algolia items API (GET /api/v1/items/<id>): the whole tree in one
// response, comments nested in `children`, text as HTML.
import { z } from "zod";
import type { Comment, Thread } from "../../types.ts";
import { htmlToText, inlineText } from "../feeds/text.ts";
import { httpUrl } from "../feeds/url.ts";
import { optional } from "../lenient.ts";
import {
  guard,
  isoFromEpochSeconds,
  isoFromText,
  itemReader,
  readJson,
  ThreadError,
} from "./error.ts";
import { walkComments } from "./walk.ts";

export const HN_HUMAN_BASE = "https://news.ycombinator.com";

/** One node, checked shallowly; children are checked as the walk reaches them. */
const algoliaNode = z.object({
  id: z.union([z.number(), z.string().regex(/^\d+$/)]),
  created_at: optional(z.string()),
  created_at_i: optional(z.number()),
  type: optional(z.string()),
  author: optional(z.string()),
  title: optional(z.string()),
  url: optional(z.string()),
  text: optional(z.string()),
  points: optional(z.number()),
  // Not read leniently: a story whose replies are not a list is a shape change, not a blank.
  children: z.array(z.unknown()).nullish(),
});
type AlgoliaNode = z.infer<typeof algoliaNode>;

function postedAt(node: AlgoliaNode): string | null {
  return isoFromEpochSeconds(node.created_at_i) ?? isoFromText(node.created_at);
}

function toComment(humanBase: string) {
  return (node: AlgoliaNode, parentId: string | null): Comment | null => {
    const text = node.text ? htmlToText(node.text) : "";
    if (!node.author && text === "") return null; // deleted: no author, no text
    return {
      id: String(node.id),
      parentId,
      author: node.author ?? null,
      text,
      score: node.points ?? null,
      postedAt: postedAt(node),
      url: `${humanBase}/item?id=${node.id}`,
    };
  };
}

/** A Thread from an Algolia items response. `humanBase` is where people read HN (for URLs). */
export function parseHnAlgoliaThread(
  input: string | Buffer | unknown,
  fetchedAt: string,
  humanBase = HN_HUMAN_BASE,
): Thread {
  const root = guard(algoliaNode, readJson(input), "Hacker News item");
  if (root.type === "comment")
    throw new ThreadError(`Hacker News item ${root.id} is a comment, not a story`);
  const reader = itemReader(algoliaNode, "Hacker News item");
  const children = (node: AlgoliaNode) =>
    (node.children ?? []).flatMap((c) => reader.read(c) ?? []);
  const comments = walkComments(children(root), toComment(humanBase), children);
  reader.check();
  return hackerNewsThread(root, comments, humanBase, fetchedAt);
}

/** The Thread record of a Hacker News story, whichever API it was read from. */
export function hackerNewsThread(
  story: { id: number | string; title?: string | null; url?: string | null },
  comments: Comment[],
  humanBase: string,
  fetchedAt: string,
): Thread {
  return {
    id: `hackernews:${story.id}`,
    platform: "hackernews",
    url: `${humanBase}/item?id=${story.id}`,
    title: inlineText(story.title),
    articleUrl: httpUrl(story.url),
    comments,
    fetchedAt,
  };
}

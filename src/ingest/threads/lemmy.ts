// Lemmy API v3: GET /api/v3/post?id=N for the post, GET /api/v3/comment/list?post_id=N for a
// flat page of comments whose `path` ("0.12.34") lists every ancestor, the post being 0.
import { z } from "zod";
import type { Comment, Thread } from "../../types.ts";
import { parseFeedDate } from "../feeds/dates.ts";
import { decodeEntities, inlineText } from "../feeds/text.ts";
import { httpUrl } from "../feeds/url.ts";
import { optional } from "../lenient.ts";
import { guard, readItems, readJson } from "./error.ts";
import { walkComments } from "./walk.ts";

const person = optional(
  z.object({ name: optional(z.string()), display_name: optional(z.string()) }),
);
const counts = optional(z.object({ score: optional(z.number()) }));

const postResponse = z.object({
  post_view: z.object({
    post: z.object({
      id: z.number(),
      name: optional(z.string()),
      url: optional(z.string()),
      published: optional(z.string()),
    }),
  }),
});

const commentView = z.object({
  comment: z.object({
    id: z.number(),
    content: optional(z.string()),
    path: z.string().regex(/^0(\.\d+)*$/),
    published: optional(z.string()),
    deleted: optional(z.boolean()),
    removed: optional(z.boolean()),
  }),
  creator: person,
  counts,
});
const commentList = z.object({ comments: z.array(z.unknown()) });
type CommentView = z.infer<typeof commentView>;

export interface LemmyPost {
  id: number;
  title: string | null;
  articleUrl: string | null;
}

export function parseLemmyPost(input: string | Buffer | unknown): LemmyPost {
  const { post } = guard(postResponse, readJson(input), "Lemmy post").post_view;
  return { id: post.id, title: inlineText(post.name), articleUrl: httpUrl(post.url) };
}

/** One page of GET /api/v3/comment/list, a malformed comment skipped (see itemReader). */
export function parseLemmyComments(input: string | Buffer | unknown): CommentView[] {
  const { comments } = guard(commentList, readJson(input), "Lemmy comment list");
  return readItems(comments, commentView, "Lemmy comment");
}

/** Ancestor ids from a path, nearest first ("0.12.34" → ["12"] for comment 34). */
function ancestors(path: string): string[] {
  return path.split(".").slice(1, -1).reverse();
}

function isGone(v: CommentView): boolean {
  return Boolean(v.comment.deleted || v.comment.removed || !v.comment.content?.trim());
}

/**
 * Lemmy comments as ours, in reading order (siblings in API order). Parents come from `path`;
 * deleted, removed or unfetched ancestors are skipped over, so replies attach to the nearest kept one.
 */
export function lemmyComments(views: CommentView[], origin: string): Comment[] {
  const byId = new Map<string, CommentView>();
  for (const v of views) if (!byId.has(String(v.comment.id))) byId.set(String(v.comment.id), v);
  const kept = [...byId.values()].filter((v) => !isGone(v));
  const parentOf = (v: CommentView) =>
    ancestors(v.comment.path).find((a) => byId.has(a) && !isGone(byId.get(a)!)) ?? null;
  const children = new Map<string | null, CommentView[]>();
  for (const v of kept) {
    const parent = parentOf(v);
    const siblings = children.get(parent);
    if (siblings) siblings.push(v);
    else children.set(parent, [v]);
  }
  const toComment = (v: CommentView, parentId: string | null): Comment => ({
    id: String(v.comment.id),
    parentId,
    author: v.creator?.name ?? null,
    text: decodeEntities(v.comment.content!).trim(),
    score: v.counts?.score ?? null,
    postedAt: parseFeedDate(v.comment.published),
    url: `${origin}/comment/${v.comment.id}`,
  });
  return walkComments(
    children.get(null) ?? [],
    toComment,
    (v) => children.get(String(v.comment.id)) ?? [],
  );
}

export function lemmyThread(
  post: LemmyPost,
  views: CommentView[],
  origin: string,
  fetchedAt: string,
): Thread {
  return {
    id: `lemmy:${post.id}`,
    platform: "lemmy",
    url: `${origin}/post/${post.id}`,
    title: post.title,
    articleUrl: post.articleUrl,
    comments: lemmyComments(views, origin),
    fetchedAt,
  };
}

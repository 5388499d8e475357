// Discussion threads rendered in the shapes the real platforms' APIs return:
// Hacker News (Algolia items and search), Reddit (comments-page .json, /api/info.json) and Lemmy v3.
import type { DemoComment, DemoThread } from "./corpus.ts";
import { esc } from "./escape.ts";

/** Comment ids are the post id plus the comment's depth-first position plus one. */
function hnCommentId(thread: DemoThread, c: DemoComment): number {
  return Number(thread.postId) + c.index + 1;
}

/** Reddit ids are base 36; comments count up from a fixed base so they look like real ones. */
const REDDIT_COMMENT_BASE = parseInt("m3k000", 36);
function redditCommentId(c: DemoComment): string {
  return (REDDIT_COMMENT_BASE + c.index * 7).toString(36);
}

/** Lemmy comment ids live in their own sequence, well above the post ids. */
const LEMMY_COMMENT_BASE = 9_870_000;
function lemmyCommentId(thread: DemoThread, c: DemoComment): number {
  return LEMMY_COMMENT_BASE + (Number(thread.postId) % 1000) * 100 + c.index;
}

export function countComments(comments: DemoComment[]): number {
  return comments.reduce((n, c) => n + 1 + countComments(c.replies), 0);
}

function unix(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** HN comment text is HTML: escaped paragraphs separated by <p>. */
function hnHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => esc(p).replaceAll("'", "&#x27;"))
    .join("<p>");
}

function hnComment(thread: DemoThread, c: DemoComment, parentId: number): unknown {
  const id = hnCommentId(thread, c);
  return {
    id,
    created_at: c.postedAt,
    created_at_i: unix(c.postedAt),
    type: "comment",
    author: c.author,
    title: null,
    url: null,
    text: c.author === null ? null : hnHtml(c.text),
    points: null,
    parent_id: parentId,
    story_id: Number(thread.postId),
    options: [],
    children: c.replies.map((r) => hnComment(thread, r, id)),
  };
}

export function hnItem(thread: DemoThread, articleUrl: string): unknown {
  const id = Number(thread.postId);
  return {
    id,
    created_at: thread.postedAt,
    created_at_i: unix(thread.postedAt),
    type: "story",
    author: thread.author,
    title: thread.title,
    url: articleUrl,
    text: null,
    points: thread.score,
    parent_id: null,
    story_id: id,
    options: [],
    children: thread.comments.map((c) => hnComment(thread, c, id)),
  };
}

export function hnSearch(threads: DemoThread[], urlOf: (t: DemoThread) => string): unknown {
  return {
    hits: threads.map((t) => ({
      objectID: t.postId,
      story_id: Number(t.postId),
      title: t.title,
      url: urlOf(t),
      author: t.author,
      num_comments: countComments(t.comments),
      points: t.score,
      created_at: t.postedAt,
      created_at_i: unix(t.postedAt),
      _tags: ["story", `author_${t.author}`, `story_${t.postId}`],
    })),
    nbHits: threads.length,
    page: 0,
    nbPages: threads.length > 0 ? 1 : 0,
    hitsPerPage: 20,
  };
}

export function redditPermalink(thread: DemoThread): string {
  const slug = thread.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 50);
  return `/r/${thread.community}/comments/${thread.postId}/${slug}/`;
}

function redditPost(thread: DemoThread, articleUrl: string): unknown {
  return {
    id: thread.postId,
    name: `t3_${thread.postId}`,
    title: thread.title,
    url: articleUrl,
    domain: new URL(articleUrl).host,
    permalink: redditPermalink(thread),
    subreddit: thread.community,
    subreddit_name_prefixed: `r/${thread.community}`,
    author: thread.author,
    created_utc: unix(thread.postedAt),
    score: thread.score,
    ups: thread.score,
    num_comments: countComments(thread.comments),
    is_self: false,
    selftext: "",
    over_18: false,
  };
}

function redditComment(thread: DemoThread, c: DemoComment, parent: string, depth: number): unknown {
  const id = redditCommentId(c);
  const deleted = c.author === null;
  const replies = c.replies.map((r) => redditComment(thread, r, `t1_${id}`, depth + 1));
  return {
    kind: "t1",
    data: {
      id,
      name: `t1_${id}`,
      author: deleted ? "[deleted]" : c.author,
      body: deleted ? "[deleted]" : c.text,
      score: c.score,
      ups: c.score,
      created_utc: unix(c.postedAt),
      parent_id: parent,
      link_id: `t3_${thread.postId}`,
      subreddit: thread.community,
      permalink: `${redditPermalink(thread)}${id}/`,
      depth,
      replies: replies.length === 0 ? "" : listing(replies),
    },
  };
}

function listing(children: unknown[]): unknown {
  return { kind: "Listing", data: { after: null, before: null, dist: null, children } };
}

export function redditComments(thread: DemoThread, articleUrl: string): unknown {
  const top = thread.comments.map((c) => redditComment(thread, c, `t3_${thread.postId}`, 0));
  return [listing([{ kind: "t3", data: redditPost(thread, articleUrl) }]), listing(top)];
}

export function redditInfo(threads: DemoThread[], urlOf: (t: DemoThread) => string): unknown {
  return listing(threads.map((t) => ({ kind: "t3", data: redditPost(t, urlOf(t)) })));
}

export function lemmyPost(thread: DemoThread, articleUrl: string, base: string): unknown {
  return {
    post_view: {
      post: {
        id: Number(thread.postId),
        name: thread.title,
        url: articleUrl,
        ap_id: `${base}/post/${thread.postId}`,
        published: thread.postedAt,
        local: true,
        deleted: false,
      },
      creator: { name: thread.author, actor_id: `${base}/u/${thread.author}` },
      community: { name: thread.community, title: thread.community },
      counts: { score: thread.score, comments: countComments(thread.comments) },
    },
  };
}

/** Lemmy paginates comment lists; the API caps a page at 50. */
export const LEMMY_MAX_LIMIT = 50;

function flattenLemmy(thread: DemoThread, list: DemoComment[], path: string, out: unknown[]): void {
  for (const c of list) {
    const id = lemmyCommentId(thread, c);
    const own = `${path}.${id}`;
    const deleted = c.author === null;
    out.push({
      comment: {
        id,
        post_id: Number(thread.postId),
        content: deleted ? "" : c.text,
        path: own,
        published: c.postedAt,
        deleted,
        removed: false,
      },
      creator: { name: deleted ? "deleted_user" : c.author },
      counts: { score: c.score, child_count: countComments(c.replies) },
    });
    flattenLemmy(thread, c.replies, own, out);
  }
}

export function lemmyComments(thread: DemoThread, page: number, limit: number): unknown {
  const all: unknown[] = [];
  flattenLemmy(thread, thread.comments, "0", all);
  const size = Math.min(Math.max(limit, 1), LEMMY_MAX_LIMIT);
  const start = (Math.max(page, 1) - 1) * size;
  return { comments: all.slice(start, start + size) };
}

function commentHtml(c: DemoComment): string {
  const who = c.author ?? "[deleted]";
  const replies = c.replies.map(commentHtml).join("");
  return `<div class="comment"><p class="meta">${esc(who)} · ${c.score} points · <time datetime="${c.postedAt}">${c.postedAt}</time></p><div class="text">${esc(c.text)}</div>${replies}</div>`;
}

/** A plain human-facing page for a thread, whichever platform it imitates. */
export function threadPage(thread: DemoThread, articleUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(thread.title)}</title></head>
<body><h1><a href="${esc(articleUrl)}">${esc(thread.title)}</a></h1>
<p class="meta">${thread.score} points by ${esc(thread.author)} · ${countComments(thread.comments)} comments</p>
<div class="comments">${thread.comments.map(commentHtml).join("")}</div>
</body></html>
`;
}

/** The official HN (Firebase v0) API answers one item at a time, children as `kids` ids. */
export function hnFirebaseItems(thread: DemoThread, articleUrl: string): Map<number, unknown> {
  const items = new Map<number, unknown>();
  const storyId = Number(thread.postId);
  const walk = (c: DemoComment, parent: number): void => {
    const id = hnCommentId(thread, c);
    const deleted = c.author === null;
    items.set(id, {
      id,
      type: "comment",
      ...(deleted ? { deleted: true } : { by: c.author, text: hnHtml(c.text) }),
      time: unix(c.postedAt),
      parent,
      kids: c.replies.map((r) => hnCommentId(thread, r)),
    });
    for (const r of c.replies) walk(r, id);
  };
  items.set(storyId, {
    id: storyId,
    type: "story",
    by: thread.author,
    title: thread.title,
    url: articleUrl,
    score: thread.score,
    time: unix(thread.postedAt),
    descendants: countComments(thread.comments),
    kids: thread.comments.map((c) => hnCommentId(thread, c)),
  });
  for (const c of thread.comments) walk(c, storyId);
  return items;
}

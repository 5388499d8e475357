// Reddit comments JSON (GET <permalink>.json): an array of two Listings, the post and its
// comment tree; replies nest as Listings (or ""), "more" stubs stand for unloaded comments.
import { z } from "zod";
import type { Comment, Thread } from "../../types.ts";
import { decodeEntities, htmlToText, inlineText } from "../feeds/text.ts";
import { httpUrl } from "../feeds/url.ts";
import { optional } from "../lenient.ts";
import { guard, isoFromEpochSeconds, itemReader, readJson, ThreadError } from "./error.ts";
import { walkComments } from "./walk.ts";

export const REDDIT_HUMAN_BASE = "https://www.reddit.com";

const thing = z.object({ kind: z.string(), data: z.record(z.string(), z.unknown()) });
const listing = z.object({
  kind: z.literal("Listing"),
  data: z.object({ children: z.array(z.unknown()) }),
});
const pair = z.tuple([listing, listing]).rest(z.unknown());

const post = z.object({
  id: z.string(),
  title: optional(z.string()),
  url: optional(z.string()),
  permalink: optional(z.string()),
  is_self: optional(z.boolean()),
});

const comment = z.object({
  id: z.string(),
  author: optional(z.string()),
  body: optional(z.string()),
  body_html: optional(z.string()),
  score: optional(z.number()),
  created_utc: optional(z.number()),
  permalink: optional(z.string()),
  // Not read leniently: replies that are not a Listing make the comment malformed.
  replies: z.union([listing, z.literal(""), z.null()]).optional(),
});
type RedditComment = z.infer<typeof comment>;

const GONE = new Set(["[deleted]", "[removed]"]);

function commentText(c: RedditComment): string {
  // body_html is HTML escaped once more ("&lt;p&gt;"); body is markdown with &amp; &lt; &gt; escaped.
  if (c.body_html) return htmlToText(decodeEntities(c.body_html));
  return decodeEntities(c.body ?? "").trim();
}

function toComment(origin: string) {
  return (c: RedditComment, parentId: string | null): Comment | null => {
    const text = commentText(c);
    if (GONE.has(c.body?.trim() ?? "") || text === "") return null;
    return {
      id: c.id,
      parentId,
      author: c.author && !GONE.has(c.author) ? c.author : null,
      text,
      score: c.score ?? null,
      postedAt: isoFromEpochSeconds(c.created_utc),
      url: c.permalink ? httpUrl(c.permalink, origin) : null,
    };
  };
}

/** The comment tree under a post, a malformed comment skipped (see itemReader). */
function readComments(top: unknown[], origin: string): Comment[] {
  const reader = itemReader(comment, "Reddit comment");
  /** The t1 comments among a Listing's children; "more" stubs and other kinds are skipped. */
  const commentsIn = (children: unknown[]): RedditComment[] =>
    children.flatMap((c) => {
      const t = thing.safeParse(c);
      if (t.success && t.data.kind !== "t1") return [];
      return reader.read(t.success ? t.data.data : c) ?? [];
    });
  const repliesOf = (c: RedditComment) => (c.replies ? commentsIn(c.replies.data.children) : []);
  const comments = walkComments(commentsIn(top), toComment(origin), repliesOf);
  reader.check();
  return comments;
}

/** A Thread from a comments .json response. `origin` is where people read Reddit (for URLs). */
export function parseRedditThread(
  input: string | Buffer | unknown,
  fetchedAt: string,
  origin = REDDIT_HUMAN_BASE,
): Thread {
  const [postListing, commentListing] = guard(pair, readJson(input), "Reddit comments");
  const first = postListing.data.children[0];
  if (first === undefined) throw new ThreadError("Reddit response without a post");
  const t3 = guard(thing, first, "Reddit post");
  if (t3.kind !== "t3")
    throw new ThreadError(`Reddit response starts with a ${t3.kind}, not a post`);
  const p = guard(post, t3.data, "Reddit post");
  const url = p.permalink ? httpUrl(p.permalink, origin) : null;
  return {
    id: `reddit:${p.id}`,
    platform: "reddit",
    url: url ?? `${origin}/comments/${p.id}/`,
    title: inlineText(p.title),
    articleUrl: p.is_self ? null : httpUrl(decodeEntities(p.url ?? "")),
    comments: readComments(commentListing.data.children, origin),
    fetchedAt,
  };
}

import assert from "node:assert/strict";
import { test } from "node:test";
import { ThreadError } from "./error.ts";
import { parseHnAlgoliaThread } from "./hackernews-algolia.ts";
import { parseHnFirebaseItem } from "./hackernews-firebase.ts";
import { lemmyThread, parseLemmyComments, parseLemmyPost } from "./lemmy.ts";
import { parseRedditThread } from "./reddit.ts";
import { fixture } from "./testdata/loopback.ts";

const AT = "2026-11-26T12:00:00.000Z";
const threadError = (pattern: RegExp) => (err: unknown) =>
  err instanceof ThreadError && pattern.test(err.message);

test("HN Algolia: nested children flattened in reading order, HTML to text, deleted ones dropped", () => {
  const t = parseHnAlgoliaThread(fixture("hn-algolia-story.json"), AT);
  assert.equal(t.id, "hackernews:4242");
  assert.equal(t.platform, "hackernews");
  assert.equal(t.url, "https://news.ycombinator.com/item?id=4242");
  assert.equal(t.title, "Island nation signs reef treaty & sets quotas");
  assert.equal(t.articleUrl, "https://news.example.org/2026/11/25/reef-treaty");
  assert.equal(t.fetchedAt, AT);
  assert.deepEqual(
    t.comments.map((c) => [c.id, c.parentId, c.author]),
    [
      ["4243", null, "tidewatcher"],
      ["4245", "4243", "skeptic42"],
      ["4247", "4245", "tidewatcher"],
      ["4246", null, "reef_diver"], // its parent 4244 was deleted
      ["4248", null, "quiet_reader"],
    ],
  );
  const [first, second, third, fourth] = t.comments;
  assert.equal(
    first?.text,
    'This is the first treaty that actually sets numbers.\n\nQuotas start in "2027" / phase in over 5 years.',
  );
  assert.equal(second?.text, "Numbers on paper aren't enforcement. Who checks?");
  assert.equal(
    third?.text,
    "The text says: independent observers on every vessel. See https://treaty.example.org/text",
  );
  assert.match(
    fourth?.text ?? "",
    /coral cover is down 30% <since 2010>\.\n\ncover = 0\.7 \* baseline$/,
  );
  assert.equal(first?.postedAt, "2026-11-25T10:05:00.000Z");
  assert.equal(first?.url, "https://news.ycombinator.com/item?id=4243");
});

test("HN Algolia: an Ask HN has no article URL; the human base can be any host", () => {
  const t = parseHnAlgoliaThread(fixture("hn-algolia-ask.json"), AT, "http://127.0.0.1:8080");
  assert.equal(t.articleUrl, null);
  assert.equal(t.url, "http://127.0.0.1:8080/item?id=5000");
  assert.deepEqual(t.comments, []);
});

test("HN Algolia: malformed JSON and shapes give one-line thread errors", () => {
  assert.throws(
    () => parseHnAlgoliaThread(fixture("hn-algolia-malformed.json"), AT),
    threadError(/^thread: unexpected Hacker News item shape: id: /),
  );
  assert.throws(
    () => parseHnAlgoliaThread('{"id": 1, "children": [', AT),
    threadError(/^thread: malformed JSON: /),
  );
  assert.throws(
    () => parseHnAlgoliaThread("[]", AT),
    threadError(/^thread: unexpected Hacker News item shape/),
  );
});

test("HN Algolia: a comment whose date is not a date is kept, undated", () => {
  const t = parseHnAlgoliaThread(fixture("hn-algolia-bad-dates.json"), AT);
  assert.deepEqual(
    t.comments.map((c) => [c.author, c.postedAt]),
    [
      ["islander", null],
      ["deckhand", null],
      ["commuter", "2026-11-20T10:00:00.000Z"],
    ],
  );
});

test("HN Firebase: one item parsed; null is 'no such item'", () => {
  const items = JSON.parse(fixture("hn-firebase-items.json"));
  const story = parseHnFirebaseItem(JSON.stringify(items["900"]));
  assert.deepEqual(story.kids, [901, 902, 905]);
  assert.equal(story.score, 120);
  assert.throws(
    () => parseHnFirebaseItem("null"),
    threadError(/^thread: no such Hacker News item$/),
  );
  assert.throws(
    () => parseHnFirebaseItem('{"id": "x"}'),
    threadError(/^thread: unexpected Hacker News item shape: id: /),
  );
});

test("Reddit: post + nested replies, 'more' stubs skipped, [deleted]/[removed] handled", () => {
  const t = parseRedditThread(fixture("reddit-comments.json"), AT);
  assert.equal(t.id, "reddit:1abcde");
  assert.equal(
    t.url,
    "https://www.reddit.com/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty/",
  );
  assert.equal(t.title, "Island nation signs reef treaty & sets quotas");
  assert.equal(t.articleUrl, "https://news.example.org/2026/11/25/reef-treaty?utm_source=x&ref=y");
  assert.deepEqual(
    t.comments.map((c) => [c.id, c.parentId, c.author, c.score]),
    [
      ["c1", null, "reef_diver", 812],
      ["c2", "c1", "skeptic42", 301],
      ["c3", "c2", "reef_diver", 120],
      ["c5", null, "orphan_reply", 40], // c4 was [deleted]
      ["c7", null, null, 3], // author [deleted], text kept
    ],
  );
  assert.equal(
    t.comments[0]?.text,
    "This matters more than the headlines suggest.\n\nQuotas > pledges.",
  );
  assert.equal(t.comments[2]?.text, "Observers on every vessel & satellite AIS.");
  assert.equal(t.comments[0]?.postedAt, "2026-11-25T09:55:00.000Z");
  assert.equal(
    t.comments[1]?.url,
    "https://www.reddit.com/r/worldnews/comments/1abcde/island_nation_signs_reef_treaty/c2/",
  );
});

test("Reddit: a self post has no article URL; malformed shapes are thread errors", () => {
  assert.equal(parseRedditThread(fixture("reddit-selfpost.json"), AT).articleUrl, null);
  assert.throws(
    () => parseRedditThread(fixture("reddit-malformed.json"), AT),
    threadError(/^thread: unexpected Reddit comments shape/),
  );
  assert.throws(() => parseRedditThread("<html>", AT), threadError(/^thread: malformed JSON/));
  const noPost = JSON.stringify([
    { kind: "Listing", data: { children: [] } },
    { kind: "Listing", data: { children: [] } },
  ]);
  assert.throws(
    () => parseRedditThread(noPost, AT),
    threadError(/^thread: Reddit response without a post$/),
  );
});

test("Lemmy: parents from path, deleted/removed dropped with replies re-attached, entities decoded", () => {
  const post = parseLemmyPost(fixture("lemmy-post.json"));
  const t = lemmyThread(
    post,
    parseLemmyComments(fixture("lemmy-comments.json")),
    "https://lemmy.example.social",
    AT,
  );
  assert.equal(t.id, "lemmy:77");
  assert.equal(t.url, "https://lemmy.example.social/post/77");
  assert.equal(t.title, "Reef treaty signed");
  assert.equal(t.articleUrl, "https://news.example.org/2026/11/25/reef-treaty");
  assert.deepEqual(
    t.comments.map((c) => [c.id, c.parentId, c.text]),
    [
      ["201", null, "Quotas at last."],
      ["202", "201", "We'll see in 2030."],
      ["205", "202", "Fair & true."],
      ["204", null, "Replying to something deleted."],
    ],
  );
  assert.equal(t.comments[2]?.postedAt, "2026-11-25T11:10:00.000Z");
  assert.equal(t.comments[0]?.score, 30);
  assert.throws(
    () => parseLemmyComments(fixture("lemmy-malformed.json")),
    threadError(/^thread: unexpected Lemmy comment shape: comment\.path/),
  );
});

test("hostile nesting does not overflow the stack", () => {
  let node: Record<string, unknown> = { id: 1, author: "deep", text: "bottom", children: [] };
  for (let i = 2; i < 20_000; i++) node = { id: i, author: "a", text: "t", children: [node] };
  const t = parseHnAlgoliaThread({ ...node, id: 999_999, type: "story", title: "deep" }, AT);
  assert.equal(t.comments.length, 2000);
});

test("one malformed comment is skipped and an odd field read as absent; the thread is kept", () => {
  const hn = parseHnAlgoliaThread(fixture("hn-algolia-one-bad-comment.json"), AT);
  assert.deepEqual(
    hn.comments.map((c) => [c.id, c.author, c.score, c.text]),
    [
      ["4401", null, null, "Kept: only its author is odd."],
      ["4403", "commuter", null, "Kept as it is."],
    ],
  );
  const reddit = parseRedditThread(fixture("reddit-one-bad-comment.json"), AT);
  assert.deepEqual(
    reddit.comments.map((c) => [c.id, c.author, c.postedAt, c.text]),
    [
      ["c1", "islander", null, "Kept as it is."],
      ["c4", null, null, "Kept: only its author is odd."],
    ],
  );
  const lemmy = lemmyThread(
    parseLemmyPost(fixture("lemmy-post.json")),
    parseLemmyComments(fixture("lemmy-one-bad-comment.json")),
    "https://lemmy.example.social",
    AT,
  );
  assert.deepEqual(
    lemmy.comments.map((c) => [c.id, c.parentId, c.author, c.score, c.postedAt]),
    [
      ["301", null, "islander", null, "2026-11-25T10:00:00.000Z"],
      ["303", "301", null, null, null],
    ],
  );
});

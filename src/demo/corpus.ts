// The bundled demo corpus: a wholly fictional set of outlets, articles and discussion threads,
// read from demo/corpus/ at start-up. Stories (the gold clustering) live here for tests; the
// server only ever serves the articles themselves.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL("../../demo/corpus/", import.meta.url));

export type FeedFormat = "rss" | "atom" | "jsonfeed";
/** Page templates: "article" uses <article>, "story-body" a <div class="story-body">. */
export type PageTemplate = "article" | "story-body" | "magazine";

export interface DemoOutlet {
  slug: string;
  name: string;
  tagline: string;
  format: FeedFormat;
  template: PageTemplate;
  /** What a reader following the outlet would say of it (see Outlet): fictional, like the rest. */
  country: string;
  ownership: string;
  lean: string;
  /** The folder its feed sits in in the demo's OPML list, as a reader would file it. */
  section: string;
}

export interface DemoArticle {
  id: string;
  outlet: string;
  story: string;
  /** URL slug of the article page, derived from the headline unless the file gives one. */
  slug: string;
  headline: string;
  byline: string | null;
  publishedAt: string;
  paragraphs: string[];
  /** Id of the article this one republishes (wire copy), or null. */
  copyOf: string | null;
  /** An editorial or column: its page files it under Opinion. */
  opinion: boolean;
  /** Path on the demo server: /<outlet>/<yyyy>/<mm>/<dd>/<slug>. */
  path: string;
}

export interface DemoStory {
  id: string;
  title: string;
  articleIds: string[];
}

export interface DemoComment {
  /** Position in the thread (depth-first, from 0); platform ids are derived from it. */
  index: number;
  /** null for a deleted comment. */
  author: string | null;
  text: string;
  score: number;
  postedAt: string;
  replies: DemoComment[];
}

export type DemoPlatform = "hackernews" | "reddit" | "lemmy";

export interface DemoThread {
  platform: DemoPlatform;
  /** Platform post id: a number for HN and Lemmy, a base-36 string for Reddit. */
  postId: string;
  /** Subreddit or Lemmy community name. */
  community: string | null;
  articleId: string;
  title: string;
  author: string;
  score: number;
  postedAt: string;
  comments: DemoComment[];
}

export interface DemoCorpus {
  outlets: DemoOutlet[];
  stories: DemoStory[];
  articles: DemoArticle[];
  threads: DemoThread[];
}

interface RawArticle {
  id: string;
  outlet: string;
  headline: string;
  byline: string | null;
  publishedAt: string;
  slug?: string;
  paragraphs?: string[];
  copyOf?: string | null;
  opinion?: boolean;
  /** For copies without their own paragraphs: text put before the original's first paragraph. */
  dateline?: string;
  /** For copies without their own paragraphs: paragraphs added after the original's. */
  append?: string[];
}

interface RawComment {
  author: string | null;
  text: string;
  score: number;
  /** Minutes after the post was submitted. */
  min: number;
  replies?: RawComment[];
}

type RawThread = Omit<DemoThread, "comments"> & { comments: RawComment[] };

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (cause) {
    throw new Error(`demo: cannot read ${path}`, { cause });
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(dir, name));
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .slice(0, 10)
    .join("-");
}

function articlePath(outlet: string, publishedAt: string, slug: string): string {
  const day = publishedAt.slice(0, 10).replaceAll("-", "/");
  return `/${outlet}/${day}/${slug}`;
}

/** Copies may omit their paragraphs: they then take the original's, with a dateline and additions. */
function resolveParagraphs(raw: RawArticle, byId: Map<string, RawArticle>): string[] {
  if (raw.paragraphs) return raw.paragraphs;
  const original = raw.copyOf ? byId.get(raw.copyOf) : undefined;
  if (!original?.paragraphs) throw new Error(`demo: article ${raw.id} has no paragraphs`);
  const [first = "", ...rest] = original.paragraphs;
  return [`${raw.dateline ?? ""}${first}`, ...rest, ...(raw.append ?? [])];
}

function toComment(raw: RawComment, postedAt: number, counter: { next: number }): DemoComment {
  const index = counter.next++;
  return {
    index,
    author: raw.author,
    text: raw.text,
    score: raw.score,
    postedAt: new Date(postedAt + raw.min * 60_000).toISOString(),
    replies: (raw.replies ?? []).map((reply) => toComment(reply, postedAt, counter)),
  };
}

function toThread(raw: RawThread): DemoThread {
  const start = Date.parse(raw.postedAt);
  const counter = { next: 0 };
  return { ...raw, comments: raw.comments.map((c) => toComment(c, start, counter)) };
}

export function loadCorpus(dir: string = DEFAULT_CORPUS_DIR): DemoCorpus {
  const outlets = readJson<DemoOutlet[]>(join(dir, "outlets.json"));
  const stories: DemoStory[] = [];
  const raws: { story: string; raw: RawArticle }[] = [];
  for (const file of jsonFiles(join(dir, "stories"))) {
    const data = readJson<{ id: string; title: string; articles: RawArticle[] }>(file);
    stories.push({ id: data.id, title: data.title, articleIds: data.articles.map((a) => a.id) });
    for (const raw of data.articles) raws.push({ story: data.id, raw });
  }
  const byId = new Map(raws.map(({ raw }) => [raw.id, raw]));
  const articles = raws.map(({ story, raw }): DemoArticle => {
    const slug = raw.slug ?? slugify(raw.headline);
    return {
      id: raw.id,
      outlet: raw.outlet,
      story,
      slug,
      headline: raw.headline,
      byline: raw.byline,
      publishedAt: raw.publishedAt,
      paragraphs: resolveParagraphs(raw, byId),
      copyOf: raw.copyOf ?? null,
      opinion: raw.opinion ?? false,
      path: articlePath(raw.outlet, raw.publishedAt, slug),
    };
  });
  articles.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  const threads = jsonFiles(join(dir, "threads")).map((f) => toThread(readJson<RawThread>(f)));
  return { outlets, stories, articles, threads };
}

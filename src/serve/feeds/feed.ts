// The feed-neutral description of a feed of briefs; atom.ts and jsonfeed.ts serialise it.
import { createHash } from "node:crypto";
import { shortened } from "../../text/shorten.ts";
import { html } from "../html.ts";
import type { StoryModel } from "../model.ts";
import { storyHref } from "../views/paths.ts";
import { outletsFor } from "../views/story.ts";
import { briefHtml, commaList, creditLinks } from "./brief-html.ts";

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string | null;
  contentHtml: string;
  published: string;
  updated: string;
  authors: string[];
}

export interface Feed {
  id: string;
  title: string;
  /** Absolute URL of the HTML page this feed mirrors. */
  homeUrl: string;
  /** Absolute URL of this feed. */
  selfUrl: string;
  updated: string;
  items: FeedItem[];
}

/** The tag: URI authority: the public host without port (RFC 4151 wants a DNS name). */
export function tagAuthority(baseUrl: string): string {
  try {
    const host = new URL(baseUrl).hostname;
    return /^[a-z0-9.-]+$/i.test(host) && /[a-z]/i.test(host) ? host : "storyline.localhost";
  } catch {
    return "storyline.localhost";
  }
}

function tagDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "2026" : d.toISOString().slice(0, 10);
}

function iso(value: string | null | undefined, fallback: string): string {
  const d = new Date(value ?? "");
  return Number.isNaN(d.getTime()) ? fallback : d.toISOString();
}

/** The latest of some ISO timestamps (they sort as strings). */
function latest(times: string[]): string {
  return [...times].sort().at(-1)!;
}

export function feedItem(m: StoryModel, baseUrl: string): FeedItem {
  const published = iso(m.story.firstSeen, new Date(0).toISOString());
  // When the brief last changed (a rewrite for new comments too); older briefs lack writtenAt.
  const updated = iso(m.brief?.writtenAt ?? m.brief?.generatedAt ?? m.story.lastUpdated, published);
  return {
    id: `tag:${tagAuthority(baseUrl)},${tagDate(published)}:story/${encodeURIComponent(m.story.id)}`,
    url: new URL(storyHref(m.story.id).slice(1), baseUrl).href,
    title: m.brief?.headline || m.story.title,
    summary: m.brief?.dek ?? null,
    contentHtml: briefHtml(m),
    published,
    updated: latest([updated, published]),
    authors: m.outlets.slice(0, 10),
  };
}

export function buildFeed(
  models: StoryModel[],
  opts: { baseUrl: string; title: string; homePath: string; selfPath: string; idPath: string },
): Feed {
  const items = models.filter((m) => m.brief).map((m) => feedItem(m, opts.baseUrl));
  const updated = latest([new Date(0).toISOString(), ...items.map((i) => i.updated)]);
  return {
    id: `tag:${tagAuthority(opts.baseUrl)},2026:${opts.idPath}`,
    title: opts.title,
    homeUrl: new URL(opts.homePath, opts.baseUrl).href,
    selfUrl: new URL(opts.selfPath, opts.baseUrl).href,
    updated,
    items,
  };
}

/** A development's title is its sentence, cut at a word near this many characters. */
const DEVELOPMENT_TITLE_CHARS = 120;

/** One story followed over time: its brief, whose entry is updated whenever the brief is
 * rewritten, and an entry per development on its timeline, newest first. A development keeps
 * its id (its time and a hash of its sentence) across rewrites, so a reader sees each one once. */
export function storyFeed(m: StoryModel, opts: { baseUrl: string; selfPath: string }): Feed {
  const authority = tagAuthority(opts.baseUrl);
  const storyUrl = new URL(storyHref(m.story.id).slice(1), opts.baseUrl).href;
  const developments: FeedItem[] = (m.brief?.timeline ?? [])
    .slice()
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((e) => {
      const at = iso(e.at, new Date(0).toISOString());
      const hash = createHash("sha256").update(e.text).digest("hex").slice(0, 12);
      // The outlets the story page's timeline credits (wire copies counted once).
      const { names, links } = creditLinks(e.articleIds, outletsFor(m.brief, e.text), m.articles);
      return {
        id: `tag:${authority},${tagDate(at)}:story/${encodeURIComponent(m.story.id)}/development/${at}/${hash}`,
        url: `${storyUrl}#h-timeline`,
        title: shortened(e.text, DEVELOPMENT_TITLE_CHARS),
        summary: null,
        contentHtml: html`<p>${e.text}</p>${
          links.length ? html`<p>Reported by ${commaList(links)}.</p>` : ""
        }`.value,
        published: at,
        updated: at,
        authors: names.slice(0, 10),
      };
    });
  const items = [...(m.brief ? [feedItem(m, opts.baseUrl)] : []), ...developments];
  const title = m.brief?.headline || m.story.title;
  return {
    id: `tag:${authority},2026:story/${encodeURIComponent(m.story.id)}`,
    title: `Storyline: ${title}`,
    homeUrl: storyUrl,
    selfUrl: new URL(opts.selfPath, opts.baseUrl).href,
    updated: latest([new Date(0).toISOString(), ...items.map((i) => i.updated)]),
    items,
  };
}

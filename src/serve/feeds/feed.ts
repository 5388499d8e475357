// The feed-neutral description of a feed of briefs; atom.ts and jsonfeed.ts serialise it.
import type { StoryModel } from "../model.ts";
import { storyHref } from "../views/front.ts";
import { briefHtml } from "./brief-html.ts";

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
  const updated = iso(m.brief?.generatedAt ?? m.story.lastUpdated, published);
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

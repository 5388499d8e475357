import { parseArgs } from "node:util";
import { plural } from "../../text/plural.ts";
import type { Brief, Story } from "../../types.ts";
import { configFrom, parseSince, positiveInteger, sectionOrSay, withStore } from "../shared.ts";

/** Stories read to find those updated in the window: a digest covers days, not the archive. */
const SCAN_STORIES = 1000;
const DEFAULT_SINCE = "24h";

export interface DigestEntry {
  story: Story;
  brief: Brief | null;
  outlets: number;
  articles: number;
}

/** The brief's lead sentence, if any. */
function leadOf(brief: Brief | null) {
  return brief?.paragraphs.find((p) => p.role === "lead")?.sentences[0] ?? null;
}

/** The brief's timeline entries from `from` (ISO) on: what developed in the window. */
function developmentsSince(brief: Brief | null, from: string) {
  return (brief?.timeline ?? []).filter((e) => e.at >= from);
}

/** Stories updated since `since`, widest coverage first, as Markdown: each with its lead, and
 * what developed in the window (its timeline entries from then on). */
export function digestMarkdown(
  entries: DigestEntry[],
  since: number,
  baseUrl: string | null,
  section: string | null = null,
): string {
  const from = new Date(since).toISOString();
  const where = section === null ? "" : ` in ${section}`;
  const lines = [
    `# Storyline: ${plural(entries.length, "story", "stories")}${where} updated since ${when(from)}`,
  ];
  for (const { story, brief, outlets, articles } of entries) {
    const link = baseUrl
      ? ` (${new URL(`stories/${encodeURIComponent(story.id)}`, baseUrl).href})`
      : "";
    lines.push("", `## ${brief?.headline || story.title}`);
    const fresh = story.firstSeen >= from ? "new story · " : "";
    lines.push(
      `${fresh}${plural(outlets, "outlet")} · ${plural(articles, "article")} · updated ${when(story.lastUpdated)} · ${story.id}${link}`,
    );
    const lead = leadOf(brief);
    if (lead) lines.push("", lead.rendered || lead.text);
    // The lead is printed just above: the timeline entry that is the lead (a story that began in
    // the window opens its timeline with it) is not repeated under "Since then".
    const developments = developmentsSince(brief, from).filter((e) => e.text !== lead?.text);
    if (developments.length > 0) {
      lines.push("", "Since then:");
      for (const e of developments) lines.push(`- ${when(e.at)}: ${e.text}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** `storyline digest [--since 24h|ISO] [--section NAME] [--limit N] [--base-url URL] [--json]`:
 * what happened in a window (in one section), for a cron job's mail or a terminal. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      since: { type: "string", default: DEFAULT_SINCE },
      section: { type: "string" },
      limit: { type: "string", default: "20" },
      "base-url": { type: "string" },
      json: { type: "boolean" },
    },
  });
  const since = parseSince(values.since, Date.now());
  const limit = positiveInteger(values.limit);
  if (since === null || limit === null) {
    process.stderr.write(
      "usage: storyline digest [--since 24h|7d|2026-11-25T12:00Z] [--section NAME] [--limit N] [--base-url URL] [--json]\n",
    );
    return 2;
  }
  const config = configFrom(values.db);
  return withStore(config.db, async (store) => {
    const from = new Date(since).toISOString();
    const section =
      values.section === undefined ? null : await sectionOrSay(store, "digest", values.section);
    if (values.section !== undefined && section === null) return 1;
    // Most recently updated first: the window's stories are a prefix.
    const recent =
      section === null
        ? await store.listStories({ limit: SCAN_STORIES })
        : (await store.storiesBySection(section, { limit: SCAN_STORIES })).stories;
    const stories = recent.filter((s) => s.lastUpdated >= from);
    const entries: DigestEntry[] = [];
    for (const story of stories) {
      const articles = await store.listArticles({ storyId: story.id });
      entries.push({
        story,
        brief: await store.getBrief(story.id),
        outlets: new Set(articles.map((a) => a.outlet)).size,
        articles: articles.length,
      });
    }
    entries.sort(
      (a, b) => b.outlets - a.outlets || b.story.lastUpdated.localeCompare(a.story.lastUpdated),
    );
    const chosen = entries.slice(0, limit);
    if (values.json) {
      const rows = chosen.map((e) => ({
        id: e.story.id,
        title: e.brief?.headline || e.story.title,
        outlets: e.outlets,
        articles: e.articles,
        firstSeen: e.story.firstSeen,
        lastUpdated: e.story.lastUpdated,
        lead: leadOf(e.brief)?.rendered ?? null,
        developments: developmentsSince(e.brief, from),
      }));
      process.stdout.write(`${JSON.stringify({ since: from, section, stories: rows }, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(digestMarkdown(chosen, since, values["base-url"] ?? null, section));
    return 0;
  });
}

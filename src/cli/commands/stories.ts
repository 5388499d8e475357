import { parseArgs } from "node:util";
import { plural } from "../../text/plural.ts";
import type { Story } from "../../types.ts";
import { configFrom, positiveInteger, sectionOrSay, withStore } from "../shared.ts";

/** `storyline stories [--section NAME] [--json]`: stories, most recently updated first, with their
 * sections; with --section, only those its sources brought. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      json: { type: "boolean" },
      section: { type: "string" },
      limit: { type: "string", default: "100" },
    },
  });
  const limit = positiveInteger(values.limit);
  if (limit === null) {
    process.stderr.write(`stories: --limit must be a positive integer, not "${values.limit}"\n`);
    return 2;
  }
  const config = configFrom(values.db);
  return withStore(config.db, async (store) => {
    let stories: Story[];
    if (values.section === undefined) stories = await store.listStories({ limit });
    else {
      const section = await sectionOrSay(store, "stories", values.section);
      if (section === null) return 1;
      stories = (await store.storiesBySection(section, { limit })).stories;
    }
    const sections = await store.sectionsOfStories(stories.map((s) => s.id));
    const rows = [];
    for (const story of stories) {
      const brief = await store.getBrief(story.id);
      const articles = await store.listArticles({ storyId: story.id });
      const outlets = new Set(articles.map((a) => a.outlet));
      const sources = new Set(articles.map((a) => a.duplicateOf ?? a.id));
      rows.push({
        id: story.id,
        title: brief?.headline ?? story.title,
        articles: articles.length,
        outlets: outlets.size,
        independentSources: sources.size,
        firstSeen: story.firstSeen,
        lastUpdated: story.lastUpdated,
        sections: sections.get(story.id) ?? [],
        briefSentences: brief?.paragraphs.reduce((n, p) => n + p.sentences.length, 0) ?? 0,
      });
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    for (const r of rows) {
      process.stdout.write(
        `${r.id}  ${r.title}\n    ${plural(r.articles, "article")}, ${plural(r.outlets, "outlet")}, updated ${r.lastUpdated}${r.sections.length > 0 ? `, in ${r.sections.join(", ")}` : ""}\n`,
      );
    }
    return 0;
  });
}

import { parseArgs } from "node:util";
import { renderBriefText } from "../../write/index.ts";
import { configFrom, withStore } from "../shared.ts";

/** `storyline story ID [--json|--md]`: one story's brief. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: "string" }, json: { type: "boolean" }, md: { type: "boolean" } },
  });
  const id = positionals[0];
  if (id === undefined) {
    process.stderr.write("usage: storyline story ID [--json|--md] [--db FILE]\n");
    return 2;
  }
  const config = configFrom(values.db);
  return withStore(config.db, async (store) => {
    const story = await store.getStory(id);
    if (story === null) {
      process.stderr.write(`story: no story with id ${id}\n`);
      return 1;
    }
    const brief = await store.getBrief(id);
    if (values.json) {
      const articles = await store.listArticles({ storyId: id });
      const summary = articles.map(({ id, url, outlet, headline, publishedAt, duplicateOf }) => ({
        id,
        url,
        outlet,
        headline,
        publishedAt,
        duplicateOf,
      }));
      process.stdout.write(`${JSON.stringify({ story, brief, articles: summary }, null, 2)}\n`);
      return 0;
    }
    if (brief === null) {
      process.stdout.write(`${story.title}\n(no brief yet)\n`);
      return 0;
    }
    process.stdout.write(`${renderBriefText(brief)}\n`);
    return 0;
  });
}

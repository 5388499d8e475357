import { parseArgs } from "node:util";
import { summarise } from "../../serve/model.ts";
import {
  blindspotText,
  type CoverageSpread,
  coverageSpread,
  indexOutlets,
  spreadRows,
} from "../../serve/spread.ts";
import { plural } from "../../text/plural.ts";
import { renderBriefText } from "../../write/index.ts";
import { configFrom, withStore } from "../shared.ts";

/** `storyline story ID [--json|--md]`: one story's brief, as Markdown text (--md says so
 * explicitly) or as JSON. */
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
    const articles = await store.listArticles({ storyId: id });
    const known = indexOutlets(await store.listOutlets());
    const spread = known.size > 0 ? coverageSpread(articles.map(summarise), known) : null;
    if (values.json) {
      const summary = articles.map(({ id, url, outlet, headline, publishedAt, duplicateOf }) => ({
        id,
        url,
        outlet,
        headline,
        publishedAt,
        duplicateOf,
      }));
      process.stdout.write(
        `${JSON.stringify({ story, brief, spread, articles: summary }, null, 2)}\n`,
      );
      return 0;
    }
    if (brief === null) {
      process.stdout.write(`${story.title}\n(no brief yet)\n`);
      return 0;
    }
    process.stdout.write(`${renderBriefText(brief)}\n`);
    if (spread) process.stdout.write(spreadText(spread));
    return 0;
  });
}

function spreadText(sp: CoverageSpread): string {
  const lines = [`Who covers it (${plural(sp.outlets, "outlet")}):`];
  for (const { title, groups } of spreadRows(sp)) {
    const text = groups.map((g) => `${g.label} ${g.outlets.length} (${g.outlets.join(", ")})`);
    lines.push(`- ${title}: ${text.join(" · ")}`);
  }
  if (sp.unrated.length > 0) lines.push(`- Not described: ${sp.unrated.join(", ")}`);
  if (sp.blindspot) lines.push(blindspotText(sp.blindspot));
  return `${lines.join("\n")}\n`;
}

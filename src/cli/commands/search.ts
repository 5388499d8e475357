import { parseArgs } from "node:util";
import { queryOf, SEARCH_RESULTS } from "../../serve/routes/pages.ts";
import { hitWithMatches, markMatches } from "../../serve/snippet.ts";
import { groupHits, snippetIsHeadline } from "../../serve/views/search.ts";
import { plural } from "../../text/plural.ts";
import type { SearchHit } from "../../types.ts";
import { configFrom, positiveInteger, withStore } from "../shared.ts";

const USAGE = "usage: storyline search QUERY… [--limit N] [--json] [--db FILE]\n";

/** Hits as text, one entry per story (as on the search page): the best-ranked article's
 * headline, outlet, date and snippet, then how many more of the story's articles matched. */
export function searchText(query: string, hits: SearchHit[]): string {
  const groups = groupHits(hits);
  if (groups.length === 0) return `search: nothing matches “${query}”\n`;
  const lines = [
    `${plural(hits.length, "matching article")} in ${plural(groups.length, "story", "stories")} for “${query}”`,
  ];
  for (const [first, ...more] of groups as [SearchHit, ...SearchHit[]][]) {
    const day = first.publishedAt ? `, ${first.publishedAt.slice(0, 10)}` : "";
    // Matches in *stars*: the terminal guard would strip escape codes, bold too.
    const starred = markMatches(first.snippet, (m) => `*${m}*`).replace(/\s+/g, " ");
    // A match in the title is starred in the title, not printed a second time below it.
    const inTitle = snippetIsHeadline(first);
    const title = inTitle ? starred.replace(/^…|…$/g, "") : first.headline;
    lines.push("", `${first.storyId ?? first.url}  ${title}`);
    lines.push(`    ${first.outlet}${day}${inTitle ? "" : `: ${starred}`}`);
    const others = [...new Set(more.map((h) => h.outlet))].filter((o) => o !== first.outlet);
    if (more.length > 0) {
      const from = others.length > 0 ? ` from ${others.join(", ")}` : "";
      lines.push(`    + ${plural(more.length, "more matching article")}${from}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** `storyline search QUERY… [--limit N] [--json]`: the web UI's full-text search, in a terminal. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      json: { type: "boolean" },
      limit: { type: "string", default: String(SEARCH_RESULTS) },
    },
  });
  const query = queryOf(positionals.join(" "));
  const limit = positiveInteger(values.limit);
  if (query === "" || limit === null) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = configFrom(values.db);
  return withStore(config.db, async (store) => {
    const hits = await store.search(query, limit);
    if (values.json) {
      // The shape of the JSON API's /api/search.
      const plain = hits.map(hitWithMatches);
      process.stdout.write(`${JSON.stringify({ query, hits: plain }, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(searchText(query, hits));
    return hits.length > 0 ? 0 : 1;
  });
}

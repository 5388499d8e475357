import { parseArgs } from "node:util";
import { keepCutoff } from "../../config.ts";
import { pruneStore, pruneSummary } from "../../pipeline/prune.ts";
import { configFrom, parseSince, withStore } from "../shared.ts";

const USAGE =
  "usage: storyline prune [--older-than 90d|2026-08-01] [--db FILE|postgres://…]\n" +
  "  deletes the stories that stopped growing before then, with their articles, briefs and\n" +
  "  discussion threads (default: STORYLINE_KEEP_DAYS days ago)\n";

/** `storyline prune`: the retention sweep once, for a cron job or before a backup. A running
 * `storyline run` or clusterer worker prunes by itself, daily, when STORYLINE_KEEP_DAYS is set. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: "string" }, "older-than": { type: "string" } },
  });
  const config = configFrom(values.db);
  const now = Date.now();
  const given = values["older-than"];
  const at = given === undefined ? null : parseSince(given, now);
  const before = at === null ? keepCutoff(config, now) : new Date(at).toISOString();
  if ((given !== undefined && at === null) || before === null) {
    process.stderr.write(
      given === undefined
        ? `prune: say how old: --older-than, or set STORYLINE_KEEP_DAYS\n${USAGE}`
        : USAGE,
    );
    return 2;
  }
  if (before > new Date(now).toISOString()) {
    process.stderr.write(`prune: ${given} is in the future; nothing would be kept\n`);
    return 2;
  }
  return withStore(config.db, async (store) => {
    const counts = await pruneStore(store, before);
    process.stdout.write(
      `prune: deleted ${pruneSummary(counts)} that stopped growing before ${before}\n`,
    );
    return 0;
  });
}

import { parseArgs } from "node:util";
import { keepCutoff } from "../../config.ts";
import { pruneStore, pruneSummary } from "../../pipeline/prune.ts";
import type { PruneCounts, Store } from "../../store/index.ts";
import { configFrom, parseSince, withStore } from "../shared.ts";

const USAGE =
  "usage: storyline prune [--older-than 90d|2026-08-01] [--dry-run] [--db FILE|postgres://…]\n" +
  "  deletes the stories that stopped growing before then, with their articles, briefs and\n" +
  "  discussion threads (default: STORYLINE_KEEP_DAYS days ago)\n";

/** `storyline prune`: the retention sweep once, for a cron job or before a backup. A running
 * `storyline run` or clusterer worker prunes by itself, daily, when STORYLINE_KEEP_DAYS is set. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      "older-than": { type: "string" },
      "dry-run": { type: "boolean" },
    },
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
  const dryRun = values["dry-run"] === true;
  return withStore(config.db, async (store) => {
    const counts = dryRun ? await countOnly(store, before) : await pruneStore(store, before);
    process.stdout.write(
      `prune: ${dryRun ? "would delete" : "deleted"} ${pruneSummary(counts)} that stopped growing before ${before}\n`,
    );
    return 0;
  });
}

class RolledBack extends Error {
  constructor(readonly counts: PruneCounts) {
    super("dry run");
  }
}

/** What a prune would delete: the prune itself, in one transaction that is then rolled back, so
 * the counts come from the very code that deletes. */
async function countOnly(store: Store, before: string): Promise<PruneCounts> {
  try {
    await store.transaction(async () => {
      throw new RolledBack(await pruneStore(store, before));
    });
  } catch (caught) {
    if (caught instanceof RolledBack) return caught.counts;
    throw caught;
  }
  throw new Error("prune: the dry run's transaction was not rolled back");
}

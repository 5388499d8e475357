import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { isPostgresUrl } from "../../store/index.ts";
import { configFrom, withStore } from "../shared.ts";

const USAGE = "usage: storyline backup FILE [--db FILE]\n";

/** `storyline backup FILE`: a consistent copy of the SQLite store, safe while `run` or `serve`
 * keep using it (copying the file itself is not: the WAL holds the latest commits). */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: "string" } },
    allowPositionals: true,
  });
  const config = configFrom(values.db);
  if (positionals.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const target = positionals[0]!;
  if (isPostgresUrl(config.db)) {
    process.stderr.write("backup: the store is PostgreSQL: back it up with pg_dump\n");
    return 2;
  }
  return withStore(config.db, async (store) => {
    try {
      await store.backupTo(target);
    } catch (error) {
      process.stderr.write(`backup: ${(error as Error).message}\n`);
      return 1;
    }
    const mb = (statSync(target).size / 1e6).toFixed(1);
    process.stdout.write(`backup: ${config.db} copied to ${target} (${mb} MB)\n`);
    return 0;
  });
}

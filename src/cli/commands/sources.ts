import { parseArgs } from "node:util";
import { configFrom, withStore } from "../shared.ts";

/** `storyline sources [--json]`: every source with its health and last error. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: "string" }, json: { type: "boolean" } },
  });
  const config = configFrom(values.db);
  return withStore(config.db, async (store) => {
    const sources = await store.listSources();
    if (values.json) {
      process.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
      return 0;
    }
    for (const s of sources) {
      const health = s.disabled
        ? "DISABLED"
        : s.failureCount > 0
          ? `failing ×${s.failureCount}`
          : "ok";
      process.stdout.write(
        `${String(s.id).padStart(4)} ${s.kind.padEnd(6)} ${health.padEnd(12)} ${s.url}\n`,
      );
      if (s.lastError !== null) process.stdout.write(`       last error: ${s.lastError}\n`);
    }
    return 0;
  });
}

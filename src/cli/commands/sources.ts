import { parseArgs } from "node:util";
import { writeOpml } from "../../ingest/opml.ts";
import { configFrom, withStore } from "../shared.ts";

/** `storyline sources [--json|--opml]`: each source with its health and last error, or the feeds as OPML. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: "string" }, json: { type: "boolean" }, opml: { type: "boolean" } },
  });
  const config = configFrom(values.db);
  return withStore(config.db, async (store) => {
    const sources = await store.listSources();
    if (values.opml) {
      const feeds = sources.filter((s) => s.kind === "feed");
      process.stdout.write(writeOpml(feeds.map((s) => ({ title: s.title, url: s.url }))));
      return 0;
    }
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

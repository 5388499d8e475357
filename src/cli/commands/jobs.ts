import { parseArgs } from "node:util";
import { deadLetters, queueCounts, startQueue } from "../../pipeline/queue.ts";
import { configFrom } from "../shared.ts";

/** `storyline jobs --db postgres://… [--json]`: queue sizes per state and the latest dead letters. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: "string" }, json: { type: "boolean" } },
  });
  const config = configFrom(values.db);
  if (!/^postgres(ql)?:\/\//.test(config.db)) {
    process.stderr.write(
      "jobs: the job queue lives in PostgreSQL: --db postgres://… or DATABASE_URL\n",
    );
    return 2;
  }
  const boss = await startQueue(config.db);
  try {
    const counts = await queueCounts(boss);
    const dead = await deadLetters(boss);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ counts, dead }, null, 2)}\n`);
      return 0;
    }
    if (counts.length === 0) process.stdout.write("no jobs in the queue\n");
    for (const c of counts)
      process.stdout.write(`${c.name.padEnd(28)} ${c.state.padEnd(10)} ${c.count}\n`);
    if (dead.length > 0) process.stdout.write("\ndead letters (latest first):\n");
    for (const d of dead) {
      process.stdout.write(
        `  ${d.createdOn}  ${d.name}  ${JSON.stringify(d.data)}  ${JSON.stringify(d.output)}\n`,
      );
    }
    return 0;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

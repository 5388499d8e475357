import { parseArgs } from "node:util";
import { startQueue } from "../../pipeline/queue.ts";
import { runWorker } from "../../pipeline/worker.ts";
import { configFrom, positiveInteger, withStore } from "../shared.ts";

/** `storyline worker --db postgres://… [--concurrency N] [--no-cluster]` */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      concurrency: { type: "string", default: "4" },
      "no-cluster": { type: "boolean", default: false },
      "allow-private": { type: "string", multiple: true, default: [] },
    },
  });
  // Checked before connecting: pg-boss rejects a bad count on every call, and the worker would spin.
  const concurrency = positiveInteger(values.concurrency);
  if (concurrency === null) {
    process.stderr.write(
      `worker: --concurrency must be a positive integer, not "${values.concurrency}"\n`,
    );
    return 2;
  }
  const base = configFrom(values.db);
  if (!/^postgres(ql)?:\/\//.test(base.db)) {
    process.stderr.write(
      "worker: needs a PostgreSQL database: --db postgres://… or DATABASE_URL\n",
    );
    return 2;
  }
  const config = {
    ...base,
    fetch: {
      ...base.fetch,
      allowPrivateHosts: [...base.fetch.allowPrivateHosts, ...values["allow-private"]],
    },
  };
  // Both closed on every path: an open pool or queue keeps the process alive after an error.
  return withStore(config.db, async (store) => {
    const boss = await startQueue(config.db, config.jobExpireSeconds);
    try {
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      process.once("SIGTERM", () => stop.abort());
      process.stdout.write(`worker ${process.pid}: taking jobs from ${redact(config.db)}\n`);
      await runWorker(
        { config, store, boss, concurrency, cluster: !values["no-cluster"] },
        stop.signal,
      );
    } finally {
      await boss.stop({ graceful: true, wait: true });
    }
    return 0;
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

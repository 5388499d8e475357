// The scale-out job queue: pg-boss on the same PostgreSQL database as the store.
// Why pg-boss: it needs nothing but PostgreSQL (no Redis), supports Node 20, and gives retries with
// exponential backoff, dead-letter queues and singleton keys (one pending job per source or URL)
// through SKIP LOCKED, so any number of workers on any number of hosts can share the queues.
import pg from "pg";
import PgBoss from "pg-boss";
import { log } from "../log.ts";

export const JOBS = {
  /** Poll one source (feed or thread): data { sourceId }. */
  poll: "storyline-poll",
  /** Fetch, extract and store one article page: data { url, sourceId }. */
  page: "storyline-page",
  /** Write a new brief version for one story: data { storyId }. */
  brief: "storyline-brief",
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Failed jobs are retried this many times (with exponential backoff) before going to the dead letters. */
const RETRY_LIMIT = 3;
/** First retry delay in seconds; pg-boss doubles it each time. */
const RETRY_DELAY_SECONDS = 2;

export function deadLetterQueue(name: string): string {
  return `${name}-dead`;
}

/** `expireSeconds`: a job whose worker died is handed to another worker after this long. */
export async function startQueue(
  connectionString: string,
  expireSeconds = 120,
  schema = "pgboss",
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    schema,
    max: 4,
    supervise: true,
    schedule: false,
    // Expired jobs (their worker died) are found by this sweep, so it runs as often as they expire.
    maintenanceIntervalSeconds: Math.max(1, Math.min(120, expireSeconds)),
  });
  boss.on("error", (error: Error) => log("error", "queue", error.message));
  await boss.start();
  // Creating queues from several workers at once deadlocks inside pg-boss; one at a time.
  await withAdvisoryLock(connectionString, QUEUE_SETUP_LOCK_KEY, async () => {
    for (const name of Object.values(JOBS)) {
      await boss.createQueue(deadLetterQueue(name));
      await boss.createQueue(name, {
        name,
        retryLimit: RETRY_LIMIT,
        retryDelay: RETRY_DELAY_SECONDS,
        retryBackoff: true,
        expireInSeconds: expireSeconds,
        deadLetter: deadLetterQueue(name),
      });
    }
  });
  return boss;
}

/** Arbitrary constant naming the queue set-up lock among the database's advisory locks. */
const QUEUE_SETUP_LOCK_KEY = 7_242_002;

async function withAdvisoryLock(
  connectionString: string,
  key: number,
  work: () => Promise<void>,
): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    await work();
  } finally {
    await client.end();
  }
}

export interface QueueCounts {
  name: string;
  state: string;
  count: number;
}

/** Job counts per queue and state, dead letters included, for `storyline jobs`. */
export async function queueCounts(boss: PgBoss, schema = "pgboss"): Promise<QueueCounts[]> {
  const db = boss.getDb();
  const { rows } = await db.executeSql(
    `SELECT name, state::text AS state, count(*)::int AS count FROM ${schema}.job GROUP BY 1, 2 ORDER BY 1, 2`,
    [],
  );
  return rows as QueueCounts[];
}

export interface DeadJob {
  name: string;
  data: unknown;
  output: unknown;
  createdOn: string;
}

export async function deadLetters(boss: PgBoss, schema = "pgboss", limit = 20): Promise<DeadJob[]> {
  const names = Object.values(JOBS).map(deadLetterQueue);
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT name, data, output, created_on AS "createdOn" FROM ${schema}.job WHERE name = ANY($1) ORDER BY created_on DESC LIMIT $2`,
      [names, limit],
    );
  return rows as DeadJob[];
}

/** Jobs of one queue not finished yet (waiting, retrying or running). */
export async function unfinishedJobs(
  boss: PgBoss,
  name: JobName,
  schema = "pgboss",
): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT count(*)::int AS n FROM ${schema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
      [name],
    );
  return (rows[0] as { n: number }).n;
}

// Clustering is cheap but ordered: exactly one process at a time clusters, the one holding a
// PostgreSQL session advisory lock. When that process dies its session ends, the lock is freed, and
// another worker's next attempt (every LEADER_RETRY_MS) takes over, rebuilding the clusterer from
// the store.
import pg from "pg";
import { log } from "../log.ts";
import { sleep } from "./sleep.ts";

/** Arbitrary constant naming Storyline's clusterer lock among the database's advisory locks. */
export const CLUSTERER_LOCK_KEY = 7_242_001;
/** How often a worker that is not the clusterer tries to become it. */
export const LEADER_RETRY_MS = 1_000;

export interface Leadership {
  /** Resolves true once the lock is held; false when the signal aborts first. */
  acquire(signal: AbortSignal): Promise<boolean>;
  /** False once the lock's session is known to be lost. */
  held(): boolean;
  /** Asks the lock's session whether it is still there: a link dropped without a word (no error
   * event until something is sent) has freed the lock for another worker meanwhile. False, and
   * held() false, when it is gone. */
  confirm(): Promise<boolean>;
  release(): Promise<void>;
}

export function leadership(connectionString: string): Leadership {
  let client: pg.Client | null = null;
  let holding = false;
  const drop = () => {
    holding = false;
    client = null;
  };
  return {
    async acquire(signal) {
      while (!signal.aborted) {
        try {
          client ??= await connect(connectionString, drop);
          const { rows } = await client.query<{ ok: boolean }>(
            "SELECT pg_try_advisory_lock($1) AS ok",
            [CLUSTERER_LOCK_KEY],
          );
          if (rows[0]?.ok) {
            holding = true;
            return true;
          }
        } catch (error) {
          log("warn", "leader", `lock attempt failed: ${(error as Error).message}`);
          drop();
        }
        await sleep(LEADER_RETRY_MS, signal);
      }
      return false;
    },
    held: () => holding,
    async confirm() {
      if (!holding || client === null) return false;
      try {
        await client.query("SELECT 1");
        return holding;
      } catch {
        drop();
        return false;
      }
    },
    async release() {
      const current = client;
      drop();
      await current?.end().catch(() => {});
    },
  };
}

async function connect(connectionString: string, onLost: () => void): Promise<pg.Client> {
  // TCP keepalive probes from 10 s of silence on, so a dead link is noticed while the session
  // sits idle; and no query waits on one for long (confirm's SELECT 1 above all).
  const client = new pg.Client({
    connectionString,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    query_timeout: 10_000,
  });
  client.on("error", (error) => {
    log("warn", "leader", `lock session lost: ${error.message}`);
    onLost();
  });
  client.on("end", onLost);
  await client.connect();
  return client;
}

import { type Config, loadConfig } from "../config.ts";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/store.ts";

/** Options every database-backed command accepts. */
export const DB_OPTION = { db: { type: "string" } } as const;

export function configFrom(db: string | undefined, overrides: Partial<Config> = {}): Config {
  const config = loadConfig(process.env, overrides);
  return db === undefined ? config : { ...config, db };
}

export async function withStore<T>(db: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A one-line progress counter, shown only when stdout is a terminal. */
export function progress(label: string): (done: number, total: number) => void {
  if (!process.stdout.isTTY) return () => {};
  return (done, total) => {
    process.stdout.write(`\r${label} ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

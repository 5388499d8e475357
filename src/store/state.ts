// state: small key/value pairs (a discussion thread's first sighting and comment count).
import type { Db } from "./db.ts";

export async function getState(db: Db, key: string): Promise<string | null> {
  const row = await db.get<{ value: string }>("SELECT value FROM state WHERE key = ?", [key]);
  return row ? row.value : null;
}

export async function setState(db: Db, key: string, value: string): Promise<void> {
  await db.run(
    "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    [key, value],
  );
}

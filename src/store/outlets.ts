// outlets: what the operator says about each outlet (see Outlet), one row per domain, or per name
// for an outlet entered without a domain.
import type { Outlet } from "../types.ts";
import type { Db } from "./db.ts";

function keyOf(o: Outlet): string {
  return o.domain ?? `name:${(o.name ?? "").toLowerCase()}`;
}

/** Inserts or replaces each outlet's entry; with `replace`, the entries not listed are removed. */
export async function putOutlets(db: Db, outlets: Outlet[], replace = false): Promise<void> {
  if (replace) await db.run("DELETE FROM outlets");
  for (const o of outlets) {
    await db.run(
      `INSERT INTO outlets (key, domain, name, country, ownership, lean) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET name = excluded.name, country = excluded.country,
         ownership = excluded.ownership, lean = excluded.lean`,
      [keyOf(o), o.domain, o.name, o.country, o.ownership, o.lean],
    );
  }
}

/** Every outlet entry, by key (sorted here: the two databases collate text differently). */
export async function listOutlets(db: Db): Promise<Outlet[]> {
  const rows = await db.all<Outlet>("SELECT domain, name, country, ownership, lean FROM outlets");
  return rows
    .map((o) => ({ key: keyOf(o), o }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.o);
}

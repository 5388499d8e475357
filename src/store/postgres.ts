// PostgreSQL behind the Db surface, on a pg Pool. Statements are sent as named prepared
// statements (prepared once per pooled connection). Connection URL options of our own:
//   ?schema=NAME  keep every table in schema NAME (created on open); used by tests to isolate
//                 runs. libpq's options=-c%20search_path%3DNAME also works, but then the schema
//                 must already exist.
//   ?pool=N       pool size (default DEFAULT_POOL_SIZE).
import pg from "pg";
import { type Db, type Param, type Row, withoutNul } from "./db.ts";

/** Web workers answer many small indexed queries; ten connections keep up without hogging PG. */
const DEFAULT_POOL_SIZE = 10;

/** Lower-case identifiers only: they need no quoting in search_path or CREATE SCHEMA. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PgTarget {
  connectionString: string;
  schema: string | null;
  poolSize: number;
}

export function parsePgUrl(url: string): PgTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  const pool = parsed.searchParams.get("pool");
  parsed.searchParams.delete("schema");
  parsed.searchParams.delete("pool");
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new Error(`store: invalid schema name ${JSON.stringify(schema)}`);
  }
  const poolSize = pool === null ? DEFAULT_POOL_SIZE : Number(pool);
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new Error(`store: invalid pool size ${JSON.stringify(pool)}`);
  }
  return { connectionString: parsed.toString(), schema, poolSize };
}

export function openPostgres(target: PgTarget): Db {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: target.poolSize,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  return new PgDb(pool);
}

/** SQL text → the prepared statement it becomes (placeholders rewritten, a stable name). */
const prepared = new Map<string, { name: string; text: string }>();

function statement(sql: string): { name: string; text: string } {
  let stmt = prepared.get(sql);
  if (!stmt) {
    let n = 0;
    stmt = { name: `storyline_${prepared.size}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    prepared.set(sql, stmt);
  }
  return stmt;
}

type Queryable = pg.Pool | pg.PoolClient;

async function query(on: Queryable, sql: string, params: Param[]): Promise<pg.QueryResult> {
  const { name, text } = statement(sql);
  try {
    return await on.query({ name, text, values: withoutNul(params) });
  } catch (cause) {
    throw new Error(`store: postgres query failed: ${(cause as Error).message}`, { cause });
  }
}

class PgDb implements Db {
  readonly dialect = "postgres" as const;
  constructor(private readonly on: Queryable) {}

  async all<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    return (await query(this.on, sql, params)).rows as T[];
  }

  async get<T = Row>(sql: string, params: Param[] = []): Promise<T | null> {
    return ((await query(this.on, sql, params)).rows[0] as T | undefined) ?? null;
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    return (await query(this.on, sql, params)).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.on.query(sql);
  }

  async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (!(this.on instanceof pg.Pool)) return fn(this);
    const client = await this.on.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(new PgDb(client));
      await client.query("COMMIT");
      client.release();
      return result;
    } catch (err) {
      // A client whose ROLLBACK fails is broken: release(err) destroys it instead of reusing it.
      await client.query("ROLLBACK").then(
        () => client.release(),
        (e: Error) => client.release(e),
      );
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.on instanceof pg.Pool) await this.on.end();
  }
}

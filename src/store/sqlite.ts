// SQLite behind the Db surface. One connection per store; statements are prepared once and
// cached by their SQL text. Durability: WAL with synchronous=FULL, so a transaction is on disk
// (WAL fsynced) before its promise resolves; NORMAL could lose the last commits on power loss.
import Database from "better-sqlite3";
import { type Db, type Param, type Row, withoutNul } from "./db.ts";

/** How long a writer waits for another process's write lock before failing (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function openSqlite(path: string): Db {
  let conn: Database.Database;
  try {
    conn = new Database(path);
  } catch (cause) {
    throw new Error(`store: cannot open SQLite database ${path}`, { cause });
  }
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = FULL");
  conn.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  conn.pragma("foreign_keys = ON");
  // Refresh planner statistics where they are stale (cheap; SQLite's advice for long-lived
  // connections), so e.g. the fetched_at index is chosen once the table has grown.
  conn.pragma("optimize = 0x10002");
  return new SqliteDb(conn);
}

class SqliteDb implements Db {
  readonly dialect = "sqlite" as const;
  private readonly statements = new Map<string, Database.Statement>();
  /** Set while a transaction runs: everything else on this connection waits for it. */
  private busy: Promise<unknown> | null = null;

  constructor(private readonly conn: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.conn.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  // Callers loop `while (this.busy) await this.settle()`: the last check and the work after it
  // run in the same synchronous step, so no transaction can start in between.
  private async settle(): Promise<void> {
    await this.busy?.catch(() => {});
  }

  async all<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    while (this.busy) await this.settle();
    return this.allNow<T>(sql, params);
  }

  async get<T = Row>(sql: string, params: Param[] = []): Promise<T | null> {
    while (this.busy) await this.settle();
    return this.getNow<T>(sql, params);
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    while (this.busy) await this.settle();
    return this.runNow(sql, params);
  }

  allNow<T>(sql: string, params: Param[]): T[] {
    return this.prepare(sql).all(...withoutNul(params)) as T[];
  }

  getNow<T>(sql: string, params: Param[]): T | null {
    return (this.prepare(sql).get(...withoutNul(params)) as T | undefined) ?? null;
  }

  runNow(sql: string, params: Param[]): number {
    return this.prepare(sql).run(...withoutNul(params)).changes;
  }

  async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    while (this.busy) await this.settle();
    const work = this.inTx(fn);
    this.busy = work;
    try {
      return await work;
    } finally {
      if (this.busy === work) this.busy = null;
    }
  }

  private async inTx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock up front, so a read-then-write never hits SQLITE_BUSY midway.
    this.conn.exec("BEGIN IMMEDIATE");
    try {
      const result = await fn(new SqliteTx(this));
      this.conn.exec("COMMIT");
      return result;
    } catch (err) {
      if (this.conn.inTransaction) this.conn.exec("ROLLBACK");
      throw err;
    }
  }

  async exec(sql: string): Promise<void> {
    while (this.busy) await this.settle();
    this.conn.exec(sql);
  }

  execNow(sql: string): void {
    this.conn.exec(sql);
  }

  async close(): Promise<void> {
    while (this.busy) await this.settle();
    this.statements.clear();
    this.conn.pragma("optimize");
    this.conn.close();
  }
}

/** The handle given to a transaction body: runs at once, without waiting for the lock it holds. */
class SqliteTx implements Db {
  readonly dialect = "sqlite" as const;
  constructor(private readonly owner: SqliteDb) {}
  async all<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.owner.allNow<T>(sql, params);
  }
  async get<T = Row>(sql: string, params: Param[] = []): Promise<T | null> {
    return this.owner.getNow<T>(sql, params);
  }
  async run(sql: string, params: Param[] = []): Promise<number> {
    return this.owner.runNow(sql, params);
  }
  async exec(sql: string): Promise<void> {
    this.owner.execNow(sql);
  }
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close(): Promise<void> {
    throw new Error("store: cannot close inside a transaction");
  }
}

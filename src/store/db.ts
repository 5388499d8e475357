// The small SQL surface every table file is written against. Two implementations: sqlite.ts
// (better-sqlite3, synchronous underneath) and postgres.ts (a pg Pool). SQL is written once
// with `?` placeholders; the PostgreSQL side rewrites them to $1, $2, ….

export type Dialect = "sqlite" | "postgres";

/** A bound value. Booleans are stored as 0/1 and JSON as text, so both dialects bind the same. */
export type Param = string | number | null;

export type Row = Record<string, unknown>;

export interface Db {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: Param[]): Promise<T | null>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: Param[]): Promise<number>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Reads a JSON text column (PostgreSQL drivers may already hand back parsed values). */
export function fromJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** "`column` is one of the strings of the JSON array bound as the next parameter", in the dialect:
 * one parameter however long the list, where a list of placeholders would vary the SQL text. */
export function inJsonArray(db: Pick<Db, "dialect">, column: string): string {
  return db.dialect === "sqlite"
    ? `${column} IN (SELECT value FROM json_each(?))`
    : `${column} = ANY (SELECT jsonb_array_elements_text(?::jsonb))`;
}

/** Nullable text column to `string | null`. */
export function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * PostgreSQL text cannot hold NUL; both stores drop it from bound strings (rather than fail the
 * whole write) so they keep the same behaviour. NUL inside JSON text survives as an escape.
 */
export function withoutNul(params: Param[]): Param[] {
  return params.some((p) => typeof p === "string" && p.includes("\0"))
    ? params.map((p) => (typeof p === "string" ? p.replaceAll("\0", "") : p))
    : params;
}

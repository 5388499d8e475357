import type { z } from "zod";

/** Why a discussion thread could not be read; the message is one line starting "thread: ". */
export class ThreadError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`thread: ${reason}`, options);
    this.name = "ThreadError";
  }
}

/** JSON text (or already-parsed data) to a value; malformed JSON becomes a ThreadError. */
export function readJson(input: string | Buffer | unknown): unknown {
  if (typeof input !== "string" && !Buffer.isBuffer(input)) return input;
  const text = input.toString();
  try {
    return JSON.parse(text);
  } catch (err) {
    const first = ((err as Error).message.split("\n")[0] ?? "").trim();
    throw new ThreadError(`malformed JSON: ${first}`, { cause: err });
  }
}

/** Checks `data` against `schema` at the edge; the first problem becomes a one-line ThreadError. */
export function guard<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new ThreadError(`unexpected ${what} shape: ${where}${issue?.message ?? "invalid"}`);
}

/** Reads the items of one list leniently (a thread's comments, a search's hits): an item that
 * does not fit `schema` is skipped (one odd comment costs itself, not the thread); but when items
 * were there and none fitted, the API's shape has changed, and check() makes that a ThreadError
 * naming the first problem. */
export function itemReader<T>(schema: z.ZodType<T>, what: string) {
  let fitted = 0;
  let firstProblem: { data: unknown } | null = null;
  return {
    read(data: unknown): T | null {
      const result = schema.safeParse(data);
      if (result.success) {
        fitted++;
        return result.data;
      }
      firstProblem ??= { data };
      return null;
    },
    check(): void {
      if (fitted === 0 && firstProblem !== null) guard(schema, firstProblem.data, what);
    },
  };
}

/** The entries of a list that fit `schema`, an odd one skipped (see itemReader). */
export function readItems<T>(entries: unknown[], schema: z.ZodType<T>, what: string): T[] {
  const reader = itemReader(schema, what);
  const read = entries.flatMap((e) => reader.read(e) ?? []);
  reader.check();
  return read;
}

/** Seconds since the epoch as ISO UTC; null when absent or nonsense (beyond what a Date holds). */
export function isoFromEpochSeconds(seconds: number | null | undefined): string | null {
  if (seconds == null || !Number.isFinite(seconds) || seconds <= 0) return null;
  return isoOrNull(new Date(seconds * 1000));
}

/** A date written by an API as text, as ISO UTC; null when it is not a date. */
export function isoFromText(text: string | null | undefined): string | null {
  return text ? isoOrNull(new Date(text)) : null;
}

function isoOrNull(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

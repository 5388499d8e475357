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

// Reading outside JSON leniently: feeds and discussion APIs put a number where a title belongs,
// or an object where a date does. Such a field reads as absent, so it costs that field, not its
// item, its thread or its feed.
import type { z } from "zod";

/** An optional field: absent, null and the wrong type all read as null. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(null);
}

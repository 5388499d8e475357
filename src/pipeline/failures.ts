// Which failures of a feed entry's page a retry could mend: both the one-process poll and the
// worker keep a feed's validators (so the entry is listed again) only while one could.
import { FetchError } from "../ingest/fetch/index.ts";

/** The page answered but is no article (an extract error, a 4xx): a retry would fail alike. */
export function isPermanent(caught: unknown): boolean {
  if (caught instanceof FetchError) {
    const status = caught.code === "http" ? (caught.status ?? 0) : 0;
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
  }
  return caught instanceof Error && caught.message.startsWith("extract:");
}

import { shortened } from "../../text/shorten.ts";

/** Summaries are for previews and matching, not reading: full-content feeds would otherwise put whole articles here. */
export const MAX_SUMMARY_CHARS = 1000;

/** A feed item's summary, shortened to MAX_SUMMARY_CHARS. */
export function summaryOf(text: string | null): string | null {
  return text === null ? null : shortened(text, MAX_SUMMARY_CHARS);
}

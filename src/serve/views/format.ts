// Times and counts as shown. UTC and fixed English so pages are cacheable and tests deterministic.
import { html, type Safe } from "../html.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

export function timeEl(iso: string | null | undefined): Safe {
  const text = formatTime(iso);
  if (!text || !iso) return html``;
  return html`<time datetime="${new Date(iso).toISOString()}">${text}</time>`;
}

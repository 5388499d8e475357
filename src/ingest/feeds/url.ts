/** An http(s) URL resolved against `base`, or null for anything else (mailto:, javascript:, tag:, junk). */
export function httpUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (raw == null) return null;
  const text = String(raw).trim();
  if (text === "") return null;
  const url = parse(text, base) ?? parse(text);
  return url && (url.protocol === "http:" || url.protocol === "https:") ? url.href : null;
}

function parse(text: string, base?: string | null): URL | null {
  try {
    return new URL(text, base ?? undefined);
  } catch {
    return null;
  }
}

/** True when `raw` is already an absolute http(s) URL (a guid that can stand in for a link). */
export function isAbsoluteHttpUrl(raw: string | null | undefined): boolean {
  return raw != null && /^https?:\/\//i.test(raw.trim()) && httpUrl(raw) !== null;
}

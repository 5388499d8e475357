// Which third-party URLs may become links: absolute http(s) only. javascript:, data:, vbscript:,
// relative and malformed URLs are shown as text or not at all.

const MAX_URL_LENGTH = 2048; // longer URLs are almost always junk or an attack, never a real article

export function safeHref(url: string | null | undefined): string | null {
  if (!url || url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}

/** The host shown next to a link, e.g. "example.com". */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

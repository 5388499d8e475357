// Escaping for the demo server's generated HTML, XML and inline JSON.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML and XML element content and attribute values alike. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** JSON safe to put inside a <script> element: no "</script>" or "<!--" can appear. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** RFC 822 date, as RSS 2.0 wants it ("Mon, 23 Nov 2026 07:45:00 GMT"). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

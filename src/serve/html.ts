// HTML as strings, escaped by default: every interpolated value is escaped unless it is a Safe
// (built by this module). Synchronous and allocation-light, so a page renders in well under 1 ms.

export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};
const ESCAPE_RE = /[&<>"'`]/g;
// C0 controls (but tab, newline, return), DEL, C1 controls and non-characters: never useful in a
// page, and the \u0001/\u0002 search markers must not leak through.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

export function escapeHtml(text: string): string {
  return text.replace(CONTROL_RE, "").replace(ESCAPE_RE, (ch) => ESCAPES[ch] ?? ch);
}

export type Html = Safe;
type Value = Safe | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Safe) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are trusted, interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Safe {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++)
    out += render(values[i] as Value) + (strings[i + 1] ?? "");
  return new Safe(out);
}

/** Marks already-safe markup (only for strings this package built itself). */
export function raw(markup: string): Safe {
  return new Safe(markup);
}

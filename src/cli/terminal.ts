// What the CLI prints comes from feeds, pages and comments written by strangers: a headline
// carrying "\u001b]0;…" or "\u001b[2J" would retitle or wipe the reader's terminal, and a "\r"
// would print over the line before it. Every write to stdout and stderr goes through printable().
// JSON output is unaffected: JSON.stringify already writes these characters as \u escapes.

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text without control characters other than tab and newline. */
export function printable(text: string): string {
  return text.replace(CONTROL, "");
}

/** Each guarded stream's own write, for overwriteLine. */
const unguarded = new WeakMap<NodeJS.WriteStream, (...args: unknown[]) => boolean>();

/** Makes every string written to the stream printable(). */
export function guardStream(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  unguarded.set(stream, write);
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === "string" ? printable(chunk) : chunk, ...rest)) as typeof stream.write;
}

/** Writes `text` over the current line (a progress counter): only the leading "\r", the CLI's
 * own, bypasses the guard; `text` is still made printable(). */
export function overwriteLine(stream: NodeJS.WriteStream, text: string): void {
  const write = unguarded.get(stream) ?? (stream.write.bind(stream) as (t: string) => boolean);
  write(`\r${printable(text)}`);
}

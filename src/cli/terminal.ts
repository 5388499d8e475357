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

/** Makes every string written to the stream printable(). */
export function guardStream(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === "string" ? printable(chunk) : chunk, ...rest)) as typeof stream.write;
}

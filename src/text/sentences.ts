// Sentence splitting with wink-nlp, returning sentences verbatim as substrings of the input.
// wink splits inside quotations ("Hello there. I am fine," she said.), so pieces are merged
// back while a quotation is open or the next piece starts in lower case.
import { winkWith } from "./wink.ts";

/** A piece longer than this is never grown by merging: a stray quote mark must not swallow a page. */
const MAX_MERGED_CHARS = 800;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const lineRe = /[^\n]+/g;
  for (const m of text.matchAll(lineRe)) {
    if (m[0].trim() === "") continue;
    for (const s of splitLine(m[0])) out.push(s);
  }
  return out;
}

function splitLine(line: string): string[] {
  const pieces = locate(line, winkWith().nlp.readDoc(line).sentences().out());
  const merged: Array<[number, number]> = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && shouldMerge(line.slice(last[0], last[1]), line.slice(piece[0], piece[1]))) {
      last[1] = piece[1];
    } else merged.push([piece[0], piece[1]]);
  }
  return merged.map(([a, b]) => line.slice(a, b).trim()).filter((s) => s !== "");
}

/** Finds each wink sentence in the line, in order, as [start, end) offsets. */
function locate(line: string, sentences: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let cursor = 0;
  for (const s of sentences) {
    const at = line.indexOf(s, cursor);
    if (at >= 0) {
      spans.push([at, at + s.length]);
      cursor = at + s.length;
      continue;
    }
    const end = matchLoosely(line, cursor, s);
    if (end > cursor) {
      spans.push([cursor, end]);
      cursor = end;
    }
  }
  if (spans.length === 0 && line.trim() !== "") spans.push([0, line.length]);
  else if (spans.length > 0 && line.slice(cursor).trim() !== "")
    spans[spans.length - 1]![1] = line.length;
  return spans;
}

/** Matches `s` against `line` from `from`, ignoring whitespace; returns the end offset. */
function matchLoosely(line: string, from: number, s: string): number {
  let i = from;
  for (const ch of s) {
    if (/\s/.test(ch)) continue;
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (line[i] !== ch) return i;
    i++;
  }
  return i;
}

function shouldMerge(current: string, next: string): boolean {
  if (current.length > MAX_MERGED_CHARS) return false;
  if (quoteOpen(current)) return true;
  // "12.06am", "1.5 per cent": a full stop between digits ends no sentence.
  if (/\d\.$/.test(current) && /^\d/.test(next.trim())) return true;
  return /^["“”'’]?\s*[a-z]/.test(next.trim());
}

function quoteOpen(s: string): boolean {
  const straight = (s.match(/"/g) ?? []).length;
  const opens = (s.match(/“/g) ?? []).length;
  const closes = (s.match(/”/g) ?? []).length;
  return straight % 2 === 1 || opens > closes;
}

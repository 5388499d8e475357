// Sentence splitting with wink-nlp, returning sentences verbatim as substrings of the input.
// wink splits inside quotations ("Hello there. I am fine," she said.), so pieces are merged
// back while a quotation is open or the next piece starts in lower case.
import { breakLongRuns, winkWith } from "./wink.ts";

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

// Chinese and Japanese end sentences with ideographic or fullwidth stops (。！？．, halfwidth ｡) and
// no space after them; wink's English model does not split there.
const IDEOGRAPHIC_STOPS = "。｡！？．";
const IDEOGRAPHIC_STOP = new RegExp(`[${IDEOGRAPHIC_STOPS}]`);
/** Closing quotes and brackets that stay with the stop before them (他说：“我们会赢。”). */
const CLOSERS = "”’」』）)";
const OPENING_QUOTES = "「『";
const CLOSING_QUOTES = "」』";
const DIGIT = /\p{Nd}/u;

function splitLine(line: string): string[] {
  if (!IDEOGRAPHIC_STOP.test(line)) return splitWithWink(line);
  return splitAtIdeographicStops(line).flatMap(splitWithWink);
}

/** Cuts after each run of ideographic stops (and the closers after it), except inside 「」『』: in
 * Japanese a quotation ending 。」 usually goes on (「…。」と述べた). Quotes are ignored when the
 * line does not balance them, so a stray 「 cannot hold a whole paragraph together. */
function splitAtIdeographicStops(line: string): string[] {
  const out: string[] = [];
  const trackQuotes = countOf(line, OPENING_QUOTES) === countOf(line, CLOSING_QUOTES);
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (OPENING_QUOTES.includes(ch)) depth++;
    else if (CLOSING_QUOTES.includes(ch)) depth = Math.max(0, depth - 1);
    if (!IDEOGRAPHIC_STOPS.includes(ch) || (trackQuotes && depth > 0)) continue;
    // "３．５": a fullwidth full stop between digits ends no sentence.
    if (ch === "．" && DIGIT.test(line[i - 1] ?? "") && DIGIT.test(line[i + 1] ?? "")) continue;
    let end = i + 1;
    while (end < line.length && IDEOGRAPHIC_STOPS.includes(line[end]!)) end++;
    while (end < line.length && CLOSERS.includes(line[end]!)) end++;
    out.push(line.slice(start, end));
    start = end;
    i = end - 1;
  }
  if (start < line.length) out.push(line.slice(start));
  return out;
}

function countOf(text: string, chars: string): number {
  let n = 0;
  for (const ch of text) if (chars.includes(ch)) n++;
  return n;
}

function splitWithWink(line: string): string[] {
  // Not winkWith().read: the sentences are located in the text wink read, which breakLongRuns
  // keeps the line's length, so the spans located in it are spans of the line.
  const given = breakLongRuns(line);
  const pieces = locate(given, winkWith().nlp.readDoc(given).sentences().out());
  const merged: Array<[number, number]> = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (
      last &&
      shouldMerge(
        line.slice(last[0], last[1]),
        line.slice(piece[0], piece[1]),
        last[1] === piece[0],
      )
    ) {
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

/** `adjacent`: nothing lies between the two pieces in the line. */
function shouldMerge(current: string, next: string, adjacent: boolean): boolean {
  if (current.length > MAX_MERGED_CHARS) return false;
  if (quoteOpen(current)) return true;
  // "12.06am", "1.5 per cent": a full stop between digits ends no sentence; "in 1998. 300 staff"
  // has a space after it, and does.
  const touching = adjacent && /\S$/.test(current) && /^\S/.test(next);
  if (/\d\.$/.test(current) && /^\d/.test(next) && touching) return true;
  // A lower-case start goes on the sentence before ("“Go!” he shouted", "et al. found"), but not
  // a name written with a lower-case initial ("eBay said", "iPhone sales").
  const t = next.trim();
  return /^["“”'’]?\s*[a-z]/.test(t) && !/^["“”'’]?\s*[a-z]+\p{Lu}/u.test(t);
}

function quoteOpen(s: string): boolean {
  const straight = (s.match(/"/g) ?? []).length;
  const opens = (s.match(/“/g) ?? []).length;
  const closes = (s.match(/”/g) ?? []).length;
  return straight % 2 === 1 || opens > closes;
}

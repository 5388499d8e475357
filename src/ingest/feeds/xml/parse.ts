// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 through feedparser (lenient sax underneath).
// Recoverable XML slips (a stray "&", an unknown entity) are forgiven, as every reader does;
// a document that stops before its root closes is refused as truncated.
import type { EventEmitter } from "node:events";
import FeedParser from "feedparser";
import { FeedError } from "../error.ts";

export interface RawXmlFeed {
  type: "rss" | "rdf" | "atom";
  meta: FeedParser.Meta;
  items: FeedParser.Item[];
}

/** feedparser internals we rely on (stable since 1.x, not in its typings). */
interface Internals {
  errors: Error[];
  stream: EventEmitter;
}

/** sax reports "Message\nLine: 2\nColumn: 5\nChar: x"; we keep the message and the 1-based line. */
function describeSaxError(err: Error): string {
  const [message = "bad XML", ...rest] = err.message.split("\n");
  const line = rest.find((l) => l.startsWith("Line:"));
  const lineNo = line ? Number(line.slice(5).trim()) + 1 : null;
  return `malformed XML${lineNo === null ? "" : ` at line ${lineNo}`}: ${message.toLowerCase()}`;
}

function finish(
  fp: FeedParser,
  items: FeedParser.Item[],
  open: string[],
  line: number,
): RawXmlFeed {
  const type = fp.meta["#type"] as RawXmlFeed["type"] | undefined;
  const saxErrors = (fp as unknown as Internals).errors.filter((e) => e.message !== "Not a feed");
  if (!type) {
    if (saxErrors[0]) throw new FeedError(describeSaxError(saxErrors[0]));
    throw new FeedError("not a feed: root element is not in the RSS, RDF or Atom namespace");
  }
  if (open.length > 0) {
    const tag = open[open.length - 1];
    throw new FeedError(
      `malformed XML at line ${line}: document ends inside <${tag}> (truncated?)`,
    );
  }
  return { type, meta: fp.meta as FeedParser.Meta, items };
}

/** Deepest nesting of elements feedparser is shown. It keeps its open elements in an array it
 * shifts at every tag, so its time grows with the square of the depth (66,000 levels took 4 s,
 * and a 10 MB body holds 3 million); real feeds, XHTML content included, nest a few dozen deep.
 * The tags of elements deeper than this are hidden from it; their text goes to the element at
 * this depth. */
export const MAX_XML_DEPTH = 1_000;

/** Hides from the stream's listeners the opening and closing tags nested deeper than
 * MAX_XML_DEPTH (sax closes every element it opened, so the two stay paired). */
function hideDeepTags(sax: EventEmitter): void {
  const emit = sax.emit.bind(sax);
  let depth = 0;
  sax.emit = (event: string | symbol, ...args: unknown[]) => {
    if (event === "opentag" && ++depth > MAX_XML_DEPTH) return true;
    if (event === "closetag" && depth-- > MAX_XML_DEPTH) return true;
    return emit(event, ...args);
  };
}

/** Parses an XML feed already decoded to text; throws FeedError. */
export function parseXmlFeed(text: string, feedUrl: string): Promise<RawXmlFeed> {
  return new Promise((resolve, reject) => {
    const fp = new FeedParser({ feedurl: feedUrl, addmeta: false });
    const items: FeedParser.Item[] = [];
    const open: string[] = [];
    const line = text.trimEnd().split("\n").length;
    const sax = (fp as unknown as Internals).stream;
    hideDeepTags(sax);
    sax.on("opentag", (node: { name: string }) => open.push(node.name));
    sax.on("closetag", () => open.pop());
    fp.on("readable", () => {
      for (let item = fp.read(); item; item = fp.read()) items.push(item);
    });
    let settled = false;
    const settle = (work: () => RawXmlFeed) => {
      if (settled) return;
      settled = true;
      try {
        resolve(work());
      } catch (err) {
        reject(err);
      }
    };
    fp.on("error", () => settle(() => finish(fp, items, open, line)));
    fp.on("end", () => settle(() => finish(fp, items, open, line)));
    try {
      fp.end(text);
    } catch (err) {
      settle(() => {
        throw new FeedError(describeSaxError(err as Error), { cause: err });
      });
    }
  });
}

// Feed parsing: decode, sniff the document, hand off to the XML or JSON Feed parser.
import type { ParsedFeed } from "../../types.ts";
import { decodeFeedBytes } from "./decode.ts";
import { isFeedRoot, sniffDocument } from "./detect.ts";
import { FeedError } from "./error.ts";
import { jsonToParsedFeed } from "./jsonfeed/adapter.ts";
import { parseJsonFeed } from "./jsonfeed/parse.ts";
import { xmlToParsedFeed } from "./xml/adapter.ts";
import { parseXmlFeed } from "./xml/parse.ts";

export { FeedError } from "./error.ts";

/**
 * Parses an RSS, RDF, Atom or JSON Feed document. `feedUrl` resolves relative links; a Buffer is
 * decoded here (BOM, XML prolog, then `contentType`'s charset). Throws FeedError.
 */
export async function parseFeed(
  input: Buffer | string,
  feedUrl: string,
  contentType?: string | null,
): Promise<ParsedFeed> {
  const text =
    typeof input === "string" ? input.replace(/^\ufeff/, "") : decodeFeedBytes(input, contentType);
  const sniffed = sniffDocument(text);
  switch (sniffed.kind) {
    case "empty":
      throw new FeedError("empty document");
    case "html":
      throw new FeedError("not a feed: got an HTML page");
    case "json":
      return jsonToParsedFeed(parseJsonFeed(sniffed.body), feedUrl);
    case "xml":
      if (!isFeedRoot(sniffed.root)) {
        throw new FeedError(`not a feed: XML document with root <${sniffed.root}>`);
      }
      return xmlToParsedFeed(await parseXmlFeed(sniffed.body, feedUrl), feedUrl);
    default:
      throw new FeedError("not a feed: neither XML nor JSON");
  }
}

/** Why a document could not be read as a feed; the message is one line starting "feed: ". */
export class FeedError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`feed: ${reason}`, options);
    this.name = "FeedError";
  }
}

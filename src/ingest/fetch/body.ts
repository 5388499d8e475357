// Reads a response body: decompresses it with node:zlib streams (gzip, deflate, br), counts bytes
// AFTER decompression so a gzip bomb stops at the cap, and stops at a whole-body deadline
// (a server dripping one byte a second fails at the deadline, not after each byte).

import { pipeline, Readable, type Transform } from "node:stream";
import zlib from "node:zlib";
import { FetchError } from "./errors.ts";

/** Whether a body starts with a zlib header (RFC 1950: CMF method 8, any window size, and a
 *  CMF/FLG pair that is a multiple of 31). Spec-conforming "deflate" bodies do; some old servers
 *  send raw deflate without the wrapper. */
function hasZlibHeader(head: Buffer): boolean {
  const [cmf, flg] = head;
  if (cmf === undefined || flg === undefined) return true; // too short to tell: the spec's form
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

export interface ReadLimits {
  url: string;
  maxBytes: number;
  /** Milliseconds allowed for the whole body, from the moment headers arrived. */
  deadlineMs: number;
  /** Keep the first maxBytes of a longer body instead of failing (robots.txt). */
  truncate?: boolean;
}

/** Content codings in the order to undo them (the header lists them in the order applied). */
export function parseCodings(contentEncoding: string | null): string[] {
  return (contentEncoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== "identity")
    .reverse();
}

/** Output chunk size for the decompressors: 64 KiB (zlib's default is 16 KiB) means a quarter
 *  of the thread-pool round trips for a typical page, and still stops a bomb within 64 KiB. */
const INFLATE_CHUNK_BYTES = 64 * 1024;

function decoderFor(coding: string, head: Buffer | undefined): Transform | null {
  if (coding === "gzip" || coding === "x-gzip")
    return zlib.createGunzip({ chunkSize: INFLATE_CHUNK_BYTES });
  if (coding === "br") return zlib.createBrotliDecompress({ chunkSize: INFLATE_CHUNK_BYTES });
  if (coding === "deflate") {
    return head === undefined || hasZlibHeader(head)
      ? zlib.createInflate({ chunkSize: INFLATE_CHUNK_BYTES })
      : zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES });
  }
  return null;
}

/** Replays the first chunk, then pulls the rest on demand (keeps backpressure intact). */
function replay(first: Buffer, rest: AsyncIterator<Buffer>): Readable {
  return Readable.from(
    (async function* () {
      yield first;
      for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
    })(),
  );
}

/** Destroys a stream we no longer want; undici emits an abort error on destroy, which we ignore. */
export function discard(stream: Readable): void {
  stream.on("error", () => {});
  stream.destroy();
}

type Failure = "too-large" | "deadline" | null;

/** Collects the decompressed body, or throws FetchError "too-large" / "timeout" / "decode". */
export async function readBody(
  body: Readable,
  contentEncoding: string | null,
  limits: ReadLimits,
): Promise<Buffer> {
  const codings = parseCodings(contentEncoding);
  let failure: Failure = null;
  const streams: Readable[] = [body];
  const timer = setTimeout(() => {
    failure = "deadline";
    for (const s of streams) discard(s);
  }, limits.deadlineMs);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    let source: Readable = body;
    if (codings.length > 0) {
      const it = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const first = await it.next();
      if (first.done) return Buffer.alloc(0);
      source = replay(first.value, it);
      streams.push(source);
      const decoders = codings.map((c, i) => decoderFor(c, i === 0 ? first.value : undefined));
      const unknown = codings.find((_, i) => decoders[i] === null);
      if (unknown !== undefined) {
        throw new FetchError("decode", limits.url, `unsupported Content-Encoding "${unknown}"`);
      }
      source = pipeline([source, ...(decoders as Transform[])], () => {}) as unknown as Readable;
      streams.push(...(decoders as Transform[]));
    }
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limits.maxBytes) {
        if (limits.truncate) {
          chunks.push(chunk.subarray(0, chunk.length - (total - limits.maxBytes)));
          total = limits.maxBytes;
        } else failure = "too-large";
        break;
      }
      chunks.push(chunk);
    }
  } catch (err) {
    throw mapBodyError(err, limits, failure);
  } finally {
    clearTimeout(timer);
    for (const s of streams) discard(s);
  }
  if (failure === "too-large" || failure === "deadline") throw mapBodyError(null, limits, failure);
  return Buffer.concat(chunks, total);
}

function mapBodyError(err: unknown, limits: ReadLimits, failure: Failure): FetchError {
  const { url, maxBytes, deadlineMs } = limits;
  if (err instanceof FetchError) return err;
  if (failure === "too-large") {
    return new FetchError("too-large", url, `body exceeds ${maxBytes} bytes after decompression`);
  }
  const code = (err as { code?: string } | null)?.code ?? "";
  if (failure === "deadline" || code === "UND_ERR_BODY_TIMEOUT") {
    const cause = err ?? undefined;
    return new FetchError("timeout", url, `body not complete within ${deadlineMs} ms`, { cause });
  }
  // zlib reports Z_DATA_ERROR and friends; brotli reports ERR__ERROR_FORMAT_* style codes.
  if (code.startsWith("Z_") || code.startsWith("ERR__")) {
    return new FetchError("decode", url, `corrupt compressed body (${code})`, { cause: err });
  }
  const reason = `body read failed: ${(err as Error).message}`;
  return new FetchError("connect", url, reason, { cause: err });
}

// Bytes to text for feeds: byte-order mark first, then the XML prolog's encoding, then the
// HTTP charset, then UTF-8. Bytes said to be UTF-8 that are not valid UTF-8 are read in the HTTP
// charset when that names a legacy one (a stale prolog), else as windows-1252 (the commonest lie
// in the wild: a prolog saying UTF-8 over windows-1252 bytes). Bytes that are valid non-ASCII
// UTF-8 are read as UTF-8 whatever legacy charset is declared.
import { isAscii } from "node:buffer";
import iconv from "iconv-lite";

/** The prolog is at the very start; a generous window covers long XML declarations. */
const PROLOG_WINDOW = 512;

const PROLOG_ENCODING = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const CHARSET_PARAM = /charset\s*=\s*"?([A-Za-z0-9._:-]+)/i;

function bomEncoding(buf: Buffer): { encoding: string; skip: number } | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  // UTF-16 without a BOM still starts with "<" as two bytes, one of them zero.
  if (buf[0] === 0x3c && buf[1] === 0x00) return { encoding: "utf-16le", skip: 0 };
  if (buf[0] === 0x00 && buf[1] === 0x3c) return { encoding: "utf-16be", skip: 0 };
  return null;
}

/** A label we can decode with, lower-cased; null when absent or unknown. */
function usableLabel(name: string | undefined): string | null {
  // A label saying UTF-16 on bytes we did not detect as UTF-16 is wrong; ignore it.
  return name && !/^utf-?16/i.test(name) && iconv.encodingExists(name) ? name.toLowerCase() : null;
}

function headerEncoding(contentType: string | null | undefined): string | null {
  return usableLabel(contentType ? CHARSET_PARAM.exec(contentType)?.[1] : undefined);
}

function declaredEncoding(buf: Buffer, contentType: string | null | undefined): string | null {
  const head = buf.subarray(0, PROLOG_WINDOW).toString("latin1").trimStart();
  return usableLabel(PROLOG_ENCODING.exec(head)?.[1]) ?? headerEncoding(contentType);
}

/** As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252, a superset. */
const WINDOWS_1252_ALIASES = /^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|cp819|ibm819)$/i;

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Decodes a feed document's bytes; never throws (undecodable bytes become U+FFFD). */
export function decodeFeedBytes(buf: Buffer, contentType?: string | null): string {
  const bom = bomEncoding(buf);
  if (bom) return iconv.decode(buf.subarray(bom.skip), bom.encoding);
  const declared = legacyLabel(declaredEncoding(buf, contentType));
  if (declared !== null) {
    // Non-ASCII bytes that form valid UTF-8 are practically never legacy text by accident: the
    // label is a server default (Apache's ISO-8859-1) or a stale template, as the fetcher also rules.
    if (!isAscii(buf) && isValidUtf8(buf)) return buf.toString("utf8");
    return decodeLegacy(buf, declared);
  }
  if (isValidUtf8(buf)) return buf.toString("utf8");
  // A stale UTF-8 prolog over legacy bytes: a legacy HTTP charset knows better than a guess.
  return decodeLegacy(buf, legacyLabel(headerEncoding(contentType)) ?? "windows-1252");
}

/** The label unless it is absent or says UTF-8. */
function legacyLabel(label: string | null): string | null {
  return label === null || /^utf-?8$/i.test(label) ? null : label;
}

function decodeLegacy(buf: Buffer, label: string): string {
  return iconv.decode(buf, WINDOWS_1252_ALIASES.test(label) ? "windows-1252" : label);
}

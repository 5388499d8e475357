// Picks the character encoding of a fetched body and decodes it. Declarations come from the BOM,
// the Content-Type header, the XML prolog and <meta>; when they disagree, or the declared one
// plainly does not fit the bytes (a "utf-8" body that is not UTF-8), chardet decides.

import { isAscii, isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv from "iconv-lite";

/** How far into the body to look for an XML prolog; it must come first, so 1 KiB is plenty. */
const PROLOG_SCAN_BYTES = 1024;
/** How far to look for <meta charset>; HTML says 1024, but real pages put it later, so 4 KiB. */
const META_SCAN_BYTES = 4096;
/** Used when nothing is declared and detection has no answer: the web's historical default. */
const FALLBACK_CHARSET = "windows-1252";
/** chardet reads this much: enough text for a confident guess, bounded cost on a 10 MB body. */
const DETECT_SAMPLE_BYTES = 64 * 1024;
/** Labels that browsers decode as windows-1252 (WHATWG Encoding): servers say latin1, mean cp1252. */
const CP1252_ALIASES = new Set(["iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii"]);
/** Other spellings seen in the wild for names iconv-lite knows differently. */
const LABEL_ALIASES: Record<string, string> = {
  utf8: "utf-8",
  "x-sjis": "shift_jis",
  sjis: "shift_jis",
  ms_kanji: "shift_jis",
};

const PROLOG_RE = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i;
const META_CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9._:-]+)/i;
const CONTENT_TYPE_CHARSET_RE = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i;

export interface Decoded {
  charset: string;
  text: string;
}

/** A canonical, supported encoding name for a label, or null if iconv-lite does not know it. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  let l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (CP1252_ALIASES.has(l)) l = "windows-1252";
  l = LABEL_ALIASES[l] ?? l;
  return iconv.encodingExists(l) ? l : null;
}

export function charsetFromContentType(contentType: string | null): string | null {
  const m = contentType ? CONTENT_TYPE_CHARSET_RE.exec(contentType) : null;
  return m ? normaliseCharset(m[2]) : null;
}

function bomCharset(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  return null;
}

/** Charsets the document declares about itself: its XML prolog, or else its <meta>. */
function declaredInBody(body: Buffer): string[] {
  const prolog = PROLOG_RE.exec(body.subarray(0, PROLOG_SCAN_BYTES).toString("latin1"));
  // An XML document declares itself in its prolog; a <meta> further on is quoted HTML content.
  if (prolog) return [normaliseCharset(prolog[1])].filter((c): c is string => c !== null);
  const meta = META_CHARSET_RE.exec(body.subarray(0, META_SCAN_BYTES).toString("latin1"));
  const fromMeta = normaliseCharset(meta?.[1]);
  // A document cannot describe itself in UTF-16 from ASCII bytes (WHATWG): it means UTF-8.
  if (fromMeta?.startsWith("utf-16")) return ["utf-8"];
  return fromMeta ? [fromMeta] : [];
}

/** chardet's guesses, best first, limited to encodings iconv-lite can decode. */
function detected(body: Buffer): string[] {
  return chardet
    .analyse(body.subarray(0, DETECT_SAMPLE_BYTES))
    .map((m) => normaliseCharset(m.name))
    .filter((n): n is string => n !== null);
}

/** The charset to decode with, given the header's declaration and the bytes. */
export function chooseCharset(body: Buffer, contentType: string | null): string {
  const bom = bomCharset(body);
  if (bom) return bom;
  const declared = [charsetFromContentType(contentType), ...declaredInBody(body)].filter(
    (c): c is string => c !== null,
  );
  const distinct = [...new Set(declared)];
  if (isAscii(body)) return distinct[0] ?? "utf-8";
  // Non-ASCII bytes that form valid UTF-8 are practically never legacy text by accident; a
  // different label on them is a stale template or a server default (Apache's ISO-8859-1).
  if (isUtf8(body)) return "utf-8";
  const legacy = distinct.filter((c) => c !== "utf-8");
  if (legacy.length === 1) return legacy[0]!;
  // Declarations disagree, or only a failed "utf-8" (or nothing) was declared: detect.
  const guesses = detected(body).filter((g) => g !== "utf-8");
  return guesses.find((g) => legacy.includes(g)) ?? legacy[0] ?? guesses[0] ?? FALLBACK_CHARSET;
}

export function decodeBody(body: Buffer, contentType: string | null): Decoded {
  const charset = chooseCharset(body, contentType);
  if (charset === "utf-8") {
    // Node's own decoder is the fast path for the common case; drop a BOM as iconv-lite would.
    const start = bomCharset(body) === "utf-8" ? 3 : 0;
    return { charset, text: body.toString("utf8", start) };
  }
  // iconv-lite strips a leading BOM for the UTF encodings.
  return { charset, text: iconv.decode(body, charset) };
}

// Bytes to text: a byte-order mark wins, then the charset of the Content-Type header, then a
// <meta charset> or <meta http-equiv> in the head of the page. Declarations often lie, so a
// page that is valid UTF-8 with non-ASCII bytes is read as UTF-8, and a page declared UTF-8
// that is not valid UTF-8 (or declares nothing) is handed to chardet.
import chardet from "chardet";
import iconv from "iconv-lite";

/** How far into the page to look for <meta charset>; the HTML spec says 1024, real pages spill. */
const META_SCAN_BYTES = 16 * 1024;
/** How much of the page chardet looks at; more is slower and rarely changes the answer. */
const DETECT_SAMPLE_BYTES = 64 * 1024;

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;
const HEADER_CHARSET = /charset\s*=\s*["']?\s*([\w:.-]+)/i;

// WHATWG maps these labels to windows-1252, and so do browsers.
const LATIN1_LABELS = new Set(["iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii"]);

export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (LATIN1_LABELS.has(l)) return "windows-1252";
  if (l === "utf8" || l === "unicode-1-1-utf-8") return "utf-8";
  if (l === "x-sjis" || l === "sjis" || l === "ms_kanji") return "shift_jis";
  return iconv.encodingExists(l) ? l : null;
}

function bomCharset(bytes: Buffer): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { charset: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", skip: 2 };
  return null;
}

function declaredCharset(bytes: Buffer, contentType?: string | null): string | null {
  const fromHeader = contentType?.match(HEADER_CHARSET)?.[1];
  const header = normaliseCharset(fromHeader);
  if (header) return header;
  const head = bytes.subarray(0, META_SCAN_BYTES).toString("latin1");
  return normaliseCharset(head.match(META_CHARSET)?.[1]);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** "ascii" when every byte is < 0x80, "utf8" when valid UTF-8 with non-ASCII, else "other". */
function utf8Shape(bytes: Buffer): "ascii" | "utf8" | "other" {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return "ascii";
  try {
    strictUtf8.decode(bytes);
    return "utf8";
  } catch {
    return "other";
  }
}

function detect(bytes: Buffer): string {
  const guess = chardet.detect(bytes.subarray(0, DETECT_SAMPLE_BYTES));
  return normaliseCharset(guess) ?? "windows-1252";
}

export function decodeHtml(bytes: Buffer, contentType?: string | null): string {
  const bom = bomCharset(bytes);
  if (bom) return iconv.decode(bytes.subarray(bom.skip), bom.charset);
  const declared = declaredCharset(bytes, contentType);
  if (declared === "utf-16le" || declared === "utf-16be" || declared === "utf-16") {
    return iconv.decode(bytes, declared);
  }
  const shape = utf8Shape(bytes);
  if (shape === "utf8" || shape === "ascii") return bytes.toString("utf8");
  // Not UTF-8: believe a legacy declaration, else ask chardet.
  const charset = declared && declared !== "utf-8" ? declared : detect(bytes);
  return iconv.decode(bytes, charset === "utf-8" ? "windows-1252" : charset);
}

// HTML fragments (feed titles, summaries, comment bodies) to plain text: tags stripped,
// entities decoded, paragraphs kept as newlines. Small on purpose: these are fragments, not pages.

/** Named entities seen in real feeds and comments; anything else is left as written. */
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  bull: "•",
  middot: "·",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  sect: "§",
  para: "¶",
  times: "×",
  divide: "÷",
  plusmn: "±",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  shy: "",
  zwj: "\u200d",
  zwnj: "\u200c",
  thinsp: "\u2009",
  ensp: "\u2002",
  emsp: "\u2003",
  iexcl: "¡",
  iquest: "¿",
  aacute: "á",
  Aacute: "Á",
  agrave: "à",
  Agrave: "À",
  acirc: "â",
  auml: "ä",
  Auml: "Ä",
  aring: "å",
  atilde: "ã",
  ccedil: "ç",
  Ccedil: "Ç",
  eacute: "é",
  Eacute: "É",
  egrave: "è",
  Egrave: "È",
  ecirc: "ê",
  euml: "ë",
  iacute: "í",
  igrave: "ì",
  icirc: "î",
  iuml: "ï",
  ntilde: "ñ",
  Ntilde: "Ñ",
  oacute: "ó",
  Oacute: "Ó",
  ograve: "ò",
  ocirc: "ô",
  ouml: "ö",
  Ouml: "Ö",
  otilde: "õ",
  oslash: "ø",
  Oslash: "Ø",
  uacute: "ú",
  ugrave: "ù",
  ucirc: "û",
  uuml: "ü",
  Uuml: "Ü",
  szlig: "ß",
  aelig: "æ",
  AElig: "Æ",
  yacute: "ý",
  yuml: "ÿ",
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * C1 control characters (U+0080–U+009F, e.g. from "&#147;") are windows-1252 bytes in practice;
 * these are what they mean there. The rest of the range has no meaning and is dropped.
 */
const C1_FIXUP: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};
const C1 = /[\u0080-\u009f]/g;

function fixC1(text: string): string {
  return text.replace(C1, (ch) => {
    const fixed = C1_FIXUP[ch.charCodeAt(0)];
    return fixed === undefined ? "" : String.fromCodePoint(fixed);
  });
}

function fromCodePoint(code: number): string | null {
  const fixed = C1_FIXUP[code] ?? code;
  if (fixed === 0 || fixed > 0x10ffff || (fixed >= 0xd800 && fixed <= 0xdfff)) return null;
  return String.fromCodePoint(fixed);
}

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    // Own keys only: "&constructor;" must not find Object.prototype's.
    if (body[0] !== "#") return Object.hasOwn(NAMED, body) ? NAMED[body]! : whole;
    const hex = body[1] === "x" || body[1] === "X";
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    return fromCodePoint(code) ?? "\ufffd";
  });
}

const DROP_WITH_CONTENT = /<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const PARAGRAPH_BREAK =
  /<\/?(p|div|ul|ol|pre|blockquote|h[1-6]|table|section|article|header|footer|figure|hr)\b[^>]*>/gi;
const LINE_BREAK = /<(br|li|tr)\b[^>]*>/gi;
/** Whitespace runs that need collapsing: two or more, or one that is not a plain space (fast on long text). */
const SPACE_RUN = /\s{2,}|[^\S ]/g;
const LINE_SPACE_RUN = /[ \t\f\v\u00a0]{2,}|[\t\f\v\u00a0]/g;
const PRE = /<pre\b[^>]*>([\s\S]*?)<\/pre\s*>/gi;
const TAG = /<\/?[A-Za-z][^>]*>/g;

/** Plain text from an HTML fragment; block elements become blank lines, <br> a newline, at most one blank line in a row. */
export function htmlToText(html: string): string {
  const marked = html
    .replace(CDATA, "$1")
    .replace(COMMENT, "")
    .replace(DROP_WITH_CONTENT, "")
    // Source line breaks are only spaces in HTML, except inside <pre>.
    .replace(PRE, (_, inner: string) => `<pre>${inner.replace(/\r?\n/g, "<br>")}</pre>`)
    .replace(SPACE_RUN, " ")
    .replace(PARAGRAPH_BREAK, "\n\n")
    .replace(LINE_BREAK, "\n")
    .replace(TAG, "");
  const lines = fixC1(decodeEntities(marked))
    .split("\n")
    .map((line) => line.replace(LINE_SPACE_RUN, " ").trim());
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** One line of text (titles, names): tags stripped, entities decoded, whitespace collapsed; "" becomes null. */
export function inlineText(html: string | null | undefined): string | null {
  if (html == null) return null;
  const text = htmlToText(String(html)).replace(SPACE_RUN, " ").trim();
  return text === "" ? null : text;
}

// XML text: escaped, and stripped of characters XML 1.0 forbids (a single U+0001 in a headline
// would make a whole feed unparseable).

const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing characters XML forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function cleanText(text: string): string {
  return text.replace(INVALID_XML, "");
}

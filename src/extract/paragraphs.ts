// An article element to plain-text paragraphs: every block element (and every <br>) ends a
// paragraph, inline text is joined, whitespace collapsed. Headings come out as their own
// paragraphs.

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "BUTTON", "SELECT"]);

/** A list whose text is at least this share of link text is a list of links (related stories). */
const LINK_LIST_DENSITY = 0.7;
const LISTS = new Set(["UL", "OL", "DL"]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Marks, on the walk's stack, the end of a block element: its text ends a paragraph. */
const BLOCK_END = null;

export function toParagraphs(root: Element): string[] {
  const out: string[] = [];
  let buffer = "";
  const flush = () => {
    const text = buffer.replace(/\s+/g, " ").trim();
    if (text) out.push(text);
    buffer = "";
  };
  // A stack, not recursion: hostile pages nest thousands of elements deep.
  const stack: (Node | typeof BLOCK_END)[] = [];
  const pushChildren = (node: Node) => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      flush();
    } else if (node.nodeType === TEXT_NODE) {
      buffer += node.nodeValue ?? "";
    } else if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as Element).tagName.toUpperCase();
      if (SKIP.has(tag) || (LISTS.has(tag) && isLinkList(node as Element))) continue;
      if (BLOCK.has(tag)) {
        flush();
        stack.push(BLOCK_END);
      }
      pushChildren(node);
    }
  }
  flush();
  return out;
}

function isLinkList(list: Element): boolean {
  const text = (list.textContent ?? "").replace(/\s+/g, "").length;
  if (text === 0) return true;
  let links = 0;
  const anchors = list.getElementsByTagName("a");
  for (let i = 0; i < anchors.length; i++) {
    links += (anchors[i]!.textContent ?? "").replace(/\s+/g, "").length;
  }
  return links / text >= LINK_LIST_DENSITY;
}

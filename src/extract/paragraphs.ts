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

export function toParagraphs(root: Element): string[] {
  const out: string[] = [];
  let buffer = "";
  const flush = () => {
    const text = buffer.replace(/\s+/g, " ").trim();
    if (text) out.push(text);
    buffer = "";
  };
  // Depth first with a stack of the elements entered, not recursion: hostile pages nest
  // thousands of elements deep. Forward only (firstChild, nextSibling): the cheap moves in
  // linkedom's linked list.
  const entered: Node[] = [];
  const enteredBlock: boolean[] = [];
  let node: Node | null = root.firstChild;
  for (;;) {
    if (node === null) {
      const parent = entered.pop();
      if (parent === undefined) break;
      if (enteredBlock.pop()) flush();
      node = parent.nextSibling;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      buffer += node.nodeValue ?? "";
    } else if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as Element).tagName.toUpperCase();
      const skipped = SKIP.has(tag) || (LISTS.has(tag) && isLinkList(node as Element));
      if (!skipped) {
        const block = BLOCK.has(tag);
        if (block) flush();
        if (node.firstChild) {
          entered.push(node);
          enteredBlock.push(block);
          node = node.firstChild;
          continue;
        }
        if (block) flush();
      }
    }
    node = node.nextSibling;
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

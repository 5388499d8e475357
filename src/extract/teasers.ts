// Teaser cards: when a page holds several <article> elements, one is the story and the others
// are cards for other stories (related posts, "more stories", a blog's next entries). They go
// before Readability sees them, because Readability keeps them when they share a parent with
// the story. The story is the article the page marks up as such (schema.org Article type or an
// articleBody inside), else the first with real prose. When marked, every other article that
// neither holds nor sits in it is a card; when only guessed, only those whose heading is a link.

/** An <article> with this much text is the story rather than a card. */
const STORY_MIN_CHARS = 500;
const LINKED_HEADING = "h1 a, h2 a, h3 a, h4 a, a h1, a h2, a h3, a h4";
const MARKED_TYPE = /Article|BlogPosting|Report/;

function isMarked(article: Element): boolean {
  return (
    MARKED_TYPE.test(article.getAttribute("itemtype") ?? "") ||
    article.querySelector('[itemprop="articleBody"]') !== null
  );
}

export function cutTeaserArticles(root: Element): void {
  const articles = Array.from(root.getElementsByTagName("article"));
  if (articles.length < 2) return;
  const marked = articles.filter(isMarked);
  const story =
    marked.length === 1
      ? marked[0]
      : articles.find((a) => (a.textContent ?? "").length >= STORY_MIN_CHARS);
  if (!story) return;
  const sure = marked.length === 1;
  // The list is in document order; linkedom's compareDocumentPosition is wrong across parents.
  const storyAt = articles.indexOf(story);
  for (const [i, a] of articles.entries()) {
    if (a === story || story.contains(a) || a.contains(story) || !a.isConnected) continue;
    const after = i > storyAt;
    if (sure || (after && a.querySelector(LINKED_HEADING))) a.remove();
  }
}

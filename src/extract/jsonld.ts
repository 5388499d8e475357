// JSON-LD: the publisher's own description of the article. We read every
// <script type="application/ld+json">, flatten @graph and arrays, and keep the first object
// whose @type names an article.

const ARTICLE_TYPE = /Article|BlogPosting|NewsArticle|Report|LiveBlogPosting|SocialMediaPosting/;

export type LdObject = Record<string, unknown>;

export interface LdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  author: string | null;
  publisher: string | null;
  image: string | null;
  articleBody: string | null;
  description: string | null;
  inLanguage: string | null;
  /** The article's @type, genre and section, as the page states them (see opinion.ts). */
  type: string;
  genre: string | null;
  section: string | null;
}

const EMPTY: LdArticle = {
  headline: null,
  datePublished: null,
  dateModified: null,
  author: null,
  publisher: null,
  image: null,
  articleBody: null,
  description: null,
  inLanguage: null,
  type: "",
  genre: null,
  section: null,
};

function parseBlock(text: string): unknown {
  const cleaned = text
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .trim();
  try {
    return JSON.parse(cleaned);
  } catch {
    // Some pages put raw newlines inside strings; JSON forbids them, browsers don't care.
    try {
      // ...and trailing commas, which JSON forbids too.
      return JSON.parse(cleaned.replace(/[\n\r\t]+/g, " ").replace(/,\s*([\]}])/g, "$1"));
    } catch {
      return null;
    }
  }
}

function flatten(value: unknown, out: LdObject[], depth = 0): void {
  if (depth > 6 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  const obj = value as LdObject;
  out.push(obj);
  if (obj["@graph"]) flatten(obj["@graph"], out, depth + 1);
  if (obj.mainEntity && typeof obj.mainEntity === "object") flatten(obj.mainEntity, out, depth + 1);
}

function typeOf(obj: LdObject): string {
  const t = obj["@type"];
  return Array.isArray(t) ? t.join(" ") : typeof t === "string" ? t : "";
}

export function str(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  return null;
}

/** A name from a string, an object with `name`, or an array of either. */
export function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? [...new Set(names)].join(", ") : null;
  }
  if (value && typeof value === "object") return str((value as LdObject).name);
  return str(value);
}

function urlOf(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? urlOf(value[0]) : null;
  if (value && typeof value === "object") {
    const o = value as LdObject;
    return str(o.url) ?? str(o.contentUrl) ?? str(o["@id"]);
  }
  return str(value);
}

export function readJsonLd(blocks: string[]): LdArticle | null {
  const objects: LdObject[] = [];
  for (const b of blocks) flatten(parseBlock(b), objects);
  const article = objects.find((o) => ARTICLE_TYPE.test(typeOf(o)));
  // Without an article object, or when it leaves dates out, the page's other objects (often a
  // WebPage) may still date the page.
  const dated = objects.find((o) => str(o.datePublished));
  if (!article) {
    if (!dated) return null;
    return {
      ...EMPTY,
      datePublished: str(dated.datePublished),
      dateModified: str(dated.dateModified),
    };
  }
  return {
    headline: str(article.headline) ?? str(article.name),
    datePublished:
      str(article.datePublished) ?? str(article.dateCreated) ?? str(dated?.datePublished),
    dateModified: str(article.dateModified) ?? str(dated?.dateModified),
    author: nameOf(article.author) ?? nameOf(article.creator),
    publisher: nameOf(article.publisher),
    image: urlOf(article.image) ?? urlOf(article.thumbnailUrl),
    articleBody: str(article.articleBody) ?? str(article.text),
    description: str(article.description),
    inLanguage: nameOf(article.inLanguage),
    type: typeOf(article),
    genre: nameOf(article.genre),
    section: nameOf(article.articleSection),
  };
}

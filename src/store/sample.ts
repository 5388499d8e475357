// Records for store tests and the durability child: every field set, deterministic per seed.
import type { Article, Brief, Story, Thread } from "../types.ts";
import type { Store } from "./store.ts";

export function sampleArticle(n: number, overrides: Partial<Article> = {}): Article {
  const paragraphs = [
    `Paragraph one of article ${n}, about the harbour bridge and its repairs.`,
    `Paragraph two of article ${n}: "We expect traffic to return," the mayor said.`,
  ];
  return {
    id: `a${n}`,
    url: `https://news${n % 7}.example/2026/11/story-${n}?utm=feed`,
    canonicalUrl: `https://news${n % 7}.example/2026/11/story-${n}`,
    outlet: `News ${n % 7}`,
    outletDomain: `news${n % 7}.example`,
    headline: `Headline number ${n}`,
    byline: n % 2 === 0 ? `Reporter ${n}` : null,
    publishedAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
    modifiedAt: n % 3 === 0 ? new Date(Date.UTC(2026, 10, 2) + n * 60_000).toISOString() : null,
    fetchedAt: new Date(Date.UTC(2026, 10, 3) + n * 60_000).toISOString(),
    language: "en",
    leadImage: n % 2 === 0 ? `https://news${n % 7}.example/img/${n}.jpg` : null,
    description: `Description ${n}`,
    text: paragraphs.join("\n\n"),
    paragraphs,
    sentences: [
      `Paragraph one of article ${n}, about the harbour bridge and its repairs.`,
      `"We expect traffic to return," the mayor said.`,
    ],
    fingerprint: n.toString(16).padStart(16, "0"),
    storyId: null,
    duplicateOf: null,
    opinion: false,
    ...overrides,
  };
}

export function sampleThread(id: string, articleUrl: string | null, comments = 3): Thread {
  return {
    id: `hackernews:${id}`,
    platform: "hackernews",
    url: `https://news.ycombinator.com/item?id=${id}`,
    title: `Discussion ${id}`,
    articleUrl,
    fetchedAt: "2026-11-26T12:00:00.000Z",
    comments: Array.from({ length: comments }, (_, i) => ({
      id: `${id}-c${i}`,
      parentId: i === 0 ? null : `${id}-c${i - 1}`,
      author: i % 2 === 0 ? `user${i}` : null,
      text: `Comment ${i} on ${id}: interesting <b>take</b>.`,
      score: i % 3 === 0 ? null : i * 10,
      postedAt: i % 2 === 0 ? `2026-11-26T1${i % 10}:00:00.000Z` : null,
      url: `https://news.ycombinator.com/item?id=${id}${i}`,
    })),
  };
}

export function sampleStory(id: string, lastUpdated: string, articleIds: string[] = []): Story {
  return {
    id,
    title: `Story ${id}`,
    articleIds,
    firstSeen: "2026-11-01T00:00:00.000Z",
    lastUpdated,
    topTerms: ["bridge", "harbour", id],
  };
}

export function sampleBrief(storyId: string, version: number): Brief {
  return {
    storyId,
    version,
    generatedAt: `2026-11-26T12:0${version % 10}:00.000Z`,
    headline: `Brief ${storyId} v${version}`,
    dek: version % 2 === 0 ? null : `Dek v${version}`,
    paragraphs: [
      {
        role: "lead",
        sentences: [
          {
            text: "The bridge reopened.",
            rendered: "The bridge reopened, News 1 reports.",
            kind: "lead",
            articleIds: ["a1", "a2"],
            outlets: ["News 1", "News 2"],
            singleSource: false,
          },
        ],
      },
      { role: "community", sentences: [], summary: "Readers were divided." },
    ],
    quotes: [
      { text: "We expect traffic", speaker: "the mayor", articleId: "a1", outlet: "News 1" },
    ],
    reaction: {
      tone: "divided",
      threadCount: 1,
      commentCount: 3,
      themes: [
        {
          label: "traffic",
          keyPhrases: ["traffic jam"],
          share: 0.5,
          comment: {
            commentId: "c1",
            threadId: "hackernews:1",
            author: null,
            text: "Jams.",
            url: null,
          },
        },
      ],
      text: "Readers were divided.",
    },
    moreCoverage: [
      {
        articleId: "a3",
        outlet: "News 3",
        url: "https://x.example/3",
        headline: "H",
        publishedAt: null,
      },
    ],
    timeline: [{ at: "2026-11-01T00:00:00.000Z", text: "Bridge closed.", articleIds: ["a1"] }],
  };
}

/** The store, except that the `call`-th call of `method` fails with `message` (a full disk, a
 * locked database): what a test of recovery from a failed write needs, on the real store. */
export function failingOn(store: Store, method: keyof Store, call: number, message: string): Store {
  let calls = 0;
  return new Proxy(store, {
    get(target, key) {
      if (key === method && ++calls === call) return async () => Promise.reject(new Error(message));
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Stores a one-article story whose article was also reached by `otherUrls` (a feed's link, the
 * address before a redirect); returns the article. */
export async function putStoryReachedBy(
  store: Store,
  storyId: string,
  otherUrls: string[],
): Promise<Article> {
  const article = sampleArticle(1, { storyId });
  await store.putArticle(article);
  await store.addArticleUrls(article.id, [article.url, article.canonicalUrl, ...otherUrls]);
  await store.assignArticle(article.id, storyId, null);
  await store.putStory(sampleStory(storyId, article.publishedAt!, [article.id]));
  return article;
}

// The whole pipeline over loopback: the demo outlets' feeds, pages and threads are fetched, parsed,
// extracted, clustered and written into briefs, and the outcome is checked against the corpus's
// gold stories.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../../src/config.ts";
import { loadCorpus } from "../../src/demo/corpus.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/server.ts";
import { articleId } from "../../src/pipeline/article.ts";
import { demoConfig, ingestDemo } from "../../src/pipeline/demo.ts";
import type { RoundReport } from "../../src/pipeline/index.ts";
import { openStore } from "../../src/store/index.ts";
import type { Store } from "../../src/store/store.ts";
import type { Article, Brief } from "../../src/types.ts";

describe("the demo, end to end over loopback", () => {
  const corpus = loadCorpus();
  const dir = mkdtempSync(join(tmpdir(), "storyline-e2e-"));
  let outlets: DemoServer;
  let store: Store;
  let report: RoundReport;
  const stored = new Map<string, Article>(); // demo article id → stored article

  before(async () => {
    outlets = await startDemoServer();
    const config = demoConfig(loadConfig({}, { db: join(dir, "demo.db") }), outlets);
    store = await openStore(config.db);
    // Bad sources beside the good ones: the run must log them and go on.
    await store.addSource({ kind: "feed", url: `${outlets.url}/no-such-outlet/feed.xml` });
    await store.addSource({ kind: "page", url: `${outlets.url}/opml.xml` });
    report = await ingestDemo(outlets, store, config);
    for (const a of corpus.articles) {
      const article = await store.getArticle(articleId(`${outlets.url}${a.path}`));
      if (article !== null) stored.set(a.id, article);
    }
  });

  after(async () => {
    await store.close();
    await outlets.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores every article once", async () => {
    assert.equal(stored.size, corpus.articles.length);
    assert.equal(await store.countArticles(), corpus.articles.length);
  });

  it("logs bad sources with their reason and goes on", async () => {
    const failed = report.polled.filter((p) => p.error !== null).map((p) => p.source.url);
    assert.deepEqual(
      failed.sort(),
      [`${outlets.url}/no-such-outlet/feed.xml`, `${outlets.url}/opml.xml`].sort(),
    );
    const sources = await store.listSources();
    const missing = sources.find((s) => s.url.endsWith("/no-such-outlet/feed.xml"));
    assert.match(missing?.lastError ?? "", /404/);
    assert.equal(missing?.failureCount, 1);
  });

  it("links wire copies to their original", () => {
    const copies = corpus.articles.filter((a) => a.copyOf !== null);
    assert.ok(copies.length >= 2);
    for (const copy of copies) {
      const original = stored.get(copy.copyOf!)!;
      assert.equal(
        stored.get(copy.id)?.duplicateOf,
        original.id,
        `${copy.id} should be a copy of ${copy.copyOf}`,
      );
    }
  });

  it("puts each gold story's articles in one story, and no two gold stories together", () => {
    const storyOfGold = new Map<string, string>();
    for (const gold of corpus.stories) {
      const found = new Set(gold.articleIds.map((id) => stored.get(id)?.storyId));
      assert.equal(found.size, 1, `gold story ${gold.id} was split into ${found.size} stories`);
      const storyId = [...found][0]!;
      assert.ok(storyId, `gold story ${gold.id} has unclustered articles`);
      assert.ok(
        !storyOfGold.has(storyId),
        `gold story ${gold.id} was merged with ${storyOfGold.get(storyId)}`,
      );
      storyOfGold.set(storyId, gold.id);
    }
  });

  it("writes a brief for every story, each sentence attributed to outlets that carry it", async () => {
    const stories = await store.listStories({ limit: 1000 });
    assert.ok(stories.length >= 10);
    for (const story of stories) {
      const brief = await store.getBrief(story.id);
      assert.ok(brief !== null, `story ${story.id} has no brief`);
      const sentences = brief.paragraphs.flatMap((p) => p.sentences);
      assert.ok(sentences.length >= 1, `story ${story.id} has an empty brief`);
      const articles = await store.listArticles({ storyId: story.id });
      for (const sentence of sentences) {
        const carriers = articles.filter((a) => sentence.articleIds.includes(a.id));
        assert.ok(carriers.length > 0);
        assert.ok(
          carriers.some((a) => a.sentences.includes(sentence.text)),
          `"${sentence.text}" is not verbatim in any article it is attributed to`,
        );
      }
      // A single-outlet sentence names its outlet, unless the sentence before it in the same
      // paragraph comes from the same outlet and already named it (attributed once, at the first).
      for (const paragraph of brief.paragraphs) {
        paragraph.sentences.forEach((sentence, i) => {
          if (sentence.outlets.length !== 1) return;
          const previous = paragraph.sentences[i - 1];
          if (previous !== undefined && previous.outlets.join() === sentence.outlets.join()) return;
          assert.match(sentence.rendered, new RegExp(escapeRegExp(sentence.outlets[0]!)));
        });
      }
    }
  });

  it("leaves out what the story's update overtook and what the story hardly needs", async () => {
    const stories = await store.listStories({ limit: 1000 });
    const mayor = stories.find((s) => /Marchetti/.test(s.title))!;
    const brief = (await store.getBrief(mayor.id))!;
    const texts = brief.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
    assert.ok(
      texts.some((t) => /was sworn in as mayor/.test(t)),
      "the update",
    );
    // Kept by the update ("signed an order for an independent audit"): no longer news.
    assert.ok(!texts.some((t) => /has promised an independent audit/.test(t)), texts.join("\n"));
    // An article's closing line about a side matter, under a fifth of the best relevance.
    assert.ok(!texts.some((t) => /^Police have not said/.test(t)), texts.join("\n"));
    // Said of someone introduced only in the sentence before, never named elsewhere.
    assert.ok(!texts.some((t) => /^Wendt could not be reached/.test(t)), texts.join("\n"));
    assert.doesNotMatch(brief.dek ?? "", /will be Brennick's next mayor/);
    // A listicle's figure and caption is not a sentence.
    assert.ok(!texts.some((t) => /^11 of 14:/.test(t)), texts.join("\n"));

    // Another outlet's opening line that tells the lead's event again is left out.
    const microbe = stories.find((s) => /forever chemicals/.test(s.title))!;
    const microbeTexts = (await store.getBrief(microbe.id))!.paragraphs.flatMap((p) =>
      p.sentences.map((s) => s.text),
    );
    assert.match(microbeTexts[0]!, /have discovered a soil bacterium/);
    assert.ok(
      !microbeTexts.some((t) => /they had identified a soil bacterium/.test(t)),
      microbeTexts.join("\n"),
    );
  });

  it("writes a community response citing real comments for the stories with threads", async () => {
    for (const thread of corpus.threads) {
      const article = stored.get(thread.articleId)!;
      const brief = (await store.getBrief(article.storyId!)) as Brief;
      assert.ok(
        brief.reaction !== null,
        `no reaction for the story discussed on ${thread.platform}`,
      );
      assert.ok(brief.reaction.commentCount >= 30);
      assert.ok(brief.reaction.themes.length >= 2);
      const threads = await store.threadsForUrls([article.canonicalUrl]);
      const commentIds = new Set(threads.flatMap((t) => t.comments.map((c) => c.id)));
      for (const theme of brief.reaction.themes) assert.ok(commentIds.has(theme.comment.commentId));
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

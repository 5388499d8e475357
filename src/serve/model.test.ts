import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../store/index.ts";
import { putStoryReachedBy, sampleThread } from "../store/sample.ts";
import { Reader } from "./model.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-model-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a story page links the threads about any URL its articles were reached by", async () => {
  const store = await openStore(join(dir, "model.db"));
  try {
    // One thread names the URL before a redirect, one the canonical URL.
    const beforeRedirect = "https://news1.example/p/1";
    const article = await putStoryReachedBy(store, "s1", [beforeRedirect]);
    const viaRedirect = sampleThread("1", `${beforeRedirect}/`, 5);
    const viaCanonical = sampleThread("2", article.canonicalUrl, 2);
    await store.putThread(viaRedirect);
    await store.putThread(viaCanonical);

    const model = await new Reader(store, { cacheTtlMs: 0 }).storyModel("s1");
    assert.deepEqual(
      model?.threads.map((t) => [t.href, t.comments]),
      [
        [viaRedirect.url, 5],
        [viaCanonical.url, 2],
      ],
    );
  } finally {
    await store.close();
  }
});

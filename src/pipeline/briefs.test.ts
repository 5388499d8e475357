import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadConfig } from "../config.ts";
import { openStore } from "../store/index.ts";
import { putStoryReachedBy, sampleThread } from "../store/sample.ts";
import { writeStoryBrief } from "./briefs.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-briefs-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a brief hears the threads about any URL its story's articles were reached by", async () => {
  const store = await openStore(join(dir, "briefs.db"));
  try {
    // The thread names the link the feed gave, which redirected to the article's own URL.
    const feedLink = "https://feeds.news1.example/r/1";
    await putStoryReachedBy(store, "s1", [feedLink]);
    await store.putThread(sampleThread("1", feedLink, 5));

    assert.equal(await writeStoryBrief({ store, config: loadConfig({}) }, "s1"), true);
    const brief = await store.getBrief("s1");
    assert.equal(brief?.reaction?.threadCount, 1);
    assert.equal(brief?.reaction?.commentCount, 5);
  } finally {
    await store.close();
  }
});

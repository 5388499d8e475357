import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadConfig } from "../config.ts";
import { createFetcher } from "../ingest/fetch/index.ts";
import { openStore } from "../store/index.ts";
import { pageJob } from "./worker.ts";

const dir = mkdtempSync(join(tmpdir(), "storyline-worker-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const GONE = readFileSync(new URL("../extract/testdata/soft-404.html", import.meta.url), "utf8");

test("a page job that fails makes its feed's next poll read the whole feed again", async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(GONE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = await openStore(join(dir, "page-job.db"));
  try {
    const config = {
      ...loadConfig({ STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORYLINE_HOST_DELAY_MS: "0" }),
      discoverThreads: false,
    };
    const fetcher = createFetcher(config.fetch);
    const source = await store.addSource({ kind: "feed", url: `${base}/feed.xml` });
    // Saved by the poll job once it had queued the entry's page job.
    await store.updateSource(source.id, { etag: '"v1"', lastModified: null });
    await assert.rejects(pageJob({ config, store, fetcher }, `${base}/gone`, source.id), /extract/);
    const after = (await store.listSources()).find((s) => s.id === source.id)!;
    assert.equal(after.etag, null);
    await fetcher.close();
  } finally {
    await store.close();
    server.close();
  }
});

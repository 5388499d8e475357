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

test("a page job that fails for now makes its feed's next poll read the whole feed again; one that is no article does not", async () => {
  // /busy answers 503 (a retry could mend it); /gone is a 'page not found' page (it could not).
  const server = createServer((req, res) => {
    if (req.url === "/busy") {
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("busy");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(GONE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = await openStore(join(dir, "page-job.db"));
  const config = {
    ...loadConfig({ STORYLINE_ALLOW_PRIVATE_HOSTS: "127.0.0.1", STORYLINE_HOST_DELAY_MS: "0" }),
    discoverThreads: false,
  };
  const fetcher = createFetcher(config.fetch);
  try {
    const source = await store.addSource({ kind: "feed", url: `${base}/feed.xml` });
    const etagAfter = async (path: string) => {
      // Saved by the poll job once it had queued the entry's page job.
      await store.updateSource(source.id, { etag: '"v1"', lastModified: null });
      await assert.rejects(pageJob({ config, store, fetcher }, `${base}${path}`, source.id));
      return (await store.listSources()).find((s) => s.id === source.id)!.etag;
    };
    assert.equal(await etagAfter("/busy"), null);
    assert.equal(await etagAfter("/gone"), '"v1"');
  } finally {
    await fetcher.close();
    await store.close();
    server.close();
  }
});

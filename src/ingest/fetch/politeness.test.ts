import assert from "node:assert/strict";
import { test } from "node:test";
import { createFetcher } from "./index.ts";
import { HostLimiter } from "./politeness.ts";
import { startServer, testConfig } from "./test-server.ts";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("no more than `concurrency` tasks run at once on one host", async () => {
  const limiter = new HostLimiter(2, 0);
  let active = 0;
  let peak = 0;
  const task = async () => {
    active++;
    peak = Math.max(peak, active);
    await tick(10);
    active--;
  };
  await Promise.all(Array.from({ length: 8 }, () => limiter.run("a.test", task)));
  assert.equal(peak, 2);
});

test("other hosts are not held up by a busy host", async () => {
  const limiter = new HostLimiter(1, 0);
  const order: string[] = [];
  let releaseA!: () => void;
  const a = limiter.run("a.test", () => new Promise<void>((r) => (releaseA = r)));
  const a2 = limiter.run("a.test", async () => void order.push("a2"));
  await limiter.run("b.test", async () => void order.push("b"));
  releaseA();
  await Promise.all([a, a2]);
  assert.deepEqual(order, ["b", "a2"]);
});

test("starts on one host are spaced by at least delayMs, in arrival order", async () => {
  const delay = 40;
  const limiter = new HostLimiter(4, delay);
  const starts: Array<[number, number]> = [];
  await Promise.all(
    [0, 1, 2, 3].map((i) => limiter.run("a.test", async () => void starts.push([i, Date.now()]))),
  );
  assert.deepEqual(
    starts.map(([i]) => i),
    [0, 1, 2, 3],
  );
  for (let i = 1; i < starts.length; i++) {
    // Timers may fire a millisecond early; the spacing must still be essentially the delay.
    assert.ok(starts[i]![1] - starts[i - 1]![1] >= delay - 2, `gap ${i}`);
  }
});

test("a failing task releases its slot", async () => {
  const limiter = new HostLimiter(1, 0);
  await assert.rejects(limiter.run("a.test", async () => Promise.reject(new Error("x"))));
  assert.equal(await limiter.run("a.test", async () => "next"), "next");
});

test("the fetcher holds to perHostConcurrency against a real server", async () => {
  let active = 0;
  let peak = 0;
  const server = await startServer((_req, res) => {
    active++;
    peak = Math.max(peak, active);
    setTimeout(() => {
      active--;
      res.end("ok");
    }, 20);
  });
  const f = createFetcher(testConfig({ perHostConcurrency: 2 }));
  try {
    await Promise.all(Array.from({ length: 6 }, (_, i) => f.fetch(`${server.origin}/${i}`)));
    assert.equal(server.requests.length, 6);
    assert.equal(peak, 2);
  } finally {
    await f.close();
    await server.close();
  }
});

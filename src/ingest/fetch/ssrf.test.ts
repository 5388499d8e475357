// The SSRF guard: every private, loopback or otherwise internal destination is refused before any
// connection is made. Tests that name a non-loopback private address first prove with the pure
// check that it is refused, so a broken guard can never send traffic there.

import assert from "node:assert/strict";
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { test } from "node:test";
import { createFetcher, FetchError } from "./index.ts";
import { blockedRange, checkUrlHost, makeAllowList } from "./ssrf.ts";
import { startServer, testConfig } from "./test-server.ts";

const NO_ALLOWANCE = makeAllowList([]);

test("blockedRange names every internal range and passes public addresses", () => {
  const blocked: Record<string, string> = {
    "127.0.0.1": "loopback",
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "192.168.1.1": "private",
    "169.254.169.254": "linkLocal",
    "100.64.0.1": "carrierGradeNat",
    "224.0.0.1": "multicast",
    "0.0.0.0": "unspecified",
    "255.255.255.255": "broadcast",
    "240.0.0.1": "reserved",
    "192.0.2.1": "reserved",
    "::1": "loopback",
    "::": "unspecified",
    "fc00::1": "uniqueLocal",
    "fd12:3456::1": "uniqueLocal",
    "fe80::1": "linkLocal",
    "ff02::1": "multicast",
    "::ffff:127.0.0.1": "ipv4Mapped embedding loopback 127.0.0.1",
    "::ffff:10.0.0.1": "ipv4Mapped embedding private 10.0.0.1",
    "::ffff:169.254.1.1": "ipv4Mapped embedding linkLocal 169.254.1.1",
    "::7f00:1": "unicast embedding loopback 127.0.0.1",
    "::a00:1": "unicast embedding private 10.0.0.1",
    "64:ff9b::a00:1": "rfc6052 embedding private 10.0.0.1",
    // RFC 8215 local-use NAT64: refused even when the last 32 bits look public.
    "64:ff9b:1::808:808": "localNat64",
    "64:ff9b:1:a00:1:0:808:808": "localNat64",
    "2002:c0a8:101::1": "6to4 embedding private 192.168.1.1",
    "2001:0:4136:e378:8000:63bf:80ff:fffe": "teredo embedding loopback 127.0.0.1",
  };
  for (const [ip, why] of Object.entries(blocked)) assert.equal(blockedRange(ip), why, ip);
  for (const ip of [
    "8.8.8.8",
    "1.1.1.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "2002:808:808::1",
  ]) {
    assert.equal(blockedRange(ip), null, ip);
  }
});

test("literal hosts in every spelling are refused by the pure URL check", () => {
  const urls = [
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::127.0.0.1]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://10.0.0.1/",
    "http://167772161/",
    "http://[::ffff:10.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/",
    "http://[fd00::1]/",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
  ];
  for (const u of urls) {
    assert.throws(() => checkUrlHost(new URL(u), NO_ALLOWANCE), { code: "ssrf" }, u);
  }
  assert.doesNotThrow(() => checkUrlHost(new URL("http://8.8.8.8/"), NO_ALLOWANCE));
  assert.doesNotThrow(() =>
    checkUrlHost(new URL("http://127.0.0.1/"), makeAllowList(["127.0.0.1"])),
  );
});

test("loopback in every spelling is refused before connecting (the server sees nothing)", async () => {
  const server = await startServer((_req, res) => res.end("should never be reached"));
  const f = createFetcher(testConfig({ allowPrivateHosts: [] }));
  const p = server.port;
  const urls = [
    `http://127.0.0.1:${p}/`,
    `http://2130706433:${p}/`,
    `http://0x7f.1:${p}/`,
    `http://127.1:${p}/`,
    `http://[::1]:${p}/`,
    `http://[::ffff:127.0.0.1]:${p}/`,
    `http://localhost:${p}/`,
  ];
  try {
    for (const u of urls) {
      const err = await f.fetch(u).then(
        () => assert.fail(`${u} was fetched`),
        (e: unknown) => e,
      );
      assert.ok(err instanceof FetchError, String(err));
      assert.equal(err.code, "ssrf", `${u}: ${err.message}`);
      assert.ok(err.message.startsWith(`fetch: ${u}: refused`), err.message);
    }
    assert.deepEqual(server.requests, []);
  } finally {
    await f.close();
    await server.close();
  }
});

test("private, link-local and mapped literals are refused by the fetcher", async () => {
  const f = createFetcher(testConfig({ allowPrivateHosts: [] }));
  const urls = [
    "http://10.0.0.1/",
    "http://[::ffff:10.0.0.1]/",
    "http://169.254.169.254/",
    "http://[fe80::1]/",
  ];
  for (const u of urls)
    assert.throws(() => checkUrlHost(new URL(u), NO_ALLOWANCE), { code: "ssrf" });
  try {
    for (const u of urls) await assert.rejects(f.fetch(u), { code: "ssrf" }, u);
  } finally {
    await f.close();
  }
});

test("a redirect to a private address is refused before connecting to it", async () => {
  assert.throws(() => checkUrlHost(new URL("http://10.0.0.1/"), NO_ALLOWANCE), { code: "ssrf" });
  const server = await startServer((req, res) => {
    const to = req.url === "/mapped" ? "http://[::ffff:a00:1]/admin" : "http://10.0.0.1/admin";
    res.writeHead(302, { location: to });
    res.end();
  });
  const f = createFetcher(testConfig());
  try {
    const err = await f.fetch(`${server.origin}/go`).catch((e: unknown) => e);
    assert.ok(err instanceof FetchError);
    assert.equal(err.code, "ssrf");
    assert.equal(err.message, "fetch: http://10.0.0.1/admin: refused address 10.0.0.1 (private)");
    await assert.rejects(f.fetch(`${server.origin}/mapped`), { code: "ssrf" });
    assert.deepEqual(server.requests, ["/go", "/mapped"]);
  } finally {
    await f.close();
    await server.close();
  }
});

/** A resolver for tests: maps names to fixed addresses, never asks real DNS. */
function fakeDns(table: Record<string, string[]>, asked: string[] = []): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, cb: (...a: unknown[]) => void) => {
    asked.push(hostname);
    const addrs = table[hostname];
    if (!addrs) {
      const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: "ENOTFOUND",
      });
      return cb(err);
    }
    const all: LookupAddress[] = addrs.map((a) => ({
      address: a,
      family: a.includes(":") ? 6 : 4,
    }));
    if (options.all) cb(null, all);
    else cb(null, all[0]!.address, all[0]!.family);
  }) as unknown as LookupFunction;
}

test("a name resolving to 10.0.0.1 is refused inside the connect lookup", async () => {
  const asked: string[] = [];
  const f = createFetcher(testConfig(), {
    lookup: fakeDns({ "intranet.test": ["10.0.0.1"] }, asked),
  });
  try {
    const err = await f.fetch("http://intranet.test/secret").catch((e: unknown) => e);
    assert.ok(err instanceof FetchError);
    assert.equal(err.code, "ssrf", err.message);
    assert.equal(
      err.message,
      "fetch: http://intranet.test/secret: refused address 10.0.0.1 (private) resolved for intranet.test",
    );
    assert.deepEqual(asked, ["intranet.test"]);
  } finally {
    await f.close();
  }
});

test("a name rebound to loopback is refused; allowed addresses connect through the hook", async () => {
  const server = await startServer((_req, res) => res.end("hello"));
  const dns = fakeDns({ "rebind.test": ["127.0.0.1"], "mixed.test": ["10.0.0.1", "127.0.0.1"] });
  const closed = createFetcher(testConfig({ allowPrivateHosts: [] }), { lookup: dns });
  const open = createFetcher(testConfig({ allowPrivateHosts: ["127.0.0.1"] }), { lookup: dns });
  try {
    await assert.rejects(closed.fetch(`http://rebind.test:${server.port}/`), { code: "ssrf" });
    assert.deepEqual(server.requests, []);
    const ok = await open.fetch(`http://rebind.test:${server.port}/x`);
    assert.equal(ok.kind === "ok" && ok.text, "hello");
    // 10.0.0.1 is dropped from the answer; only the allowed loopback address is connected to.
    const mixed = await open.fetch(`http://mixed.test:${server.port}/y`);
    assert.equal(mixed.kind === "ok" && mixed.text, "hello");
    assert.deepEqual(server.requests, ["/x", "/y"]);
  } finally {
    await closed.close();
    await open.close();
    await server.close();
  }
});

test("an unknown name is a dns error; a refused port is a connect error", async () => {
  const server = await startServer(() => {});
  const port = server.port;
  await server.close();
  const f = createFetcher(testConfig(), { lookup: fakeDns({}) });
  try {
    await assert.rejects(f.fetch("http://no-such-host.test/"), { code: "dns" });
    await assert.rejects(f.fetch(`http://127.0.0.1:${port}/`), { code: "connect" });
  } finally {
    await f.close();
  }
});

test("only http and https are fetched", async () => {
  const f = createFetcher(testConfig());
  try {
    await assert.rejects(f.fetch("file:///etc/passwd"), { code: "bad-url" });
    await assert.rejects(f.fetch("gopher://127.0.0.1/"), { code: "bad-url" });
    await assert.rejects(f.fetch("not a url"), { code: "bad-url" });
  } finally {
    await f.close();
  }
});

test("a redirect to a name resolving to a private address is refused at connect", async () => {
  const server = await startServer((_req, res) => {
    res.writeHead(307, { location: "http://intranet.test/admin" });
    res.end();
  });
  const asked: string[] = [];
  const dns = fakeDns({ "intranet.test": ["192.168.0.10"] }, asked);
  const f = createFetcher(testConfig(), { lookup: dns });
  try {
    await assert.rejects(f.fetch(`${server.origin}/go`), {
      code: "ssrf",
      message:
        "fetch: http://intranet.test/admin: refused address 192.168.0.10 (private) resolved for intranet.test",
    });
    assert.deepEqual(asked, ["intranet.test"]);
  } finally {
    await f.close();
    await server.close();
  }
});

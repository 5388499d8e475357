// Sections in the web UI, API and feeds: the fixture stories, with their articles linked to
// sources the test files under "Harbour" and "Weather" (a real SQLite store, in-process requests).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/store.ts";
import { FIXTURE_NOW, fillStore, loadFixtures } from "./fixtures.ts";
import { createApp } from "./index.ts";

let store: Store;
let app: Hono;

before(async () => {
  store = await openStore(":memory:");
  await fillStore(store, loadFixtures());
  const harbour = await store.addSource({
    kind: "feed",
    url: "https://coastherald.example/harbour.xml",
    section: "Harbour",
  });
  const weather = await store.addSource({
    kind: "feed",
    url: "https://northernpost.example/weather.xml",
    section: "Weather",
  });
  const unfiled = await store.addSource({ kind: "feed", url: "https://ledger.example/all.xml" });
  // s-bridge through both sections (most of its articles through Harbour), s-storm through
  // Weather, s-cycle through a feed in no section, s-library through none at all.
  for (const id of ["a1", "a2", "a5"]) await store.linkArticleSource(id, harbour.id);
  for (const id of ["a3", "c1"]) await store.linkArticleSource(id, weather.id);
  await store.linkArticleSource("b1", unfiled.id);
  app = createApp({ store, adminToken: null, cacheTtlMs: 0, now: () => FIXTURE_NOW });
});
after(() => store.close());

test("the front page links every section, and each card names its story's sections", async () => {
  const body = await (await app.request("/")).text();
  assert.match(
    body,
    /<nav class="sections" aria-label="Sections"><a href="\/" aria-current="page">All<\/a> · <a href="\/sections\/Harbour">Harbour<\/a> · <a href="\/sections\/Weather">Weather<\/a><\/nav>/,
  );
  assert.match(
    body,
    /Harbour bridge reopens[\s\S]*?updated <time[^>]*>[^<]*<\/time> · in <a href="\/sections\/Harbour">Harbour<\/a>, <a href="\/sections\/Weather">Weather<\/a><\/p>/,
  );
});

test("a section's page lists the stories its sources brought, in any case of its name", async () => {
  const res = await app.request("/sections/weather");
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.match(body, /<h1>Weather<\/h1>/);
  assert.match(body, /<a href="\/sections\/Weather" aria-current="page">Weather<\/a>/);
  assert.match(body, /2 stories from the sources in this section/);
  assert.ok(body.includes("Harbour bridge reopens") && body.includes("Storm warning"));
  assert.ok(!body.includes("cycle lanes") && !body.includes("Library extends"));
  assert.match(
    body,
    /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/feeds\/sections\/Weather\.atom"/,
  );

  const story = await (await app.request("/stories/s-storm")).text();
  assert.match(story, / · in <a href="\/sections\/Weather">Weather<\/a> · follow it:/);
});

test("an unknown section is a 404, and a page past the end too", async () => {
  assert.equal((await app.request("/sections/Sport")).status, 404);
  assert.equal((await app.request("/sections/Weather?page=2")).status, 404);
  assert.equal((await app.request("/api/sections/Sport")).status, 404);
  assert.equal((await app.request("/feeds/sections/Sport.atom")).status, 404);
});

test("the API lists sections and a section's stories, each story with its sections", async () => {
  const list = (await (await app.request("http://reader.test/api/sections")).json()) as {
    sections: { name: string; sources: number; url: string; apiUrl: string }[];
  };
  assert.deepEqual(list.sections, [
    {
      name: "Harbour",
      sources: 1,
      url: "http://reader.test/sections/Harbour",
      apiUrl: "http://reader.test/api/sections/Harbour",
    },
    {
      name: "Weather",
      sources: 1,
      url: "http://reader.test/sections/Weather",
      apiUrl: "http://reader.test/api/sections/Weather",
    },
  ]);
  const one = (await (
    await app.request("http://reader.test/api/sections/harbour?limit=1")
  ).json()) as {
    name: string;
    totalStories: number;
    total: number;
    next: string | null;
    stories: { id: string; sections: string[] }[];
  };
  assert.equal(one.name, "Harbour");
  assert.equal(one.totalStories, 1);
  assert.deepEqual(
    one.stories.map((s) => [s.id, s.sections]),
    [["s-bridge", ["Harbour", "Weather"]]],
  );
  assert.equal(one.next, null);
  const all = (await (await app.request("/api/stories")).json()) as {
    stories: { id: string; sections: string[] }[];
  };
  assert.deepEqual(Object.fromEntries(all.stories.map((s) => [s.id, s.sections])), {
    "s-bridge": ["Harbour", "Weather"],
    "s-storm": ["Weather"],
    "s-cycle": [],
    "s-library": [],
  });
});

test("a section's Atom and JSON feeds carry its stories' briefs", async () => {
  const atom = await app.request("http://reader.test/feeds/sections/Weather.atom");
  assert.equal(atom.status, 200);
  assert.match(atom.headers.get("content-type") ?? "", /application\/atom\+xml/);
  const xml = await atom.text();
  assert.match(xml, /<title type="text">Storyline: Weather<\/title>/);
  assert.match(
    xml,
    /<link rel="alternate" type="text\/html" href="http:\/\/reader\.test\/sections\/Weather"\/>/,
  );
  assert.match(xml, /href="http:\/\/reader\.test\/feeds\/sections\/Weather\.atom"/);
  const json = (await (await app.request("/feeds/sections/Weather.json")).json()) as {
    title: string;
    items: { title: string }[];
  };
  assert.equal(json.title, "Storyline: Weather");
  assert.ok(json.items.length >= 1);
});

test("with no section in use, the front page shows no section links", async () => {
  const bare = await openStore(":memory:");
  try {
    await fillStore(bare, loadFixtures());
    const plain = createApp({
      store: bare,
      adminToken: null,
      cacheTtlMs: 0,
      now: () => FIXTURE_NOW,
    });
    const body = await (await plain.request("/")).text();
    assert.doesNotMatch(body, /class="sections"| · in </);
    const api = (await (await plain.request("/api/sections")).json()) as { sections: unknown[] };
    assert.deepEqual(api.sections, []);
  } finally {
    await bare.close();
  }
});

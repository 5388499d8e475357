import assert from "node:assert/strict";
import { test } from "node:test";
import { findSplit, logGamma } from "./split.ts";

const PARAMS = { minPart: 15, vocabulary: 5000, prior: 0.1 };

/** Deterministic pseudo-random integers (a linear congruential generator). */
function numbers(seed: number) {
  let x = seed;
  return (below: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % below;
  };
}

/** An article of `size` distinct terms drawn from [from, from + pool). */
function article(next: (below: number) => number, from: number, pool: number, size: number) {
  const terms = new Set<number>();
  while (terms.size < size) terms.add(from + next(pool));
  return [...terms];
}

test("logGamma matches known values to eight digits", () => {
  const known: [number, number][] = [
    [1, 0],
    [2, 0],
    [0.5, 0.5 * Math.log(Math.PI)],
    [0.1, 2.252712651734206],
    [11, Math.log(3628800)],
    [100, 359.1342053695754],
  ];
  for (const [x, value] of known) {
    assert.ok(Math.abs(logGamma(x) - value) < 1e-8 * Math.max(1, value), `logGamma(${x})`);
  }
});

test("a sub-event with its own names and words is split off a story", () => {
  const next = numbers(7);
  const story = Array.from({ length: 60 }, () => article(next, 0, 200, 12));
  // Its own two names in every article, and words of its own.
  const sub = Array.from({ length: 30 }, () => [1000, 1001, ...article(next, 500, 40, 10)]);
  const articles = [...story, ...sub];
  assert.deepEqual(
    findSplit(articles, PARAMS),
    sub.map((_, i) => 60 + i),
  );
});

test("a facet named in a third of a story's articles, with the story's own words, stays", () => {
  const next = numbers(11);
  const articles = Array.from({ length: 90 }, (_, i) => {
    const terms = article(next, 0, 200, 12);
    return i % 3 === 0 ? [1000, 1001, ...terms] : terms;
  });
  assert.equal(findSplit(articles, PARAMS), null);
});

test("a part smaller than minPart is never split off", () => {
  const next = numbers(3);
  const story = Array.from({ length: 60 }, () => article(next, 0, 200, 12));
  const sub = Array.from({ length: 14 }, () => [1000, 1001, ...article(next, 500, 40, 10)]);
  assert.equal(findSplit([...story, ...sub], PARAMS), null);
  assert.equal(findSplit(story.slice(0, 20), PARAMS), null);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { opposed, sidesOf } from "./opposites.ts";

const opposedWords = (a: string, b: string) =>
  opposed(sidesOf(a.toLowerCase().split(" ")), sidesOf(b.toLowerCase().split(" ")));

test("opposite outcomes in the same words are opposed", () => {
  assert.ok(opposedWords("shares rose sharply", "shares fell sharply"));
  assert.ok(opposedWords("council approved plan", "council rejected plan"));
  assert.ok(opposedWords("minister denied reports", "minister confirmed reports"));
});

test("the same side, no side, or both sides in one text are not opposed", () => {
  assert.ok(!opposedWords("shares rose", "shares rising"));
  assert.ok(!opposedWords("shares rose", "shares ended"));
  // "rose after falling": the text takes both sides, so a text with one of them does not oppose it.
  assert.ok(!opposedWords("shares rose after falling", "shares fell"));
});

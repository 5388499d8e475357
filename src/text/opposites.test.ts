import assert from "node:assert/strict";
import { test } from "node:test";
import { opposedWords } from "./opposites.ts";

const words = (text: string) => text.toLowerCase().split(" ");

test("opposite outcomes in the same words are opposed", () => {
  assert.ok(opposedWords(words("shares rose sharply"), words("shares fell sharply")));
  assert.ok(opposedWords(words("council approved plan"), words("council rejected plan")));
  assert.ok(opposedWords(words("minister denied reports"), words("minister confirmed reports")));
});

test("the same side, no side, or both sides in one text are not opposed", () => {
  assert.ok(!opposedWords(words("shares rose"), words("shares rising")));
  assert.ok(!opposedWords(words("shares rose"), words("shares ended")));
  // "rose after falling": the text takes both sides, so a text with one of them does not oppose it.
  assert.ok(!opposedWords(words("shares rose after falling"), words("shares fell")));
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { shortened } from "./shorten.ts";

test("short text is left as it is", () => {
  assert.equal(shortened("The council met.", 40), "The council met.");
});

test("long text is cut at the last word that fits, without a hanging comma", () => {
  assert.equal(
    shortened("The council met on Tuesday, and voted", 28),
    "The council met on Tuesday…",
  );
});

test("one long word with no space in the second half is cut mid-word", () => {
  assert.equal(shortened("a https://example.com/a/very/long/path", 20), "a https://example.co…");
});

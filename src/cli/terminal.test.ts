import assert from "node:assert/strict";
import { test } from "node:test";
import { printable } from "./terminal.ts";

test("printable drops escape sequences' control bytes, carriage returns and C1 codes", () => {
  assert.equal(printable("Hello \u001b[2J\u001b]0;owned\u0007 world"), "Hello [2J]0;owned world");
  assert.equal(printable("line one\rline two\u009b31m"), "line oneline two31m");
  assert.equal(
    printable("tab\tand\nnewline stay; “quotes”, é, 日本 too"),
    "tab\tand\nnewline stay; “quotes”, é, 日本 too",
  );
});

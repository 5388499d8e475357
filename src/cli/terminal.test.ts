import assert from "node:assert/strict";
import { test } from "node:test";
import { progress } from "./shared.ts";
import { guardStream, printable } from "./terminal.ts";

test("printable drops escape sequences' control bytes, carriage returns and C1 codes", () => {
  assert.equal(printable("Hello \u001b[2J\u001b]0;owned\u0007 world"), "Hello [2J]0;owned world");
  assert.equal(printable("line one\rline two\u009b31m"), "line oneline two31m");
  assert.equal(
    printable("tab\tand\nnewline stay; “quotes”, é, 日本 too"),
    "tab\tand\nnewline stay; “quotes”, é, 日本 too",
  );
});

test("progress rewrites its line through the guard, and still guards the text", () => {
  let out = "";
  const stream = {
    isTTY: true,
    write(chunk: string) {
      out += chunk;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  guardStream(stream);
  const tick = progress("polling \u001b[2Jsources", stream);
  tick(1, 2);
  tick(2, 2);
  assert.equal(out, "\rpolling [2Jsources 1/2\rpolling [2Jsources 2/2\n");
  // Any other "\r" is still dropped.
  stream.write("a\rb");
  assert.equal(out.slice(-2), "ab");
});

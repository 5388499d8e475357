import assert from "node:assert/strict";
import { test } from "node:test";
import { followableUrl } from "./follow.ts";

test("a public http(s) URL is kept, without its fragment", () => {
  assert.equal(
    followableUrl(" https://news.example.org/feed.xml#top ", []),
    "https://news.example.org/feed.xml",
  );
});

test("other schemes and non-URLs are refused with the reason", () => {
  assert.throws(
    () => followableUrl("file:///etc/passwd", []),
    /cannot follow file:\/\/\/etc\/passwd: scheme file: refused/,
  );
  assert.throws(() => followableUrl("javascript:alert(1)", []), /scheme javascript: refused/);
  assert.throws(() => followableUrl("news.example.org/feed", []), /not a valid absolute URL/);
});

test("private and loopback addresses are refused unless allowed by name", () => {
  for (const url of [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.7/feed",
    "http://[::1]:8080/",
    "http://2130706433/", // 127.0.0.1 as one decimal number
  ]) {
    assert.throws(
      () => followableUrl(url, []),
      /refused address .*STORYLINE_ALLOW_PRIVATE_HOSTS/,
      url,
    );
  }
  assert.equal(
    followableUrl("http://127.0.0.1:8079/feed", ["127.0.0.1"]),
    "http://127.0.0.1:8079/feed",
  );
});

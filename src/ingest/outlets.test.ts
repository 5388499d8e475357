import assert from "node:assert/strict";
import { test } from "node:test";
import { parseOutlets } from "./outlets.ts";

test("an outlet list gives entries by bare domain, a URL standing for its domain", () => {
  const list = parseOutlets(
    JSON.stringify([
      {
        domain: "https://www.TheGuardian.com/uk",
        name: "The Guardian",
        country: "GB",
        lean: "left",
      },
      { domain: "apnews.com", ownership: "nonprofit cooperative" },
    ]),
  );
  assert.deepEqual(list, [
    {
      domain: "theguardian.com",
      name: "The Guardian",
      country: "GB",
      ownership: null,
      lean: "left",
    },
    {
      domain: "apnews.com",
      name: null,
      country: null,
      ownership: "nonprofit cooperative",
      lean: null,
    },
  ]);
});

test("an international domain is kept in the ASCII form article URLs give it", () => {
  assert.equal(parseOutlets('[{"domain": "Bücher.example"}]')[0]!.domain, "xn--bcher-kva.example");
});

test("a bad outlet list is refused with the entry and the reason", () => {
  assert.throws(() => parseOutlets("{not json"), /^Error: outlets: malformed JSON/);
  assert.throws(() => parseOutlets('{"domain": "a.example"}'), /expected a JSON array/);
  assert.throws(
    () => parseOutlets('[{"domain": "a.example"}, {"lean": "left"}]'),
    /entry 2: needs a domain or a name/,
  );
  assert.deepEqual(parseOutlets('[{"name": "Civic Signal", "lean": "centre"}]'), [
    { domain: null, name: "Civic Signal", country: null, ownership: null, lean: "centre" },
  ]);
  assert.throws(
    () => parseOutlets('[{"domain": "not a domain"}]'),
    /entry 1: "not a domain" is not a domain/,
  );
  assert.throws(() => parseOutlets('[{"domain": "a.example", "bias": "left"}]'), /entry 1/);
  assert.throws(
    () => parseOutlets(`[{"domain": "a.example", "lean": "${"x".repeat(81)}"}]`),
    /entry 1: lean/,
  );
});

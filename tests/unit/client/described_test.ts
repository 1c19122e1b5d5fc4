import assert from "node:assert/strict";
import { inspect } from "node:util";
import { asyncDispose, describedAs } from "../../../src/client/described.ts";

Deno.test("describedAs: every printable form is the description, nothing else the object holds", () => {
  const secret = "c2VjcmV0LXNlZWQtbmV2ZXItcHJpbnRlZA==";
  const target = { apiSecret: secret, close: () => Promise.resolve() };
  const described = describedAs(target, "Thing(signed)");
  assert.equal(described, target);
  assert.equal(String(described), "Thing(signed)");
  assert.equal(`${described}`, "Thing(signed)");
  assert.equal(JSON.stringify(described), '"Thing(signed)"');
  assert.equal(JSON.stringify({ nested: described }), '{"nested":"Thing(signed)"}');
  assert.equal(Deno.inspect(described, { depth: 10, showHidden: true }), "Thing(signed)");
  assert.equal(inspect(described, { depth: 10, showHidden: true }), "Thing(signed)");
  assert.equal(described.apiSecret, secret);
});

Deno.test("asyncDispose is the runtime's Symbol.asyncDispose when it has one", () => {
  assert.equal(typeof asyncDispose, "symbol");
  assert.equal(asyncDispose, Symbol.asyncDispose);
});

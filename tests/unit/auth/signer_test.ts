import assert from "node:assert/strict";
import { inspect } from "node:util";
import * as Effect from "effect/Effect";
import fc from "fast-check";
import { encodeBase64 } from "../../../src/auth/base64.ts";
import { ParsedKey } from "../../../src/auth/keys.ts";
import { makeBest, Signer, type SignerShape } from "../../../src/auth/signer.ts";
import { vectorKey, vectors, verifies } from "./vectors.ts";

const sign = (signer: SignerShape, message: string): Promise<string> =>
  Effect.runPromise(signer.sign(message));

const viaLayer = (layer: ReturnType<typeof Signer.layer>, message: string): Promise<string> =>
  Effect.runPromise(
    Signer.use((s) => s.sign(message)).pipe(Effect.provide(layer)),
  );

/** A `node:crypto` that failed to load, as in a browser. */
const noNodeCrypto = (): Promise<never> =>
  Promise.reject(new TypeError('Unsupported scheme "node" for module "node:crypto"'));

Deno.test("every vector reproduces byte-for-byte through node:crypto, WebCrypto and noble", async () => {
  const key = await vectorKey();
  const implementations = {
    nodeCrypto: await Signer.makeNodeCrypto(key),
    webcrypto: await Signer.makeWebCrypto(key),
    noble: await Signer.makeNoble(key),
    best: await Signer.make(key),
  };
  for (const [name, signer] of Object.entries(implementations)) {
    assert.equal(signer.apiKey, vectors.public_key_b64, name);
    for (const v of vectors.vectors) {
      const signature = await sign(signer, v.message);
      assert.equal(signature, v.signature_b64, `${name}: ${v.message}`);
      assert.equal(signature.length, 88);
    }
  }
});

Deno.test("Signer layers provide a working signer", async () => {
  const key = await vectorKey();
  const v = vectors.vectors[0]!;
  const layers = [
    Signer.layer(key),
    Signer.layerNodeCrypto(key),
    Signer.layerWebCrypto(key),
    Signer.layerNoble(key),
  ];
  for (const layer of layers) {
    assert.equal(await viaLayer(layer, v.message), v.signature_b64);
  }
});

Deno.test("property: node:crypto == WebCrypto == noble on random seeds and messages; all verify", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      fc.string({ unit: "grapheme", maxLength: 300 }),
      async (seed, message) => {
        const key = await ParsedKey.fromSeed(seed);
        const a = await sign(await Signer.makeNodeCrypto(key), message);
        const b = await sign(await Signer.makeWebCrypto(key), message);
        const c = await sign(await Signer.makeNoble(key), message);
        assert.equal(a, b);
        assert.equal(a, c);
        assert.ok(await verifies(a, message, key.apiKey));
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("signatures do not verify for another message or key", async () => {
  const key = await vectorKey();
  const other = await ParsedKey.fromSeed(new Uint8Array(32).fill(3));
  const v = vectors.vectors[0]!;
  assert.ok(await verifies(v.signature_b64, v.message, key.apiKey));
  assert.ok(!(await verifies(v.signature_b64, `${v.message}0`, key.apiKey)));
  assert.ok(!(await verifies(v.signature_b64, v.message, other.apiKey)));
});

Deno.test("signer objects do not expose the seed via String/JSON/inspect", async () => {
  const key = await vectorKey();
  const seed = key.revealSeed();
  const seedHex = Array.from(seed, (b) => b.toString(16).padStart(2, "0")).join("");
  const seedBytesText = Array.from(seed).join(",");
  const signers = [
    await Signer.makeNodeCrypto(key),
    await Signer.makeWebCrypto(key),
    await Signer.makeNoble(key),
    await Signer.make(key),
  ];
  for (const signer of signers) {
    const renderings = [
      String(signer),
      JSON.stringify(signer),
      Deno.inspect(signer, { depth: 10, showHidden: true }),
      inspect(signer, { depth: 10, showHidden: true }),
    ];
    for (const text of renderings) {
      for (const leak of [vectors.seed_b64, encodeBase64(seed), seedHex, seedBytesText]) {
        assert.ok(!text.includes(leak), `signer rendering leaks the seed: ${text}`);
      }
    }
    assert.deepEqual(Object.keys(signer).sort(), ["apiKey", "sign"]);
  }
});

Deno.test("Signer.make picks node:crypto where it works: its signatures are synchronous", async () => {
  const key = await vectorKey();
  const v = vectors.vectors[1]!;
  // Only the node:crypto signer completes without an async boundary.
  assert.equal(Effect.runSync((await Signer.make(key)).sign(v.message)), v.signature_b64);
  const webCrypto = await Signer.makeWebCrypto(key);
  assert.throws(() => Effect.runSync(webCrypto.sign(v.message)));
});

Deno.test("without node:crypto, the best signer is WebCrypto", async () => {
  const key = await vectorKey();
  const signer = await makeBest(key, noNodeCrypto());
  const v = vectors.vectors[3]!;
  assert.throws(() => Effect.runSync(signer.sign(v.message)));
  assert.equal(await sign(signer, v.message), v.signature_b64);
});

Deno.test("without node:crypto and WebCrypto Ed25519, the best signer is noble", async () => {
  const key = await vectorKey();
  const subtle = crypto.subtle as { importKey: SubtleCrypto["importKey"] };
  const original = subtle.importKey;
  let probes = 0;
  subtle.importKey = () => {
    probes++;
    return Promise.reject(new DOMException("Unrecognized name", "NotSupportedError"));
  };
  try {
    await assert.rejects(() => Signer.makeWebCrypto(key), DOMException);
    const signer = await makeBest(key, noNodeCrypto());
    const v = vectors.vectors[2]!;
    assert.equal(await sign(signer, v.message), v.signature_b64);
    assert.equal(probes, 2);
  } finally {
    subtle.importKey = original;
  }
});

import assert from "node:assert/strict";
import * as nodeCrypto from "node:crypto";
import * as Effect from "effect/Effect";
import { decodeBase64 } from "../../../src/auth/base64.ts";
import {
  makeNodeCrypto,
  type NodeCryptoEd25519,
  pkcs8Ed25519,
  probeNodeCrypto,
} from "../../../src/auth/node_crypto_signer.ts";
import { vectorKey, vectors } from "./vectors.ts";

const real = nodeCrypto as unknown as NodeCryptoEd25519;

/** The real `node:crypto` with some functions replaced. */
const patched = (overrides: Partial<NodeCryptoEd25519>) => (): Promise<unknown> =>
  Promise.resolve({ ...real, ...overrides });

Deno.test("pkcs8Ed25519 is the 16-byte PKCS#8 Ed25519 DER prefix followed by the seed", () => {
  const seed = Uint8Array.from({ length: 32 }, (_, i) => i);
  const der = pkcs8Ed25519(seed);
  const hex = Array.from(der, (b) => b.toString(16).padStart(2, "0")).join("");
  assert.equal(der.length, 48);
  assert.equal(hex.slice(0, 32), "302e020100300506032b657004220420");
  assert.deepEqual(der.subarray(16), seed);
});

Deno.test("the probe accepts this runtime's node:crypto", async () => {
  const module = await probeNodeCrypto();
  assert.equal(typeof module.sign, "function");
});

Deno.test("the probe rejects when node:crypto does not load", async () => {
  const failure = new TypeError('Unsupported scheme "node" for module "node:crypto"');
  await assert.rejects(() => probeNodeCrypto(() => Promise.reject(failure)), failure);
});

Deno.test("the probe rejects a node:crypto without createPrivateKey/sign (partial polyfill)", async () => {
  for (
    const module of [{}, null, { createPrivateKey: real.createPrivateKey }, { sign: real.sign }]
  ) {
    await assert.rejects(
      () => probeNodeCrypto(() => Promise.resolve(module)),
      /no createPrivateKey/,
    );
  }
});

Deno.test("the probe rejects when Ed25519 keys or signatures are unsupported", async () => {
  const unsupported = new Error("Unsupported key type: ed25519");
  const loaders = [
    patched({
      createPrivateKey: () => {
        throw unsupported;
      },
    }),
    patched({
      sign: () => {
        throw unsupported;
      },
    }),
  ];
  for (const load of loaders) await assert.rejects(() => probeNodeCrypto(load), unsupported);
});

Deno.test("the probe rejects a node:crypto that signs the known vector differently", async () => {
  const other = patched({
    sign: (_, data, key) => real.sign(null, Uint8Array.of(...data, 0), key),
  });
  const notBase64 = patched({
    sign: (_, data, key) => {
      const signature = real.sign(null, data, key);
      return { toString: () => String(Array.from(signature as unknown as Uint8Array)) };
    },
  });
  for (const load of [other, notBase64]) {
    await assert.rejects(() => probeNodeCrypto(load), /signed the RFC 8032 vector incorrectly/);
  }
});

Deno.test("makeNodeCrypto rejects with the probe's failure", async () => {
  const key = await vectorKey();
  const failure = new Error("no node:crypto");
  await assert.rejects(() => makeNodeCrypto(key, Promise.reject(failure)), failure);
});

Deno.test("makeNodeCrypto signs synchronously and zeroes the DER key it imported", async () => {
  const key = await vectorKey();
  const imported: Uint8Array[] = [];
  const module: NodeCryptoEd25519 = {
    ...real,
    createPrivateKey: (options) => {
      imported.push(options.key);
      return real.createPrivateKey(options);
    },
  };
  const signer = await makeNodeCrypto(key, Promise.resolve(module));
  assert.equal(signer.apiKey, vectors.public_key_b64);
  for (const v of vectors.vectors) {
    assert.equal(Effect.runSync(signer.sign(v.message)), v.signature_b64, v.message);
  }
  assert.equal(imported.length, 1);
  assert.ok(imported[0]!.every((b) => b === 0), "the PKCS#8 copy of the seed was not zeroed");
  assert.ok(decodeBase64(vectors.seed_b64)!.some((b) => b !== 0));
});

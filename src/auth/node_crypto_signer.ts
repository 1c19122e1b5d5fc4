/**
 * The `node:crypto` Ed25519 signer: synchronous, native, and the fastest where it exists (Node, Deno,
 * Bun, workerd with `nodejs_compat`). `node:crypto` is loaded with a dynamic import by a computed
 * specifier, so bundles for browsers and workerd do not pull it in and type checkers need no
 * `@types/node`. Whether it works is decided by a capability probe (sign the RFC 8032 test 2 vector
 * and compare), never by the runtime's name. Use it through `Signer.make` / `Signer.makeNodeCrypto`.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import { decodeBase64 } from "./base64.ts";
import type { ParsedKey } from "./keys.ts";
import type { SignerShape } from "./signer.ts";

/** A `node:crypto` `KeyObject`, opaque here. */
export interface NodeKeyObject {
  /** Always `"private"` for the keys this module creates. */
  readonly type: string;
}

/** The bytes `node:crypto.sign` returns: a `Buffer`, whose `toString("base64")` is native. */
export interface NodeSignature {
  /** Standard padded base64 of the bytes. */
  toString(encoding: "base64"): string;
}

/** The two functions of `node:crypto` the signer uses, typed locally (no `@types/node`). */
export interface NodeCryptoEd25519 {
  /** Imports a private key; here always a PKCS#8 DER Ed25519 key. */
  readonly createPrivateKey: (
    options: { readonly key: Uint8Array; readonly format: "der"; readonly type: "pkcs8" },
  ) => NodeKeyObject;
  /** One-shot signature; `algorithm` is `null` for Ed25519. */
  readonly sign: (algorithm: null, data: Uint8Array, key: NodeKeyObject) => NodeSignature;
}

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Uint8Array.of(
  0x30,
  0x2e,
  0x02,
  0x01,
  0x00,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x70,
  0x04,
  0x22,
  0x04,
  0x20,
);

/**
 * The PKCS#8 DER encoding of an Ed25519 private key (`302e020100300506032b657004220420 || seed`),
 * the import format of both `node:crypto` and WebCrypto. The caller zeroes it after the import.
 */
export const pkcs8Ed25519 = (seed: Uint8Array): Uint8Array<ArrayBuffer> => {
  const der = new Uint8Array(PKCS8_ED25519_PREFIX.length + seed.length);
  der.set(PKCS8_ED25519_PREFIX);
  der.set(seed, PKCS8_ED25519_PREFIX.length);
  return der;
};

/** RFC 8032 §7.1 test 2: a public test seed, the one-byte message 0x72 and its signature. */
const PROBE = {
  seed: "TM0Imyj/ltqdtsNG7BFOD1uKMZ81q6Yk2oz27U+4pvs=",
  message: Uint8Array.of(0x72),
  signature:
    "kqAJqfDUyrhyDoILX2QlQKKye1QWUD+Ps3YiI+vbadoIWsHkPhWZbkWPNhPQ8R2MOHsurrQwKu6wDSkWErsMAA==",
} as const;

/** Imports `node:crypto` by a computed specifier: bundlers and tsc leave it alone. */
export const importNodeCrypto = (): Promise<unknown> => {
  const specifier = "node:crypto";
  return import(specifier);
};

const hasSigningFunctions = (module: unknown): module is NodeCryptoEd25519 => {
  const m = module as Partial<Record<keyof NodeCryptoEd25519, unknown>> | null | undefined;
  return typeof m?.createPrivateKey === "function" && typeof m.sign === "function";
};

/**
 * Loads `node:crypto` with `load` and checks that it signs the RFC 8032 test 2 vector exactly
 * (PKCS#8 DER import, `sign(null, …)`, base64 of the result). Rejects when the module does not load,
 * lacks the functions, throws (e.g. no Ed25519) or signs differently.
 */
export const probeNodeCrypto = async (
  load: () => Promise<unknown> = importNodeCrypto,
): Promise<NodeCryptoEd25519> => {
  const module = await load();
  if (!hasSigningFunctions(module)) throw new Error("node:crypto has no createPrivateKey/sign");
  const key = module.createPrivateKey({
    key: pkcs8Ed25519(decodeBase64(PROBE.seed)!),
    format: "der",
    type: "pkcs8",
  });
  if (module.sign(null, PROBE.message, key).toString("base64") !== PROBE.signature) {
    throw new Error("node:crypto Ed25519 signed the RFC 8032 vector incorrectly");
  }
  return module;
};

let probed: Promise<NodeCryptoEd25519> | undefined;

/** The probed `node:crypto`, probed once per process (the outcome cannot change). */
const nodeCrypto = (): Promise<NodeCryptoEd25519> => probed ??= probeNodeCrypto();

const utf8 = new TextEncoder();

/**
 * Imports the key once into `node:crypto` and signs synchronously (`sign` is an `Effect.sync`).
 * Rejects when `crypto` (by default the once-probed `node:crypto`) is unavailable.
 */
export const makeNodeCrypto = async (
  key: ParsedKey,
  crypto: Promise<NodeCryptoEd25519> = nodeCrypto(),
): Promise<SignerShape> => {
  const { createPrivateKey, sign } = await crypto;
  const der = pkcs8Ed25519(key.revealSeed());
  try {
    const keyObject = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    return {
      apiKey: key.apiKey,
      sign: (message) =>
        Effect.sync(() => sign(null, utf8.encode(message), keyObject).toString("base64")),
    };
  } finally {
    der.fill(0);
  }
};

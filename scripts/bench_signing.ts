/**
 * Signed order requests per second, in one process, three ways:
 *
 * - **ours**: the SDK's own path for a signed `POST /api/v1/order` (what `signedCall` does before
 *   `fetch`): `signRequest` (server clock → `signingString` → `Signer.make`'s WebCrypto Ed25519) run
 *   as an Effect, plus the JSON body and the request headers;
 * - **ccxt**: `new ccxt.backpack({ apiKey, secret }).sign("api/v1/order", "private", "POST", body)`
 *   (ccxt 4.5.84: sorted params, payload string, `@noble/curves` Ed25519, headers, JSON body);
 * - **node:crypto**: `sign(null, message, key)` on a prebuilt signing string: the floor (no string
 *   building, no headers), a reference for what the signature alone costs.
 *
 * Keys: the REFERENCE test secret (ccxt's public static-test secret). Requests are signed one after
 * the other (each awaited), for {@link DURATION_MS} each after a warm-up. Prints ops/s and ratios;
 * asserts nothing. `--short` (CI) measures for a fraction of the time.
 *
 * @module
 */
import ccxt from "ccxt";
import * as Effect from "effect/Effect";
import { Buffer } from "node:buffer";
import { createPrivateKey, sign } from "node:crypto";
import { decodeBase64 } from "../src/auth/base64.ts";
import { parseSecret } from "../src/auth/keys.ts";
import { ServerClock } from "../src/auth/server_clock.ts";
import { signRequest } from "../src/auth/sign_request.ts";
import { Signer } from "../src/auth/signer.ts";
import { signingString } from "../src/auth/signing_string.ts";
import { formatRate, formatRatio, printTable } from "./bench_format.ts";

const SHORT = Deno.args.includes("--short");
const DURATION_MS = SHORT ? 300 : 2000;
const WARMUP_MS = SHORT ? 100 : 500;

/** ccxt's public static-test secret (64 bytes; the first 32 are the Ed25519 seed). */
const SECRET =
  "bSQmK8JSjtExl2iBSi0d9CxZRon4tjWTjFC7HfEhVv+IRkdI74dJ7d7l+MRWHFAZiQpQl76bnzDxBCuiAZYFCQ==";
const API_KEY = "/NqLWUwBCIH2X2jArhTmTjYpG0X24vxledaT744Ri6o=";

/** The order both libraries sign: a post-only limit bid. */
const ORDER = {
  symbol: "SOL_USDC_PERP",
  side: "Bid",
  orderType: "Limit",
  price: "141.25",
  quantity: "1.5",
  timeInForce: "GTC",
  postOnly: true,
  clientId: 55555,
} as const;

/** Requests in flight in the pipelined run (a bot re-quoting several orders at once). */
const IN_FLIGHT = 16;

/**
 * Runs `op` back to back for `ms` (after a warm-up) on `lanes` concurrent loops; returns
 * operations per second. A synchronous `op` gains nothing from lanes.
 */
const rate = async (op: () => unknown, lanes = 1): Promise<number> => {
  const run = async (ms: number): Promise<number> => {
    const start = performance.now();
    let count = 0;
    const lane = async (): Promise<void> => {
      while (performance.now() - start < ms) {
        await op();
        count++;
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    return count / ((performance.now() - start) / 1000);
  };
  await run(WARMUP_MS);
  return run(DURATION_MS);
};

const ours = async (): Promise<() => Promise<unknown>> => {
  const key = await Effect.runPromise(parseSecret(SECRET, API_KEY));
  const signer = await Signer.make(key);
  const clock = await Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        return yield* ServerClock;
      }),
      ServerClock.layer,
    ),
  );
  return () =>
    Effect.runPromise(
      signRequest({ instruction: "orderExecute", params: ORDER }).pipe(
        Effect.map((signed) => ({
          method: "POST",
          body: JSON.stringify(ORDER),
          headers: {
            Accept: "application/json",
            "Content-Type": "application/json; charset=utf-8",
            ...signed,
          },
        })),
        Effect.provideService(Signer, signer),
        Effect.provideService(ServerClock, clock),
      ),
    );
};

const viaCcxt = (): () => unknown => {
  const exchange = new ccxt.backpack({ apiKey: API_KEY, secret: SECRET });
  return () => exchange.sign("api/v1/order", "private", "POST", { ...ORDER });
};

const viaNodeCrypto = (): () => unknown => {
  const pkcs8 = Buffer.concat([
    Buffer.from("302e020100300506032b657004220420", "hex"),
    Buffer.from(decodeBase64(SECRET)!.subarray(0, 32)),
  ]);
  const key = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
  const message = Buffer.from(signingString("orderExecute", ORDER, Date.now(), 5000));
  return () => sign(null, message, key);
};

if (import.meta.main) {
  const oursOp = await ours();
  const oursRate = await rate(oursOp);
  const oursPipelined = await rate(oursOp, IN_FLIGHT);
  const ccxtRate = await rate(viaCcxt());
  const nodeRate = await rate(viaNodeCrypto());
  console.log(
    `signed orderExecute requests (${Deno.build.os} ${Deno.build.arch}, Deno ${Deno.version.deno}), ` +
      `${DURATION_MS} ms each${SHORT ? " (--short)" : ""}`,
  );
  printTable([
    ["path", "ops/s", "vs ccxt"],
    ["ours, one at a time", formatRate(oursRate), formatRatio(oursRate / ccxtRate)],
    [
      `ours, ${IN_FLIGHT} in flight`,
      formatRate(oursPipelined),
      formatRatio(oursPipelined / ccxtRate),
    ],
    ["ccxt 4.5.84 backpack.sign() (sync)", formatRate(ccxtRate), "1.00×"],
    [
      "node:crypto sign() only (floor, sync)",
      formatRate(nodeRate),
      formatRatio(nodeRate / ccxtRate),
    ],
  ]);
  console.log(
    `ours / ccxt: ${formatRatio(oursRate / ccxtRate)} one at a time, ${
      formatRatio(oursPipelined / ccxtRate)
    } with ${IN_FLIGHT} in flight (target ≥ 4×)`,
  );
}

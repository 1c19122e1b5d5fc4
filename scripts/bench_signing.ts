/**
 * Signed order requests per second, in one process, three ways:
 *
 * - **ours**: the SDK's own path for a signed `POST /api/v1/order` (what `signedCall` does before
 *   `fetch`): `signRequest` (server clock → `signingString` → Ed25519) run as an Effect, plus the
 *   JSON body and the request headers; once with `Signer.make` (here `node:crypto`, synchronous) and
 *   once with `Signer.makeWebCrypto` (the path of browsers, asynchronous);
 * - **ccxt**: `new ccxt.backpack({ apiKey, secret }).sign("api/v1/order", "private", "POST", body)`
 *   (ccxt 4.5.84: sorted params, payload string, `@noble/curves` Ed25519, headers, JSON body);
 * - **node:crypto**: `sign(null, message, key)` on a prebuilt signing string: the floor (no string
 *   building, no headers), a reference for what the signature alone costs.
 *
 * Keys: the REFERENCE test secret (ccxt's public static-test secret). Requests are signed one after
 * the other (each awaited), and for ours also with {@link IN_FLIGHT} in flight. After a warm-up,
 * every path runs for {@link ROUND_MS} in each of {@link ROUNDS} rounds, the paths taking turns, so
 * that load from other processes on the shared cores hits them alike. Prints the median ops/s of
 * each path and the median of the per-round ratios; asserts nothing. `--short` (CI) measures one
 * short round.
 *
 * @module
 */
import ccxt from "ccxt";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import { Buffer } from "node:buffer";
import { createPrivateKey, sign } from "node:crypto";
import { decodeBase64 } from "../src/auth/base64.ts";
import { type ParsedKey, parseSecret } from "../src/auth/keys.ts";
import { ServerClock } from "../src/auth/server_clock.ts";
import { signRequest } from "../src/auth/sign_request.ts";
import { Signer, type SignerShape } from "../src/auth/signer.ts";
import { signingString } from "../src/auth/signing_string.ts";
import { formatRate, formatRatio, median, printTable } from "./bench_format.ts";

const SHORT = Deno.args.includes("--short");
/** Measuring rounds; every path is measured once per round, in turn, so load changes hit all. */
const ROUNDS = SHORT ? 1 : 7;
const ROUND_MS = SHORT ? 300 : 500;
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

/** Runs `op` back to back for `ms` on `lanes` concurrent loops; returns operations per second. */
const measure = async (op: () => unknown, lanes: number, ms: number): Promise<number> => {
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

/** One benchmarked path: `lanes` concurrent loops of `op` (a synchronous `op` gains nothing). */
interface Path {
  readonly name: string;
  readonly op: () => unknown;
  readonly lanes: number;
}

/** Warms every path up, then measures them in turn for {@link ROUNDS} rounds: ops/s per round. */
const rounds = async (paths: ReadonlyArray<Path>): Promise<number[][]> => {
  for (const path of paths) await measure(path.op, path.lanes, WARMUP_MS);
  const rates: number[][] = paths.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, path] of paths.entries()) {
      rates[i]!.push(await measure(path.op, path.lanes, ROUND_MS));
    }
  }
  return rates;
};

/** What a signer is, for the table: only the `node:crypto` signer completes synchronously. */
const implementation = (signer: SignerShape): string =>
  Exit.isSuccess(Effect.runSyncExit(signer.sign("probe"))) ? "node:crypto" : "WebCrypto or noble";

const ours = async (
  makeSigner: (key: ParsedKey) => Promise<SignerShape>,
): Promise<{ readonly op: () => Promise<unknown>; readonly signer: SignerShape }> => {
  const key = await Effect.runPromise(parseSecret(SECRET, API_KEY));
  const signer = await makeSigner(key);
  const clock = await Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        return yield* ServerClock;
      }),
      ServerClock.layer,
    ),
  );
  const op = () =>
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
  return { op, signer };
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
  const best = await ours(Signer.make);
  const webCrypto = await ours(Signer.makeWebCrypto);
  const picked = implementation(best.signer);
  const paths: Path[] = [
    { name: `ours, Signer.make (${picked}), one at a time`, op: best.op, lanes: 1 },
    {
      name: `ours, Signer.make (${picked}), ${IN_FLIGHT} in flight`,
      op: best.op,
      lanes: IN_FLIGHT,
    },
    { name: "ours, Signer.makeWebCrypto, one at a time", op: webCrypto.op, lanes: 1 },
    {
      name: `ours, Signer.makeWebCrypto, ${IN_FLIGHT} in flight`,
      op: webCrypto.op,
      lanes: IN_FLIGHT,
    },
    { name: "ccxt 4.5.84 backpack.sign() (sync)", op: viaCcxt(), lanes: 1 },
    { name: "node:crypto sign() only (floor, sync)", op: viaNodeCrypto(), lanes: 1 },
  ];
  const rates = await rounds(paths);
  const ccxtRates = rates[4]!;
  /** Median over rounds of path `i`'s rate divided by `base`'s rate in the same round. */
  const ratio = (i: number, base: ReadonlyArray<number>): number =>
    median(rates[i]!.map((r, round) => r / base[round]!));
  console.log(
    `signed orderExecute requests (${Deno.build.os} ${Deno.build.arch}, Deno ${Deno.version.deno}), ` +
      `${ROUNDS} round(s) of ${ROUND_MS} ms per path${SHORT ? " (--short)" : ""}; medians`,
  );
  printTable([
    ["path", "ops/s", "vs ccxt", "min–max ops/s"],
    ...paths.map((path, i) => [
      path.name,
      formatRate(median(rates[i]!)),
      formatRatio(ratio(i, ccxtRates)),
      `${formatRate(Math.min(...rates[i]!))}–${formatRate(Math.max(...rates[i]!))}`,
    ]),
  ]);
  console.log(
    `ours (${picked}) / ccxt: ${formatRatio(ratio(0, ccxtRates))} one at a time, ${
      formatRatio(ratio(1, ccxtRates))
    } with ${IN_FLIGHT} in flight (target ≥ 4×); ours one at a time / node:crypto floor: ${
      formatRatio(ratio(0, rates[5]!))
    }`,
  );
}

/** Test doubles for the REST tests: an in-memory fetch and the REFERENCE §2.9 test key. */
import { verifyAsync } from "@noble/ed25519";
import * as Effect from "effect/Effect";
import type { FetchFn } from "../../../src/rest/fetch.ts";

/** ccxt's public test secret (64 bytes; the seed is the first 32). REFERENCE §2.9. */
export const TEST_SECRET =
  "bSQmK8JSjtExl2iBSi0d9CxZRon4tjWTjFC7HfEhVv+IRkdI74dJ7d7l+MRWHFAZiQpQl76bnzDxBCuiAZYFCQ==";
/** The public key derived from {@link TEST_SECRET}. */
export const TEST_API_KEY = "/NqLWUwBCIH2X2jArhTmTjYpG0X24vxledaT744Ri6o=";

/** A `GET /api/v1/account` answer (fees in bps, a negative maker fee). */
export const ACCOUNT_WIRE: Readonly<Record<string, unknown>> = {
  autoBorrowSettlements: true,
  autoLend: false,
  autoRealizePnl: true,
  autoRepayBorrows: true,
  borrowLimit: "1000000",
  positionLimit: "1000000",
  leverageLimit: "10",
  futuresMakerFee: "-1",
  futuresTakerFee: "4",
  spotMakerFee: "8",
  spotTakerFee: "10",
  limitOrders: 2,
  triggerOrders: 0,
  liquidating: false,
};

/** One request seen by the fake fetch. */
export interface Seen {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
}

/** A fetch that records requests and answers with `respond`. Never touches the network. */
export const fakeFetch = (
  respond: (request: Seen, index: number) => Response | Promise<Response>,
): { readonly seen: Array<Seen>; readonly fetch: FetchFn } => {
  const seen: Array<Seen> = [];
  const fetch: FetchFn = (input, init) => {
    const request: Seen = {
      url: input,
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : undefined,
    };
    seen.push(request);
    return Promise.resolve(respond(request, seen.length - 1));
  };
  return { seen, fetch };
};

/** A JSON response. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });

/** A text/plain response. */
export const text = (body: string, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { "content-type": "text/plain", ...headers } });

const fromBase64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** True when `signature` (base64) signs `message` for `apiKey` (base64), checked with noble. */
export const verifies = (signature: string, message: string, apiKey: string): Promise<boolean> =>
  verifyAsync(fromBase64(signature), new TextEncoder().encode(message), fromBase64(apiKey));

/** Runs an effect and returns its failure (throws if it succeeded). */
export const failureOf = async <A, E>(effect: Effect.Effect<A, E>): Promise<E> => {
  const result = await Effect.runPromise(Effect.flip(effect));
  return result;
};

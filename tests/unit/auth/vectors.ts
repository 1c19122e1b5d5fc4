/** Shared test material for the auth tests: the generated signing vectors and their key. */
import { verifyAsync } from "@noble/ed25519";
import * as Effect from "effect/Effect";
import { decodeBase64 } from "../../../src/auth/base64.ts";
import { type ParsedKey, parseSecret } from "../../../src/auth/keys.ts";
import vectorsJson from "./signing_vectors.generated.json" with { type: "json" };

/** Copy of `backpack-api/fixtures/signing-test-vectors.generated.json`. */
export const vectors: typeof vectorsJson = vectorsJson;

/** The vectors' key (64-byte test secret, checked against the published public key). */
export const vectorKey = (): Promise<ParsedKey> =>
  Effect.runPromise(parseSecret(vectors.secret_64byte_b64, vectors.public_key_b64));

/** Looks up the expected signature of `message` in the vectors. */
export const expectedSignature = (message: string): string => {
  const found = vectors.vectors.find((v) => v.message === message);
  if (found === undefined) throw new Error(`no vector for ${message}`);
  return found.signature_b64;
};

/** Verifies a base64 signature of the UTF-8 `message` against a base64 public key with noble. */
export const verifies = (signature: string, message: string, apiKey: string): Promise<boolean> =>
  verifyAsync(decodeBase64(signature)!, new TextEncoder().encode(message), decodeBase64(apiKey)!);

/** REFERENCE §2.6: a limit order's params and its signing string at `1700000000000`, window 5000. */
export const ORDER_EXECUTE_EXAMPLE = {
  params: {
    symbol: "ETH_USDC",
    side: "Bid",
    orderType: "Limit",
    price: "4000",
    quantity: "0.001",
    timeInForce: "GTC",
    postOnly: true,
    clientId: 55555,
  },
  timestamp: 1700000000000,
  message:
    "instruction=orderExecute&clientId=55555&orderType=Limit&postOnly=true&price=4000&quantity=0.001&side=Bid&symbol=ETH_USDC&timeInForce=GTC&timestamp=1700000000000&window=5000",
} as const;

/**
 * Request authentication exactly as Backpack does it: the instruction per method + path (a data
 * table), the signing string rebuilt with the SDK's own `signingString`, and an Ed25519 check of
 * `X-Signature` against the public key registered for `X-API-Key`.
 *
 * Answers (all `INVALID_CLIENT_REQUEST`, the code the real exchange uses for these):
 * - missing `X-API-Key` / `X-Signature` / `X-Timestamp` → 400 `Missing <header> header`;
 * - `X-Timestamp` / `X-Window` not an integer, window ≤ 0 or > 60000 → 400 `Invalid <header> header`;
 * - `X-Signature` not base64 of 64 bytes → 400 `Invalid X-Signature header`;
 * - timestamp outside `[now - window, now + futureToleranceMs]` → 400 `Request has expired`;
 * - unknown `X-API-Key` → 401 `Invalid X-API-Key header`;
 * - signature does not verify → 401 `Invalid signature`.
 *
 * @module
 */
import { verifyAsync } from "@noble/ed25519";
import { decodeBase64 } from "../../auth/base64.ts";
import { signingString, type SignParams, type SignValue } from "../../auth/signing_string.ts";
import { HttpError } from "./responses.ts";

/** One row of the signed-endpoint table (REFERENCE §2.11). */
export interface InstructionRow {
  /** HTTP method. */
  readonly method: "GET" | "POST" | "DELETE" | "PATCH";
  /** Path starting with `/api/v1` or `/wapi/v1`. */
  readonly path: string;
  /** Instruction name signed as `instruction=<name>`. */
  readonly instruction: string;
}

/** Every signed endpoint the simulator knows, with its instruction (REFERENCE §2.11). */
export const INSTRUCTIONS: ReadonlyArray<InstructionRow> = Object.freeze([
  { method: "GET", path: "/api/v1/account", instruction: "accountQuery" },
  { method: "PATCH", path: "/api/v1/account", instruction: "accountUpdate" },
  { method: "POST", path: "/api/v1/account/convertDust", instruction: "convertDust" },
  { method: "GET", path: "/api/v1/account/limits/borrow", instruction: "maxBorrowQuantity" },
  { method: "GET", path: "/api/v1/account/limits/order", instruction: "maxOrderQuantity" },
  {
    method: "GET",
    path: "/api/v1/account/limits/withdrawal",
    instruction: "maxWithdrawalQuantity",
  },
  { method: "GET", path: "/api/v1/capital", instruction: "balanceQuery" },
  { method: "GET", path: "/api/v1/capital/collateral", instruction: "collateralQuery" },
  { method: "GET", path: "/wapi/v1/capital/deposits", instruction: "depositQueryAll" },
  { method: "GET", path: "/wapi/v1/capital/deposit/address", instruction: "depositAddressQuery" },
  { method: "GET", path: "/wapi/v1/capital/withdrawals", instruction: "withdrawalQueryAll" },
  { method: "POST", path: "/wapi/v1/capital/withdrawals", instruction: "withdraw" },
  { method: "GET", path: "/api/v1/order", instruction: "orderQuery" },
  { method: "POST", path: "/api/v1/order", instruction: "orderExecute" },
  { method: "DELETE", path: "/api/v1/order", instruction: "orderCancel" },
  { method: "GET", path: "/api/v1/orders", instruction: "orderQueryAll" },
  { method: "POST", path: "/api/v1/orders", instruction: "orderExecute" },
  { method: "DELETE", path: "/api/v1/orders", instruction: "orderCancelAll" },
  { method: "GET", path: "/api/v1/position", instruction: "positionQuery" },
  { method: "GET", path: "/api/v1/borrowLend/positions", instruction: "borrowLendPositionQuery" },
  { method: "POST", path: "/api/v1/borrowLend", instruction: "borrowLendExecute" },
  { method: "GET", path: "/wapi/v1/history/borrowLend", instruction: "borrowHistoryQueryAll" },
  {
    method: "GET",
    path: "/wapi/v1/history/borrowLend/positions",
    instruction: "borrowPositionHistoryQueryAll",
  },
  { method: "GET", path: "/wapi/v1/history/interest", instruction: "interestHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/dust", instruction: "dustHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/fills", instruction: "fillHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/orders", instruction: "orderHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/funding", instruction: "fundingHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/position", instruction: "positionHistoryQueryAll" },
  {
    method: "GET",
    path: "/wapi/v1/history/settlement",
    instruction: "settlementHistoryQueryAll",
  },
  { method: "GET", path: "/wapi/v1/history/strategies", instruction: "strategyHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/rfq", instruction: "rfqHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/quote", instruction: "quoteHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/rfq/fill", instruction: "rfqFillHistoryQueryAll" },
  { method: "GET", path: "/wapi/v1/history/quote/fill", instruction: "quoteFillHistoryQueryAll" },
  { method: "GET", path: "/api/v1/rfqs", instruction: "rfqQuery" },
  { method: "POST", path: "/api/v1/rfq", instruction: "rfqSubmit" },
  { method: "POST", path: "/api/v1/rfq/quote", instruction: "quoteSubmit" },
  { method: "POST", path: "/api/v1/rfq/accept", instruction: "quoteAccept" },
  { method: "POST", path: "/api/v1/rfq/refresh", instruction: "rfqRefresh" },
  { method: "POST", path: "/api/v1/rfq/cancel", instruction: "rfqCancel" },
  { method: "GET", path: "/api/v1/strategy", instruction: "strategyQuery" },
  { method: "POST", path: "/api/v1/strategy", instruction: "strategyCreate" },
  { method: "DELETE", path: "/api/v1/strategy", instruction: "strategyCancel" },
  { method: "GET", path: "/api/v1/strategies", instruction: "strategyQueryAll" },
  { method: "DELETE", path: "/api/v1/strategies", instruction: "strategyCancelAll" },
  { method: "POST", path: "/api/v1/vault/mint", instruction: "vaultMint" },
  { method: "POST", path: "/api/v1/vault/redeem", instruction: "vaultRedeemRequest" },
  { method: "DELETE", path: "/api/v1/vault/redeem", instruction: "vaultRedeemCancel" },
  { method: "GET", path: "/api/v1/vault/redeems/pending", instruction: "vaultPendingRedeemsQuery" },
  { method: "GET", path: "/api/v1/vault/nav", instruction: "vaultNavQuery" },
]);

/** The instruction of a signed endpoint, or `undefined` when `method path` is public/unknown. */
export const instructionFor = (method: string, path: string): string | undefined =>
  INSTRUCTIONS.find((row) => row.method === method && row.path === path)?.instruction;

/** Largest `X-Window` the exchange accepts, in ms. */
export const MAX_WINDOW_MS = 60_000;
/** `X-Window` used when the header is absent, in ms. */
export const DEFAULT_WINDOW_MS = 5_000;

/** Registered API keys: base64 public key → account id. */
export type KeyRegistry = ReadonlyMap<string, string>;

/** Auth settings. */
export interface AuthOptions {
  /** Registered keys. */
  readonly keys: KeyRegistry;
  /** Current time in ms. */
  readonly now: () => number;
  /** How far `X-Timestamp` may be ahead of the server clock, in ms (default 1000). */
  readonly futureToleranceMs?: number;
}

/** The signed parts of a request, already extracted from the transport. */
export interface SignedParts {
  /** `X-API-Key`. */
  readonly apiKey: string | null;
  /** `X-Signature`. */
  readonly signature: string | null;
  /** `X-Timestamp`. */
  readonly timestamp: string | null;
  /** `X-Window` (optional). */
  readonly window: string | null;
}

const bad = (status: number, message: string): HttpError =>
  new HttpError(status, "INVALID_CLIENT_REQUEST", message);

const parseInteger = (text: string): number | undefined =>
  /^\d{1,16}$/.test(text) ? Number(text) : undefined;

/** Turns a JSON body value into a signing value (nested objects as their compact JSON text). */
const toSignValue = (value: unknown): SignValue =>
  value === null || typeof value === "string" || typeof value === "number" ||
    typeof value === "boolean"
    ? value
    : JSON.stringify(value);

/** Top-level fields of a JSON object body as signing params. */
export const bodyParams = (body: unknown): SignParams => {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
  const out: Record<string, SignValue> = {};
  for (const [key, value] of Object.entries(body)) out[key] = toSignValue(value);
  return out;
};

/**
 * Verifies a signed request (or a signed WS subscription with instruction `subscribe` and no
 * params) and returns the account id of the key. Throws {@link HttpError} on failure.
 */
export const authenticate = async (
  options: AuthOptions,
  instruction: string,
  params: SignParams | ReadonlyArray<SignParams>,
  parts: SignedParts,
): Promise<string> => {
  if (parts.apiKey === null) throw bad(400, "Missing X-API-Key header");
  if (parts.signature === null) throw bad(400, "Missing X-Signature header");
  if (parts.timestamp === null) throw bad(400, "Missing X-Timestamp header");
  const timestamp = parseInteger(parts.timestamp);
  if (timestamp === undefined) throw bad(400, "Invalid X-Timestamp header");
  const window = parts.window === null ? DEFAULT_WINDOW_MS : parseInteger(parts.window);
  if (window === undefined || window <= 0 || window > MAX_WINDOW_MS) {
    throw bad(400, "Invalid X-Window header");
  }
  const signature = decodeBase64(parts.signature);
  if (signature === undefined || signature.length !== 64) {
    throw bad(400, "Invalid X-Signature header");
  }
  const now = options.now();
  if (now > timestamp + window || timestamp > now + (options.futureToleranceMs ?? 1000)) {
    throw bad(400, "Request has expired");
  }
  const account = options.keys.get(parts.apiKey);
  const publicKey = decodeBase64(parts.apiKey);
  if (account === undefined || publicKey === undefined || publicKey.length !== 32) {
    throw bad(401, "Invalid X-API-Key header");
  }
  const message = new TextEncoder().encode(signingString(instruction, params, timestamp, window));
  const ok = await verifyAsync(signature, message, publicKey).catch(() => false);
  if (!ok) throw bad(401, "Invalid signature");
  return account;
};

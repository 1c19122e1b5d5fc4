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

/** `METHOD path instruction`, one signed endpoint a line (REFERENCE §2.11). */
const TABLE = `
GET /api/v1/account accountQuery
PATCH /api/v1/account accountUpdate
POST /api/v1/account/convertDust convertDust
GET /api/v1/account/limits/borrow maxBorrowQuantity
GET /api/v1/account/limits/order maxOrderQuantity
GET /api/v1/account/limits/withdrawal maxWithdrawalQuantity
GET /api/v1/capital balanceQuery
GET /api/v1/capital/collateral collateralQuery
GET /wapi/v1/capital/deposits depositQueryAll
GET /wapi/v1/capital/deposit/address depositAddressQuery
GET /wapi/v1/capital/withdrawals withdrawalQueryAll
POST /wapi/v1/capital/withdrawals withdraw
GET /api/v1/order orderQuery
POST /api/v1/order orderExecute
DELETE /api/v1/order orderCancel
GET /api/v1/orders orderQueryAll
POST /api/v1/orders orderExecute
DELETE /api/v1/orders orderCancelAll
GET /api/v1/position positionQuery
GET /api/v1/borrowLend/positions borrowLendPositionQuery
POST /api/v1/borrowLend borrowLendExecute
GET /wapi/v1/history/borrowLend borrowHistoryQueryAll
GET /wapi/v1/history/borrowLend/positions borrowPositionHistoryQueryAll
GET /wapi/v1/history/interest interestHistoryQueryAll
GET /wapi/v1/history/dust dustHistoryQueryAll
GET /wapi/v1/history/fills fillHistoryQueryAll
GET /wapi/v1/history/orders orderHistoryQueryAll
GET /wapi/v1/history/funding fundingHistoryQueryAll
GET /wapi/v1/history/position positionHistoryQueryAll
GET /wapi/v1/history/settlement settlementHistoryQueryAll
GET /wapi/v1/history/strategies strategyHistoryQueryAll
GET /wapi/v1/history/rfq rfqHistoryQueryAll
GET /wapi/v1/history/quote quoteHistoryQueryAll
GET /wapi/v1/history/rfq/fill rfqFillHistoryQueryAll
GET /wapi/v1/history/quote/fill quoteFillHistoryQueryAll
GET /api/v1/rfqs rfqQuery
POST /api/v1/rfq rfqSubmit
POST /api/v1/rfq/quote quoteSubmit
POST /api/v1/rfq/accept quoteAccept
POST /api/v1/rfq/refresh rfqRefresh
POST /api/v1/rfq/cancel rfqCancel
GET /api/v1/strategy strategyQuery
POST /api/v1/strategy strategyCreate
DELETE /api/v1/strategy strategyCancel
GET /api/v1/strategies strategyQueryAll
DELETE /api/v1/strategies strategyCancelAll
POST /api/v1/vault/mint vaultMint
POST /api/v1/vault/redeem vaultRedeemRequest
DELETE /api/v1/vault/redeem vaultRedeemCancel
GET /api/v1/vault/redeems/pending vaultPendingRedeemsQuery
GET /api/v1/vault/nav vaultNavQuery
`;

/** Every signed endpoint the simulator knows, with its instruction (REFERENCE §2.11). */
export const INSTRUCTIONS: ReadonlyArray<InstructionRow> = Object.freeze(
  TABLE.trim().split("\n").map((line): InstructionRow => {
    const [method, path, instruction] = line.split(" ") as [
      InstructionRow["method"],
      string,
      string,
    ];
    return { method, path, instruction };
  }),
);

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

/**
 * The Backpack `ApiErrorCode` → SDK error class table, and the mapping of an HTTP error answer
 * (status + body) into a {@link BackpackError}. The table is data: every code in the API reference
 * has exactly one row.
 *
 * @module
 */
import {
  ApiError,
  AuthError,
  HttpStatusError,
  InsufficientFundsError,
  NotFoundError,
  RateLimitError,
  UnavailableError,
} from "./error_classes.ts";
import type { BackpackError } from "./errors.ts";

/** The SDK error class a Backpack error code maps to. */
export type CodeCategory =
  | "AuthError"
  | "InsufficientFundsError"
  | "NotFoundError"
  | "RateLimitError"
  | "UnavailableError"
  | "ApiError";

/** Every `ApiErrorCode` of the Backpack spec, with the SDK error class it becomes. */
export const ERROR_CODE_TABLE: Readonly<Record<string, CodeCategory>> = Object.freeze({
  ACCOUNT_DEACTIVATED: "AuthError",
  ACCOUNT_LIQUIDATING: "ApiError",
  BORROW_LIMIT: "InsufficientFundsError",
  BORROW_REQUIRES_LEND_REDEEM: "ApiError",
  FORBIDDEN: "AuthError",
  INSUFFICIENT_FUNDS: "InsufficientFundsError",
  INSUFFICIENT_MARGIN: "InsufficientFundsError",
  INSUFFICIENT_SUPPLY: "InsufficientFundsError",
  INVALID_ASSET: "ApiError",
  INVALID_CLIENT_REQUEST: "ApiError",
  INVALID_MARKET: "ApiError",
  INVALID_ORDER: "ApiError",
  INVALID_PRICE: "ApiError",
  INVALID_POSITION_ID: "ApiError",
  INVALID_QUANTITY: "ApiError",
  INVALID_RANGE: "ApiError",
  INVALID_SIGNATURE: "AuthError",
  INVALID_SOURCE: "ApiError",
  INVALID_SYMBOL: "ApiError",
  INVALID_TWO_FACTOR_CODE: "AuthError",
  LEND_LIMIT: "InsufficientFundsError",
  LEND_REQUIRES_BORROW_REPAY: "ApiError",
  MAINTENANCE: "UnavailableError",
  MAX_LEVERAGE_REACHED: "InsufficientFundsError",
  NOT_IMPLEMENTED: "ApiError",
  ORDER_LIMIT: "ApiError",
  POSITION_LIMIT: "ApiError",
  PRECONDITION_FAILED: "ApiError",
  RESOURCE_NOT_FOUND: "NotFoundError",
  SERVER_ERROR: "UnavailableError",
  TIMEOUT: "UnavailableError",
  TOO_EARLY: "ApiError",
  TOO_MANY_REQUESTS: "RateLimitError",
  TRADING_PAUSED: "UnavailableError",
  UNAUTHORIZED: "AuthError",
});

/** The answer of a failed HTTP call, as far as the error mapping needs it. */
export interface ErrorAnswer {
  /** `METHOD /path` of the call. */
  readonly endpoint: string;
  /** HTTP status. */
  readonly status: number;
  /** Raw response body text (JSON `{code, message}` or plain text). */
  readonly body: string;
  /** Milliseconds from a `Retry-After` header, when present. */
  readonly retryAfterMs?: number;
}

const MAX_BODY = 512;

const parseBody = (body: string): { code: string; message: string } | undefined => {
  try {
    const json: unknown = JSON.parse(body);
    if (
      typeof json === "object" && json !== null && "code" in json &&
      typeof json.code === "string"
    ) {
      const message = "message" in json && typeof json.message === "string" ? json.message : "";
      return { code: json.code, message };
    }
  } catch {
    // plain-text error bodies are handled by the caller
  }
  return undefined;
};

/** The `reason` of an {@link AuthError} for an error `code` and its message. */
export const authReason = (code: string, message: string): AuthError["reason"] => {
  const text = message.toLowerCase();
  if (text.includes("expired")) return "RequestExpired";
  if (code === "FORBIDDEN" || code === "ACCOUNT_DEACTIVATED") return "Forbidden";
  if (code === "UNAUTHORIZED") return "Unauthorized";
  return "InvalidSignature";
};

/** `INVALID_CLIENT_REQUEST` bodies that really are authentication failures. */
const isAuthMessage = (message: string): boolean =>
  /invalid signature|request has expired|x-signature|x-api-key|x-timestamp/i.test(message);

/** Maps a failed HTTP answer to the SDK error it stands for. */
export const errorFromAnswer = (answer: ErrorAnswer): BackpackError => {
  const { endpoint, status } = answer;
  const parsed = parseBody(answer.body);
  const retryAfterMs = answer.retryAfterMs ?? 1000;
  if (parsed === undefined) {
    const body = answer.body.slice(0, MAX_BODY);
    if (status === 429) return new RateLimitError({ endpoint, retryAfterMs });
    if (status >= 500) return new UnavailableError({ endpoint, status, code: "", detail: body });
    return new HttpStatusError({ endpoint, status, body });
  }
  const { code } = parsed;
  const detail = parsed.message.slice(0, MAX_BODY);
  const category = code === "INVALID_CLIENT_REQUEST" && isAuthMessage(detail)
    ? "AuthError"
    : ERROR_CODE_TABLE[code] ?? (status >= 500 ? "UnavailableError" : "ApiError");
  switch (category) {
    case "AuthError":
      return new AuthError({ endpoint, code, reason: authReason(code, detail), detail });
    case "InsufficientFundsError":
      return new InsufficientFundsError({ endpoint, code, detail });
    case "NotFoundError":
      return new NotFoundError({ endpoint, code, detail });
    case "RateLimitError":
      return new RateLimitError({ endpoint, retryAfterMs });
    case "UnavailableError":
      return new UnavailableError({ endpoint, status, code, detail });
    case "ApiError":
      return new ApiError({ endpoint, status, code, detail });
  }
};

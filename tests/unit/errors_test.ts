import assert from "node:assert/strict";
import { ERROR_CODE_TABLE, errorFromAnswer } from "../../src/error_codes.ts";
import {
  ApiError,
  AuthError,
  DecodeError,
  HttpStatusError,
  InsufficientFundsError,
  InvalidInputError,
  NotFoundError,
  OrderOutcomeUnknownError,
  RateLimitError,
  SequenceGapError,
  TimeoutError,
  TransportError,
  UnavailableError,
  UnsupportedError,
} from "../../src/error_classes.ts";
import {
  type BackpackError,
  decodeBackpackError,
  encodeBackpackError,
  isBackpackError,
  isRetryable,
} from "../../src/errors.ts";

const spec = JSON.parse(
  await Deno.readTextFile(new URL("../../scripts/data/endpoints.json", import.meta.url)),
) as { apiErrorCodes: string[] };

const CLASSES = {
  AuthError,
  InsufficientFundsError,
  NotFoundError,
  RateLimitError,
  UnavailableError,
  ApiError,
} as const;

Deno.test("the code table has exactly one row per ApiErrorCode of the spec", () => {
  assert.ok(spec.apiErrorCodes.length >= 35);
  assert.deepEqual(Object.keys(ERROR_CODE_TABLE).sort(), [...spec.apiErrorCodes].sort());
});

Deno.test("every code maps a JSON error body to the class its row names, keeping the code", () => {
  for (const [code, tag] of Object.entries(ERROR_CODE_TABLE)) {
    const status = tag === "RateLimitError" ? 429 : tag === "UnavailableError" ? 503 : 400;
    const error = errorFromAnswer({
      endpoint: "POST /api/v1/order",
      status,
      body: JSON.stringify({ code, message: `m-${code}` }),
    });
    assert.ok(error instanceof CLASSES[tag], `${code} → ${error._tag}, expected ${tag}`);
    if ("code" in error) assert.equal(error.code, code);
    if ("detail" in error) assert.equal(error.detail, `m-${code}`);
  }
});

Deno.test("INVALID_CLIENT_REQUEST auth messages become AuthError with the right reason", () => {
  const cases = [
    ["Invalid signature", "InvalidSignature"],
    ["Request has expired", "RequestExpired"],
    ["Invalid X-Signature header", "InvalidSignature"],
  ] as const;
  for (const [message, reason] of cases) {
    const error = errorFromAnswer({
      endpoint: "GET /api/v1/capital",
      status: 400,
      body: JSON.stringify({ code: "INVALID_CLIENT_REQUEST", message }),
    });
    assert.ok(error instanceof AuthError, message);
    assert.equal(error.reason, reason);
  }
  const other = errorFromAnswer({
    endpoint: "POST /api/v1/order",
    status: 400,
    body: JSON.stringify({ code: "INVALID_CLIENT_REQUEST", message: "Quantity decimal too long" }),
  });
  assert.ok(other instanceof ApiError);
});

Deno.test("non-JSON bodies: 429 → RateLimitError with Retry-After, 5xx → Unavailable, else HttpStatus", () => {
  const limited = errorFromAnswer({
    endpoint: "e",
    status: 429,
    body: "slow down",
    retryAfterMs: 7000,
  });
  assert.ok(limited instanceof RateLimitError);
  assert.equal(limited.retryAfterMs, 7000);
  assert.ok(
    errorFromAnswer({ endpoint: "e", status: 502, body: "bad gateway" }) instanceof
      UnavailableError,
  );
  const plain = errorFromAnswer({ endpoint: "e", status: 400, body: "x".repeat(2000) });
  assert.ok(plain instanceof HttpStatusError);
  assert.equal(plain.body.length, 512, "bodies are truncated");
  const unknown = errorFromAnswer({
    endpoint: "e",
    status: 400,
    body: JSON.stringify({ code: "SOMETHING_NEW", message: "?" }),
  });
  assert.ok(unknown instanceof ApiError);
  assert.equal(unknown.code, "SOMETHING_NEW");
});

const SAMPLES: ReadonlyArray<BackpackError> = [
  new TransportError({ endpoint: "GET /x", reason: "reset" }),
  new TimeoutError({ endpoint: "GET /x", timeoutMs: 10 }),
  new HttpStatusError({ endpoint: "GET /x", status: 418, body: "teapot" }),
  new RateLimitError({ endpoint: "GET /x", retryAfterMs: 1000 }),
  new AuthError({ endpoint: "GET /x", code: "UNAUTHORIZED", reason: "Unauthorized", detail: "d" }),
  new InsufficientFundsError({ endpoint: "POST /o", code: "INSUFFICIENT_FUNDS", detail: "d" }),
  new NotFoundError({ endpoint: "GET /o", code: "RESOURCE_NOT_FOUND", detail: "d" }),
  new UnavailableError({ endpoint: "GET /x", status: 503, code: "MAINTENANCE", detail: "d" }),
  new ApiError({ endpoint: "POST /o", status: 400, code: "INVALID_ORDER", detail: "d" }),
  new DecodeError({ endpoint: "GET /x", issue: "i", body: "{}" }),
  new InvalidInputError({ field: "price", reason: "Precision", detail: "d" }),
  new UnsupportedError({ feature: "hedge mode", detail: "d" }),
  new OrderOutcomeUnknownError({ endpoint: "POST /o", status: 202, clientId: 7 }),
  new SequenceGapError({ symbol: "SOL_USDC", expected: "5", received: "7" }),
];

Deno.test("every error class survives encode → structuredClone → decode as the same class", () => {
  const tags = new Set(SAMPLES.map((e) => e._tag));
  assert.equal(tags.size, SAMPLES.length, "one sample per class");
  for (const error of SAMPLES) {
    const copy = decodeBackpackError(structuredClone(encodeBackpackError(error)));
    assert.equal(copy.constructor, error.constructor);
    assert.deepEqual(encodeBackpackError(copy), encodeBackpackError(error));
    assert.equal(copy.message, error.message);
    assert.ok(isBackpackError(copy));
    assert.ok(copy instanceof Error);
  }
  assert.ok(!isBackpackError(new Error("plain")));
  assert.ok(!isBackpackError({ _tag: "ApiError" }));
});

Deno.test("retryable: transport, 429 and unavailable only", () => {
  const retryable = SAMPLES.filter(isRetryable).map((e) => e._tag).sort();
  assert.deepEqual(retryable, ["RateLimitError", "TransportError", "UnavailableError"]);
});

Deno.test("retryable: a call on a closed book, client or connector is final", () => {
  const unavailable = (code: string) =>
    new UnavailableError({ endpoint: "x", status: 0, code, detail: "d" });
  assert.equal(isRetryable(unavailable("MAINTENANCE")), true);
  assert.equal(isRetryable(unavailable("BOOK_CLOSED")), false);
  assert.equal(isRetryable(unavailable("CLIENT_CLOSED")), false);
});

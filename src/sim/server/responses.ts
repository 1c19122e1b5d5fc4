/**
 * Building the simulator's HTTP answers the way Backpack sends them: JSON bodies with
 * `application/json; charset=utf-8`, `text/plain` for `/ping` and `/time`, error bodies
 * `{code, message}`, and CORS headers on every answer.
 *
 * @module
 */

/** CORS headers the simulator adds to every answer (any origin, the signing headers allowed). */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, DELETE, PATCH, OPTIONS",
  "Access-Control-Allow-Headers":
    "Content-Type, X-API-Key, X-Signature, X-Timestamp, X-Window, X-Broker-Id, X-Broker-Key",
  "Access-Control-Max-Age": "86400",
});

/** A Backpack error raised while handling a request: HTTP status plus the `{code, message}` body. */
export class HttpError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** Backpack `ApiErrorCode`. */
  readonly code: string;
  /** Extra response headers (e.g. `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** A JSON answer (`application/json; charset=utf-8`). */
export const jsonResponse = (
  body: unknown,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, "Content-Type": "application/json; charset=utf-8", ...headers },
  });

/** A `text/plain` answer (`/ping`, `/time`). */
export const textResponse = (body: string, status = 200): Response =>
  new Response(body, {
    status,
    headers: { ...CORS_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });

/** An answer without body (e.g. `PATCH /api/v1/account`, OPTIONS preflight). */
export const emptyResponse = (status = 200): Response =>
  new Response(null, { status, headers: CORS_HEADERS });

/** The Backpack error body `{code, message}` with the given status. */
export const errorResponse = (
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): Response => jsonResponse({ code, message }, status, headers);

/** Renders an {@link HttpError} as its answer. */
export const httpErrorResponse = (error: HttpError): Response =>
  errorResponse(error.status, error.code, error.message, error.headers);

/**
 * The simulator's REST front: a web-standard `(Request) => Promise<Response>` that applies, in
 * order, CORS preflight, routing (unknown route → 404 `RESOURCE_NOT_FOUND`), REST faults, rate
 * limits, body parsing, request authentication for signed routes, then the route handler.
 * Handlers return a JSON-able value (answered 200) or a ready `Response`; they throw
 * {@link HttpError} or an engine error carrying `{status, code, message}`.
 *
 * @module
 */
import type { SignParams } from "../../auth/signing_string.ts";
import { authenticate, type AuthOptions, bodyParams, instructionFor } from "./auth.ts";
import type { FaultInjector } from "./faults.ts";
import type { RateLimiter } from "./rate_limit.ts";
import {
  emptyResponse,
  errorResponse,
  HttpError,
  httpErrorResponse,
  jsonResponse,
} from "./responses.ts";

/** What a route handler receives. */
export interface RouteContext {
  /** Query parameters (last value wins). */
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body (`undefined` for GET or an empty body). */
  readonly body: unknown;
  /** Account id of the verified API key (signed routes only). */
  readonly account: string;
  /** Server time, ms. */
  readonly now: number;
}

/** A route: method + exact path + handler. Signed routes are those in the instruction table. */
export interface Route {
  /** HTTP method. */
  readonly method: "GET" | "POST" | "DELETE" | "PATCH";
  /** Exact path. */
  readonly path: string;
  /** Produces the answer. */
  readonly handle: (ctx: RouteContext) => unknown;
}

/** Transport info the runtime adapter passes along. */
export interface ConnInfo {
  /** Client address, used as the rate-limit key of unsigned calls. */
  readonly remoteAddr?: string;
}

/** Handler settings. */
export interface HttpHandlerOptions {
  /** All routes. */
  readonly routes: ReadonlyArray<Route>;
  /** Auth settings. */
  readonly auth: AuthOptions;
  /** Request limits. */
  readonly rateLimiter: RateLimiter;
  /** REST faults. */
  readonly faults: FaultInjector;
}

/** A web-standard request handler. */
export type HttpHandler = (req: Request, info?: ConnInfo) => Promise<Response>;

const ORDER_MUTATIONS = new Set([
  "POST /api/v1/order",
  "DELETE /api/v1/order",
  "POST /api/v1/orders",
  "DELETE /api/v1/orders",
]);

/** An engine-style error (`SimError`): HTTP status plus Backpack code and message. */
const isCodedError = (e: unknown): e is { status: number; code: string; message: string } =>
  e instanceof Error && typeof (e as { status?: unknown }).status === "number" &&
  typeof (e as { code?: unknown }).code === "string";

const readBody = async (req: Request): Promise<unknown> => {
  const text = await req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Bad Request parse request payload error");
  }
};

const signParams = (method: string, query: Record<string, string>, body: unknown) =>
  method === "GET"
    ? query
    : Array.isArray(body)
    ? body.map(bodyParams) as ReadonlyArray<SignParams>
    : bodyParams(body);

/** Builds the REST handler. */
export const createHttpHandler = (options: HttpHandlerOptions): HttpHandler => {
  const table = new Map(options.routes.map((r) => [`${r.method} ${r.path}`, r]));
  return async (req, info) => {
    try {
      if (req.method === "OPTIONS") return emptyResponse(204);
      const url = new URL(req.url);
      const key = `${req.method} ${url.pathname}`;
      const route = table.get(key);
      if (route === undefined) {
        await req.body?.cancel();
        return errorResponse(404, "RESOURCE_NOT_FOUND", "Not Found");
      }
      const fault = options.faults.drawRest(ORDER_MUTATIONS.has(key));
      if (fault === "serverError") {
        await req.body?.cancel();
        return errorResponse(503, "SERVER_ERROR", "Service unavailable");
      }
      if (fault === "tooManyRequests") {
        await req.body?.cancel();
        return errorResponse(429, "TOO_MANY_REQUESTS", "Too many requests", { "Retry-After": "1" });
      }
      const now = options.auth.now();
      const apiKey = req.headers.get("X-API-Key");
      options.rateLimiter.take(apiKey ?? info?.remoteAddr ?? "anonymous", url.pathname, now);
      const query = Object.fromEntries(url.searchParams);
      const body = req.method === "GET" ? undefined : await readBody(req);
      const instruction = instructionFor(req.method, url.pathname);
      const account = instruction === undefined ? "" : await authenticate(
        options.auth,
        instruction,
        signParams(req.method, query, body),
        {
          apiKey,
          signature: req.headers.get("X-Signature"),
          timestamp: req.headers.get("X-Timestamp"),
          window: req.headers.get("X-Window"),
        },
      );
      const result = await route.handle({ query, body, account, now });
      if (fault === "accepted") return jsonResponse({}, 202);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      if (error instanceof HttpError) return httpErrorResponse(error);
      if (isCodedError(error)) return errorResponse(error.status, error.code, error.message);
      return errorResponse(500, "SERVER_ERROR", "Internal server error");
    }
  };
};

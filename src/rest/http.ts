/**
 * The `BackpackHttp` service: every REST call goes through it.
 *
 * One call = acquire the rate-limit budget (before signing, so a queued request is signed with a
 * fresh timestamp) → sign when private → `fetch` with a deadline → map the answer:
 *
 * - 2xx: decode the JSON (or `text/plain`) body with the call's schema, else `DecodeError`;
 * - 429: pause the limiter (`Retry-After`, or backoff with jitter), retry idempotent calls up to
 *   {@link MAX_RATE_LIMIT_RETRIES} times, then `RateLimitError`;
 * - mutating calls answered 202 or 5xx, timing out, or whose connection failed (the request may
 *   have reached the exchange and only the answer been lost): `OrderOutcomeUnknownError`
 *   (reconcile!);
 * - other non-2xx: `errorFromAnswer` (Backpack `{code, message}` or a plain-text body);
 * - network failure of a read: `TransportError`; deadline: `TimeoutError`.
 *
 * A signed call answered "Request has expired" (`AuthError` reason `RequestExpired`: the local
 * clock is off by more than the window) samples `GET /api/v1/time` once, corrects the
 * `ServerClock` offset and is sent once more, re-signed (config `clockSync`, default
 * `"onExpired"`). A second expiry is returned as is. Calls that expire together share one sample.
 *
 * Errors never carry headers, keys or signatures.
 *
 * @module
 */
import * as Clock from "effect/Clock";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Option from "effect/Option";
import * as Schema from "effect/Schema";
import * as Semaphore from "effect/Semaphore";
import { ServerClock, syncFrom } from "../auth/server_clock.ts";
import { signRequest } from "../auth/sign_request.ts";
import { Signer } from "../auth/signer.ts";
import type { SignParams } from "../auth/signing_string.ts";
import { BackpackConfig } from "../config.ts";
import { logRequest } from "../logging.ts";
import { errorFromAnswer } from "../error_codes.ts";
import {
  DecodeError,
  InvalidInputError,
  OrderOutcomeUnknownError,
  RateLimitError,
  TimeoutError,
  TransportError,
} from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import { ServerTime } from "../schema/status.ts";
import { Fetch } from "./fetch.ts";
import { RateLimit } from "./rate_limit.ts";
import { buildUrl, encodeBody, excerpt, parseRetryAfter, type RequestBody } from "./wire.ts";

/** How many times an idempotent call answered 429 is sent again (after the limiter's pause). */
export const MAX_RATE_LIMIT_RETRIES = 3;

/** HTTP methods Backpack uses. */
export type HttpMethod = "GET" | "POST" | "DELETE" | "PATCH";

/** One REST call. */
export interface CallSpec<A> {
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path starting with `/api/v1/` or `/wapi/v1/`. */
  readonly path: string;
  /** Query parameters (rendered like the signing string; `null`/`undefined` dropped). */
  readonly query?: SignParams;
  /** JSON body: top-level fields, or an array of them for batch orders. */
  readonly body?: RequestBody;
  /** Schema of the successful answer. */
  readonly schema: Schema.Decoder<A>;
  /** `"text"` for `text/plain` answers (`/api/v1/time`, `/api/v1/ping`). Default `"json"`. */
  readonly responseType?: "json" | "text";
  /** Rate-limit weight. Default 1. */
  readonly weight?: number;
  /**
   * Whether the call changes state. Mutating calls are never retried, and a 202, 5xx or timeout
   * becomes `OrderOutcomeUnknownError`. Default: every method but GET.
   */
  readonly mutating?: boolean;
  /** Order `clientId`, reported in `OrderOutcomeUnknownError` when known. */
  readonly clientId?: number;
  /** Sends `X-Broker-Id` when the user configured a broker id (order and strategy endpoints). */
  readonly brokerHeader?: boolean;
}

/**
 * `GET /api/v1/time` (public; the body is `text/plain` server time in Unix ms): what `getTime`
 * sends, and what the automatic clock resync samples.
 */
export const SERVER_TIME_CALL: CallSpec<number> = {
  method: "GET",
  path: "/api/v1/time",
  schema: ServerTime,
  responseType: "text",
};

/** A signed REST call: a {@link CallSpec} plus its Backpack instruction name. */
export interface SignedCallSpec<A> extends CallSpec<A> {
  /** Instruction name from the endpoint table, e.g. `balanceQuery`. */
  readonly instruction: string;
}

/** What the {@link BackpackHttp} service does. */
export interface BackpackHttpShape {
  /** Runs an unauthenticated call. */
  readonly publicCall: <A>(spec: CallSpec<A>) => Effect.Effect<A, BackpackError>;
  /**
   * Runs a signed call. Fails with `InvalidInputError` (field `apiSecret`, reason `Missing`)
   * before sending anything when no credentials were configured. Answered "Request has expired",
   * it resyncs the server clock and is sent once more, unless config `clockSync` is `"off"`.
   */
  readonly signedCall: <A>(spec: SignedCallSpec<A>) => Effect.Effect<A, BackpackError>;
}

/** Base class of {@link BackpackHttp} (its type spelled out for JSR); extend or use BackpackHttp instead. */
export const BackpackHttpBase: Context.ServiceClass<
  BackpackHttp,
  "backpack-edge/BackpackHttp",
  BackpackHttpShape
> = Context.Service<BackpackHttp, BackpackHttpShape>()("backpack-edge/BackpackHttp");

/** The REST transport of the SDK. */
export class BackpackHttp extends BackpackHttpBase {}

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly text: string;
}

const missingCredentials = new InvalidInputError({
  field: "apiSecret",
  reason: "Missing",
  detail: "this endpoint is signed: create the client with apiKey/apiSecret",
});

const decodeBody = <A>(
  endpoint: string,
  spec: CallSpec<A>,
  text: string,
): Effect.Effect<A, DecodeError> => {
  const fail = (issue: string) =>
    Effect.fail(new DecodeError({ endpoint, issue, body: excerpt(text) }));
  let input: unknown = text;
  if (spec.responseType !== "text") {
    try {
      input = text.trim() === "" ? undefined : JSON.parse(text);
    } catch {
      return fail("the body is not JSON");
    }
  }
  return Schema.decodeUnknownEffect(spec.schema)(input).pipe(
    Effect.catch((error) => fail(excerpt(error.message))),
  );
};

const isExpired = (error: BackpackError): boolean =>
  error._tag === "AuthError" && error.reason === "RequestExpired";

/** Builds the service from its dependencies (signing is available when a `Signer` is provided). */
export const make: Effect.Effect<
  BackpackHttpShape,
  never,
  Fetch | BackpackConfig | RateLimit | ServerClock
> = Effect.gen(function* () {
  const fetch = yield* Fetch;
  const config = yield* BackpackConfig;
  const limiter = yield* RateLimit;
  const clock = yield* ServerClock;
  const signer = yield* Effect.serviceOption(Signer);

  const send = (
    endpoint: string,
    url: string,
    init: RequestInit,
    mutating: boolean,
    clientId: number | undefined,
  ): Effect.Effect<Answer, BackpackError> =>
    Effect.tryPromise({
      try: async (signal) => {
        const response = await fetch(url, { ...init, signal });
        const text = await response.text();
        return { status: response.status, retryAfter: response.headers.get("retry-after"), text };
      },
      catch: (cause) =>
        mutating
          ? new OrderOutcomeUnknownError({ endpoint, status: 0, clientId })
          : new TransportError({
            endpoint,
            reason: excerpt(cause instanceof Error ? cause.message : String(cause)),
          }),
    }).pipe(
      Effect.timeoutOrElse({
        duration: config.timeoutMs,
        orElse: () =>
          Effect.fail(
            mutating
              ? new OrderOutcomeUnknownError({ endpoint, status: 0, clientId })
              : new TimeoutError({ endpoint, timeoutMs: config.timeoutMs }),
          ),
      }),
    );

  const headersFor = <A>(
    spec: CallSpec<A>,
    instruction: string | undefined,
  ): Effect.Effect<Record<string, string>, BackpackError> =>
    Effect.gen(function* () {
      const headers: Record<string, string> = { Accept: "application/json" };
      if (spec.body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
      if (spec.brokerHeader && config.brokerId !== undefined) {
        headers["X-Broker-Id"] = String(config.brokerId);
      }
      if (instruction === undefined) return headers;
      if (Option.isNone(signer)) return yield* Effect.fail(missingCredentials);
      const signed = yield* signRequest({
        instruction,
        params: spec.body ?? spec.query ?? {},
        window: config.window,
      }).pipe(
        Effect.provideService(Signer, signer.value),
        Effect.provideService(ServerClock, clock),
      );
      return { ...headers, ...signed };
    });

  const call = <A>(
    spec: CallSpec<A>,
    instruction: string | undefined,
  ): Effect.Effect<A, BackpackError> => {
    const endpoint = `${spec.method} ${spec.path}`;
    const mutating = spec.mutating ?? spec.method !== "GET";
    const url = buildUrl(config.baseUrl, spec.path, spec.query);
    const body = spec.body === undefined ? undefined : encodeBody(spec.body);
    const attempt = (retriesLeft: number): Effect.Effect<A, BackpackError> =>
      Effect.gen(function* () {
        yield* limiter.acquire(spec.path, spec.weight);
        const headers = yield* headersFor(spec, instruction);
        const answer = yield* logRequest(
          spec.method,
          spec.path,
          send(endpoint, url, { method: spec.method, headers, body }, mutating, spec.clientId),
        );
        if (answer.status === 429) {
          const retryAfterMs = parseRetryAfter(answer.retryAfter, yield* Clock.currentTimeMillis);
          const pause = yield* limiter.throttled(retryAfterMs);
          if (!mutating && retriesLeft > 0) return yield* attempt(retriesLeft - 1);
          return yield* Effect.fail(new RateLimitError({ endpoint, retryAfterMs: pause }));
        }
        yield* limiter.succeeded;
        if (mutating && (answer.status === 202 || answer.status >= 500)) {
          return yield* Effect.fail(
            new OrderOutcomeUnknownError({
              endpoint,
              status: answer.status,
              clientId: spec.clientId,
            }),
          );
        }
        if (answer.status < 200 || answer.status > 299) {
          const retryAfterMs = parseRetryAfter(answer.retryAfter, yield* Clock.currentTimeMillis);
          return yield* Effect.fail(
            errorFromAnswer({ endpoint, status: answer.status, body: answer.text, retryAfterMs }),
          );
        }
        return yield* decodeBody(endpoint, spec, answer.text);
      });
    return attempt(MAX_RATE_LIMIT_RETRIES);
  };

  // One server-time sample through this service (so it queues behind the rate limiter). Calls that
  // expire together share it: one sample at a time, skipped when one finished after the call began.
  const resyncLock = yield* Semaphore.make(1);
  let lastResyncAt = Number.NEGATIVE_INFINITY;
  const resyncSince = (startedAt: number): Effect.Effect<void, BackpackError> =>
    Semaphore.withPermits(resyncLock, 1)(
      Effect.suspend(() =>
        lastResyncAt > startedAt ? Effect.void : syncFrom(call(SERVER_TIME_CALL, undefined)).pipe(
          Effect.provideService(ServerClock, clock),
          Effect.andThen(Clock.currentTimeMillis),
          Effect.map((at) => void (lastResyncAt = at)),
        )
      ),
    );

  const signedCall = <A>(spec: SignedCallSpec<A>): Effect.Effect<A, BackpackError> => {
    const first = call(spec, spec.instruction);
    if (config.clockSync === "off") return first;
    // Resending is safe for mutating calls too: an expired request is rejected by the exchange's
    // signature check before it is executed, so nothing happened. Once per call: the second
    // attempt is not caught again, and a failed time sample returns the original AuthError.
    return Effect.flatMap(Clock.currentTimeMillis, (startedAt) =>
      first.pipe(
        Effect.catch((error) =>
          isExpired(error)
            ? resyncSince(startedAt).pipe(
              Effect.catch(() => Effect.fail(error)),
              Effect.andThen(call(spec, spec.instruction)),
            )
            : Effect.fail(error)
        ),
      ));
  };

  return {
    publicCall: (spec) => call(spec, undefined),
    signedCall,
  };
});

/** Runs an unauthenticated call through the {@link BackpackHttp} in context. */
export const publicCall = <A>(spec: CallSpec<A>): Effect.Effect<A, BackpackError, BackpackHttp> =>
  BackpackHttp.use((http) => http.publicCall(spec));

/** Runs a signed call through the {@link BackpackHttp} in context. */
export const signedCall = <A>(
  spec: SignedCallSpec<A>,
): Effect.Effect<A, BackpackError, BackpackHttp> =>
  BackpackHttp.use((http) => http.signedCall(spec));

/**
 * The service over `Fetch`, `BackpackConfig`, `RateLimit` and `ServerClock`. Provide `Signer` too
 * (before building) to enable signed calls.
 */
export const layer: Layer.Layer<
  BackpackHttp,
  never,
  Fetch | BackpackConfig | RateLimit | ServerClock
> = Layer.effect(BackpackHttp, make);

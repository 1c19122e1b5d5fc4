/**
 * The `BackpackConfig` service: endpoints, signature window, timeouts, clock-skew correction and
 * the optional broker id.
 *
 * @module
 */
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { InvalidInputError } from "./error_classes.ts";

/**
 * How signed calls deal with a local clock that is off: `"onExpired"` resyncs with
 * `GET /api/v1/time` and resends once when the exchange answers "Request has expired"; `"off"`
 * returns that `AuthError` (reason `RequestExpired`) as is.
 */
export type ClockSync = "onExpired" | "off";

/** Settings shared by every REST and WebSocket call. */
export interface BackpackConfigShape {
  /** REST base URL, without a trailing slash. Default `https://api.backpack.exchange`. */
  readonly baseUrl: string;
  /** WebSocket URL. Default `wss://ws.backpack.exchange`. */
  readonly wsUrl: string;
  /** Signature validity window in ms (`X-Window`). Default 5000, maximum 60000. */
  readonly window: number;
  /** Deadline of one HTTP request in ms. Default 10000. */
  readonly timeoutMs: number;
  /** Clock-skew correction of signed calls (see {@link ClockSync}). Default `"onExpired"`. */
  readonly clockSync: ClockSync;
  /** Broker id sent as `X-Broker-Id` on order endpoints, only when the user sets it. */
  readonly brokerId?: number;
}

/** What a user may override; every field is optional. */
export type BackpackConfigOptions = Partial<BackpackConfigShape>;

/** The defaults used for every field the user leaves out (no broker id by default). */
export const DEFAULT_CONFIG: Readonly<BackpackConfigShape> = Object.freeze({
  baseUrl: "https://api.backpack.exchange",
  wsUrl: "wss://ws.backpack.exchange",
  window: 5000,
  timeoutMs: 10000,
  clockSync: "onExpired",
});

/** Base class of {@link BackpackConfig} (its type spelled out for JSR); extend or use BackpackConfig instead. */
export const BackpackConfigBase: Context.ServiceClass<
  BackpackConfig,
  "backpack-edge/BackpackConfig",
  BackpackConfigShape
> = Context.Service<BackpackConfig, BackpackConfigShape>()("backpack-edge/BackpackConfig");

/** SDK configuration. */
export class BackpackConfig extends BackpackConfigBase {}

const fail = (field: string, detail: string): Effect.Effect<never, InvalidInputError> =>
  Effect.fail(new InvalidInputError({ field, reason: "OutOfRange", detail }));

/**
 * Merges `options` over {@link DEFAULT_CONFIG} (`undefined` fields keep their default) and validates
 * them: `window` in 1..60000, `timeoutMs` positive, `clockSync` one of {@link ClockSync},
 * `brokerId` a uint16.
 */
export const makeConfig = (
  options: BackpackConfigOptions = {},
): Effect.Effect<BackpackConfigShape, InvalidInputError> => {
  const window = options.window ?? DEFAULT_CONFIG.window;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONFIG.timeoutMs;
  const clockSync = options.clockSync ?? DEFAULT_CONFIG.clockSync;
  const { brokerId } = options;
  if (!Number.isInteger(window) || window < 1 || window > 60000) {
    return fail("window", "must be an integer between 1 and 60000 ms");
  }
  if (!(timeoutMs > 0)) return fail("timeoutMs", "must be a positive number of ms");
  if (clockSync !== "onExpired" && clockSync !== "off") {
    return fail("clockSync", 'must be "onExpired" or "off"');
  }
  if (
    brokerId !== undefined && !(Number.isInteger(brokerId) && brokerId >= 0 && brokerId < 65536)
  ) {
    return fail("brokerId", "must be an integer between 0 and 65535");
  }
  return Effect.succeed({
    baseUrl: (options.baseUrl ?? DEFAULT_CONFIG.baseUrl).replace(/\/+$/, ""),
    wsUrl: options.wsUrl ?? DEFAULT_CONFIG.wsUrl,
    window,
    timeoutMs,
    clockSync,
    ...(brokerId === undefined ? {} : { brokerId }),
  });
};

/** A layer with the given options merged over the defaults; fails on invalid options. */
export const layer = (
  options: BackpackConfigOptions = {},
): Layer.Layer<BackpackConfig, InvalidInputError> =>
  Layer.effect(BackpackConfig, makeConfig(options));

/**
 * The `ServerClock` service: local time corrected by the offset to the exchange's clock.
 *
 * Layers are static members of {@link ServerClock}:
 * - `ServerClock.layer`: local time from Effect's `Clock` (so `TestClock` controls it in tests),
 *   offset starting at 0 and updated by every `observe`;
 * - `ServerClock.layerFixed(ms)`: the same, with local time frozen at `ms` (deterministic tests).
 *
 * {@link syncFrom} takes one sample from any server-time read (the REST `syncClock` and the
 * automatic resync of `BackpackHttp` both use it).
 *
 * @module
 */
import * as Clock from "effect/Clock";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Ref from "effect/Ref";

/** What a {@link ServerClock} can do. */
export interface ServerClockShape {
  /** Current server time estimate in Unix milliseconds (local clock + offset). */
  readonly now: Effect.Effect<number>;
  /** The current offset (server − local) in milliseconds. */
  readonly offset: Effect.Effect<number>;
  /**
   * Records a server time sample: `serverMs` as read from `GET /api/v1/time`, with the local clock read
   * just before (`sentAt`) and after (`receivedAt`) the request.
   */
  readonly observe: (sample: {
    readonly serverMs: number;
    readonly sentAt: number;
    readonly receivedAt: number;
  }) => Effect.Effect<void>;
}

/**
 * Offset implied by one sample, assuming the server read its clock half-way through the round trip.
 * Rounded to whole milliseconds (never `-0`).
 */
export const offsetFromSample = (
  sample: { readonly serverMs: number; readonly sentAt: number; readonly receivedAt: number },
): number => {
  const offset = Math.round(sample.serverMs - (sample.sentAt + sample.receivedAt) / 2);
  return offset === 0 ? 0 : offset; // Math.round(-0.4) is -0
};

const make = (localNow: Effect.Effect<number>): Effect.Effect<ServerClockShape> =>
  Effect.map(Ref.make(0), (offsetRef) => ({
    now: Effect.map(
      Effect.zip(localNow, Ref.get(offsetRef)),
      ([local, offset]) => Math.round(local) + offset,
    ),
    offset: Ref.get(offsetRef),
    observe: (sample) => {
      const offset = offsetFromSample(sample);
      // A sample with a non-finite field (bad clock read, unparsable server time) is ignored.
      return Number.isFinite(offset) ? Ref.set(offsetRef, offset) : Effect.void;
    },
  }));

/** Base class of {@link ServerClock} (its type spelled out for JSR); extend or use ServerClock instead. */
export const ServerClockBase: Context.ServiceClass<
  ServerClock,
  "backpack-edge/ServerClock",
  ServerClockShape
> = Context.Service<ServerClock, ServerClockShape>()("backpack-edge/ServerClock");

/** Server-clock offset used for `X-Timestamp`. */
export class ServerClock extends ServerClockBase {
  /** Local time from Effect's `Clock` plus the last observed offset (0 until the first sample). */
  static readonly layer: Layer.Layer<ServerClock> = Layer.effect(
    ServerClock,
    make(Clock.currentTimeMillis),
  );

  /** Local time frozen at `ms`, plus the last observed offset. For tests. */
  static readonly layerFixed = (ms: number): Layer.Layer<ServerClock> =>
    Layer.effect(ServerClock, make(Effect.succeed(ms)));
}

/**
 * Reads the server time through `serverTime` (e.g. `GET /api/v1/time`), with the local clock read
 * just before and after, feeds the sample to {@link ServerClock} and returns the new offset
 * (server − local) in ms. A failed read leaves the offset unchanged.
 */
export const syncFrom = <E, R>(
  serverTime: Effect.Effect<number, E, R>,
): Effect.Effect<number, E, R | ServerClock> =>
  Effect.gen(function* () {
    const clock = yield* ServerClock;
    const sentAt = yield* Clock.currentTimeMillis;
    const serverMs = yield* serverTime;
    const receivedAt = yield* Clock.currentTimeMillis;
    yield* clock.observe({ serverMs, sentAt, receivedAt });
    return yield* clock.offset;
  });

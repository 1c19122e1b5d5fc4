/**
 * The `ServerClock` service: local time corrected by the offset to the exchange's clock.
 *
 * @module
 */
import * as Context from "effect/Context";
import type * as Effect from "effect/Effect";

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

/** Server-clock offset used for `X-Timestamp`. */
export class ServerClock
  extends Context.Service<ServerClock, ServerClockShape>()("backpack-edge/ServerClock") {}

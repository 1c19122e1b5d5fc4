/**
 * The `BackpackSocket` service: one shared, reconnecting WebSocket ({@link ReconnectingSocket})
 * in a scoped layer, multiplexing every stream subscription over that one connection.
 *
 * - `subscribe(stream)` is a `Stream` of the raw `data` of that stream's frames. Subscriptions are
 *   ref-counted: two consumers of `trade.SOL_USDC` cause one `SUBSCRIBE`; the `UNSUBSCRIBE` is sent
 *   when the last one's stream ends (or is interrupted).
 * - Private (`account.*`) streams are signed with the `Signer` and `ServerClock` services
 *   (`signedSubscribeMessage`), re-signed on every reconnect; without a `Signer` they fail with
 *   `InvalidInputError` (`Missing`) before anything is sent.
 * - **Backpressure**: each subscriber has a bounded buffer (`bufferSize`, default 10000 frames).
 *   A consumer that falls that far behind gets its stream failed with a `TransportError`
 *   ("consumer too slow") instead of silently losing frames.
 * - When the socket gives up (`maxAttempts`), every subscriber's stream fails with a
 *   `TransportError`. Closing the layer's scope closes the socket and ends every stream.
 * - When the server rejects the signature of the private subscriptions (an error frame worded
 *   like an authentication failure, `subscription_rejection.ts`) as expired, the socket takes the
 *   server's time once (`GET <baseUrl>/api/v1/time`, config `clockSync: "onExpired"`, at most once
 *   per {@link RESYNC_GUARD_MS}) and subscribes them again, freshly signed. Otherwise (another
 *   reason, `clockSync: "off"`, the resync failed, or rejected again right after one) every
 *   private stream fails with an `AuthError` instead of staying silent.
 * - The WebSocket implementation comes from the optional `WebSocketConstructor` service; without
 *   it, `isows` (the native WebSocket where present, `ws` on Node).
 *
 * @module
 */
import * as Cause from "effect/Cause";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Option from "effect/Option";
import * as Queue from "effect/Queue";
import type * as Scope from "effect/Scope";
import * as Stream from "effect/Stream";
import { ServerClock, syncFrom } from "../auth/server_clock.ts";
import { fetchServerTime } from "../auth/server_time_fetch.ts";
import { Signer } from "../auth/signer.ts";
import { signedSubscribeMessage } from "../auth/ws_subscribe.ts";
import { BackpackConfig } from "../config.ts";
import { type AuthError, InvalidInputError, TransportError } from "../error_classes.ts";
import { isPrivateStream } from "./decode.ts";
import type { SocketEvent } from "./frames.ts";
import {
  type ErrorFrameEvent,
  isAuthRejection,
  rejectionReason,
  subscriptionAuthError,
} from "./subscription_rejection.ts";
import {
  ReconnectingSocket,
  type SocketOptions,
  type SocketStatus,
  type WebSocketConstructorLike,
} from "./socket_core.ts";

/** Base class of {@link WebSocketConstructor} (its type spelled out for JSR); extend or use WebSocketConstructor instead. */
export const WebSocketConstructorBase: Context.ServiceClass<
  WebSocketConstructor,
  "backpack-edge/WebSocketConstructor",
  WebSocketConstructorLike
> = Context.Service<WebSocketConstructor, WebSocketConstructorLike>()(
  "backpack-edge/WebSocketConstructor",
);

/** The WebSocket constructor used by {@link BackpackSocket} (optional; default `isows`). */
export class WebSocketConstructor extends WebSocketConstructorBase {
  /** A layer providing the given constructor (a test fake, or `ws` explicitly). */
  static readonly layer = (ctor: WebSocketConstructorLike): Layer.Layer<WebSocketConstructor> =>
    Layer.succeed(WebSocketConstructor, ctor);
}

/** Core options {@link BackpackSocket.layer} accepts (the URL comes from `BackpackConfig.wsUrl`). */
export type BackpackSocketOptions = Omit<SocketOptions, "url" | "WebSocket" | "sign">;

/** Options of {@link BackpackSocketShape.subscribe}. */
export interface SubscribeStreamOptions {
  /** Frames buffered for this subscriber before its stream fails. Default 10000. */
  readonly bufferSize?: number;
}

/** Everything but data frames: server error frames, failed signatures, unrecognised frames. */
export type SocketNotice = Exclude<SocketEvent, { readonly type: "data" }>;

/** What {@link BackpackSocket} can do. */
export interface BackpackSocketShape {
  /**
   * The raw `data` of every frame of `stream` from now on (ref-counted subscription on the shared
   * connection). Private streams (`account.*`) are signed.
   */
  readonly subscribe: (
    stream: string,
    options?: SubscribeStreamOptions,
  ) => Stream.Stream<unknown, TransportError | AuthError | InvalidInputError>;
  /** Status changes of the connection (connecting, open, reconnecting, closed), from now on. */
  readonly status: Stream.Stream<SocketStatus>;
  /** Non-data frames and subscription failures, from now on. */
  readonly notices: Stream.Stream<SocketNotice>;
  /** Streams currently subscribed on the connection, with their ref counts. */
  readonly subscriptions: Effect.Effect<ReadonlyMap<string, number>>;
}

interface Subscriber {
  readonly push: (data: unknown) => void;
  readonly fail: (error: TransportError | AuthError) => void;
  readonly end: () => void;
}

const DEFAULT_BUFFER = 10_000;

/**
 * After a clock resync triggered by an expired subscription, another expiry within this many ms
 * fails the private streams instead of resyncing again (the clock cannot be corrected).
 */
export const RESYNC_GUARD_MS = 10_000;

/** A stream fed by a listener set: registered on start, removed when the stream ends. */
const fromListeners = <A>(listeners: Set<(value: A) => void>): Stream.Stream<A> =>
  Stream.callback<A>((queue) =>
    Effect.acquireRelease(
      Effect.sync(() => {
        const listener = (value: A) => void Queue.offerUnsafe(queue, value);
        listeners.add(listener);
        return listener;
      }),
      (listener) => Effect.sync(() => listeners.delete(listener)),
    )
  );

/** Builds the service; the socket closes when the scope closes. */
export const make = (
  options: BackpackSocketOptions = {},
): Effect.Effect<BackpackSocketShape, never, BackpackConfig | ServerClock | Scope.Scope> =>
  Effect.gen(function* () {
    const config = yield* BackpackConfig;
    const clock = yield* ServerClock;
    const ctor = yield* Effect.serviceOption(WebSocketConstructor);
    const signer = yield* Effect.serviceOption(Signer);
    const signing = Option.map(
      signer,
      (s) => Context.make(Signer, s).pipe(Context.add(ServerClock, clock)),
    );
    const core = new ReconnectingSocket({
      ...options,
      url: config.wsUrl,
      ...(Option.isSome(ctor) ? { WebSocket: ctor.value } : {}),
      ...(Option.isSome(signing)
        ? {
          sign: (streams: ReadonlyArray<string>, method: "SUBSCRIBE" | "UNSUBSCRIBE") =>
            Effect.runPromiseWith(signing.value)(
              signedSubscribeMessage(streams, config.window, { method }),
            ),
        }
        : {}),
    });
    const routes = new Map<string, Set<Subscriber>>();
    let shuttingDown = false;
    const statusListeners = new Set<(status: SocketStatus) => void>();
    const noticeListeners = new Set<(notice: SocketNotice) => void>();
    /** Fails every subscriber of `streams` with the error `errorOf` gives for its stream. */
    const failEach = (
      streams: Iterable<string>,
      errorOf: (stream: string) => TransportError | AuthError,
    ): void => {
      for (const stream of [...streams]) {
        const error = errorOf(stream);
        for (const sub of routes.get(stream) ?? []) sub.fail(error);
      }
    };
    const failStreams = (streams: Iterable<string>, reason: string): void =>
      failEach(streams, (stream) => new TransportError({ endpoint: `ws ${stream}`, reason }));
    const failPrivate = (frame: ErrorFrameEvent, note?: string): void =>
      failEach(
        [...routes.keys()].filter(isPrivateStream),
        (stream) => subscriptionAuthError(frame, stream, note),
      );
    const scope = yield* Effect.scope;
    /** A clock resync is running: the expiries it answers (several private SUBSCRIBEs) wait for it. */
    let resyncing = false;
    /** When the private streams were last subscribed again after a resync (local ms). */
    let resubscribedAt = Number.NEGATIVE_INFINITY;
    /**
     * An expired subscription: correct the clock and subscribe every private stream again, or fail
     * them. An expiry shortly after such a resubscription means the clock cannot be corrected (in
     * a rare race it answers a SUBSCRIBE signed just before: the stream fails, subscribing again
     * signs anew).
     */
    const onRejected = (frame: ErrorFrameEvent): void => {
      if (rejectionReason(frame) !== "RequestExpired" || config.clockSync === "off") {
        return failPrivate(frame);
      }
      if (resyncing) return;
      if (Date.now() - resubscribedAt < RESYNC_GUARD_MS) return failPrivate(frame);
      resyncing = true;
      const resync = syncFrom(fetchServerTime(config.baseUrl, config.timeoutMs)).pipe(
        Effect.provideService(ServerClock, clock),
        Effect.match({
          onSuccess: () => {
            resubscribedAt = Date.now();
            core.resubscribePrivate();
          },
          onFailure: (error) => failPrivate(frame, `the clock resync failed: ${error.reason}`),
        }),
        Effect.ensuring(Effect.sync(() => void (resyncing = false))),
      );
      Effect.runFork(Effect.forkIn(resync, scope)); // interrupted if the socket closes first
    };

    core.onMessage((event) => {
      if (event.type === "data") {
        for (const sub of routes.get(event.stream) ?? []) sub.push(event.data);
        return;
      }
      if (event.type === "subscribeFailed") {
        failStreams(event.streams, `subscription failed: ${event.reason}`);
      }
      if (event.type === "error" && isAuthRejection(event)) onRejected(event);
      for (const listener of noticeListeners) listener(event);
    });
    core.onStatus((status) => {
      for (const listener of statusListeners) listener(status);
      if (status.status === "closed" && !shuttingDown) {
        failStreams(routes.keys(), status.reason);
      }
    });
    yield* Effect.addFinalizer(() =>
      Effect.suspend(() => {
        shuttingDown = true;
        return Effect.promise(() => core.close());
      }).pipe(
        Effect.andThen(Effect.sync(() => {
          for (const subs of routes.values()) for (const sub of subs) sub.end();
          routes.clear();
        })),
      )
    );

    const subscribe = (
      stream: string,
      subscribeOptions: SubscribeStreamOptions = {},
    ): Stream.Stream<unknown, TransportError | AuthError | InvalidInputError> => {
      const signed = isPrivateStream(stream);
      if (signed && Option.isNone(signing)) {
        return Stream.fail(
          new InvalidInputError({
            field: "apiSecret",
            reason: "Missing",
            detail: `${stream} is a private stream: provide a Signer (apiSecret)`,
          }),
        );
      }
      const bufferSize = subscribeOptions.bufferSize ?? DEFAULT_BUFFER;
      return Stream.callback<unknown, TransportError | AuthError>(
        (queue) =>
          Effect.acquireRelease(
            Effect.sync(() => {
              const failWith = (error: TransportError | AuthError) =>
                void Queue.failCauseUnsafe(queue, Cause.fail(error));
              const sub: Subscriber = {
                push: (data) => {
                  if (!Queue.offerUnsafe(queue, data)) {
                    failWith(
                      new TransportError({
                        endpoint: `ws ${stream}`,
                        reason: `consumer too slow: more than ${bufferSize} frames buffered`,
                      }),
                    );
                  }
                },
                fail: failWith,
                end: () => void Queue.endUnsafe(queue),
              };
              const subs = routes.get(stream) ?? new Set();
              subs.add(sub);
              routes.set(stream, subs);
              try {
                core.subscribe([stream], { signed });
              } catch (cause) {
                failWith(new TransportError({ endpoint: `ws ${stream}`, reason: String(cause) }));
              }
              return sub;
            }),
            (sub) =>
              Effect.sync(() => {
                const subs = routes.get(stream);
                if (subs === undefined || !subs.delete(sub)) return;
                if (subs.size === 0) routes.delete(stream);
                core.unsubscribe([stream]);
              }),
          ),
        { bufferSize, strategy: "dropping" },
      );
    };

    return {
      subscribe,
      status: fromListeners(statusListeners),
      notices: fromListeners(noticeListeners),
      subscriptions: Effect.sync(() => core.subscriptions),
    };
  });

/** Base class of {@link BackpackSocket} (its type spelled out for JSR); extend or use BackpackSocket instead. */
export const BackpackSocketBase: Context.ServiceClass<
  BackpackSocket,
  "backpack-edge/BackpackSocket",
  BackpackSocketShape
> = Context.Service<BackpackSocket, BackpackSocketShape>()("backpack-edge/BackpackSocket");

/** One shared Backpack WebSocket connection (see the module docs). */
export class BackpackSocket extends BackpackSocketBase {
  /**
   * Scoped layer: the connection opens on the first subscription and closes with the layer.
   * Needs `BackpackConfig` and `ServerClock`; uses `Signer` and `WebSocketConstructor` when present.
   */
  static readonly layer = (
    options: BackpackSocketOptions = {},
  ): Layer.Layer<BackpackSocket, never, BackpackConfig | ServerClock> =>
    Layer.effect(BackpackSocket, make(options));
}

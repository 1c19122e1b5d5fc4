/**
 * A transport-agnostic reconnecting WebSocket for Backpack streams, with no Effect runtime: plain
 * TypeScript usable on the main thread or inside a Web Worker (the order-book worker reuses it).
 *
 * Modelled on viem's `utils/rpc/socket.ts`: the core owns the shared work and knows nothing about
 * keys or decoding.
 * - **Subscriptions are ref-counted**: `subscribe(["trade.SOL_USDC"])` twice sends one `SUBSCRIBE`;
 *   `UNSUBSCRIBE` is sent when the last holder leaves.
 * - **Reconnect** with jittered exponential backoff after any close not requested by {@link
 *   ReconnectingSocket.close}, then **resubscribe** everything; private (`signed`) subscriptions are
 *   re-signed with a fresh timestamp through the `sign` callback, so the core never holds a key.
 * - **Dead-socket detection**: when `heartbeatTimeoutMs` is set, a socket that delivers no frame for
 *   that long (checked every `heartbeatIntervalMs`) is closed and replaced. Backpack pings at the
 *   protocol level, which browsers cannot observe, so pick a timeout above the quietest stream's
 *   period (subscribe to a `ticker` stream, pushed every second, to keep a connection observable).
 * - **Delivery and backpressure**: every inbound frame is classified ({@link SocketEvent}) and passed
 *   synchronously to every listener, in arrival order; the core itself queues nothing, so it never
 *   drops a frame. Listeners that buffer must bound their buffer and fail loudly on overflow (the
 *   Effect streams in `socket.ts` do). An exception thrown by a listener does not stop delivery to
 *   the others; it is re-thrown on a microtask so it surfaces as an uncaught error.
 * - {@link ReconnectingSocket.close} clears every timer and closes the socket; the returned Promise
 *   settles when every socket it opened has reported its close, including one a reconnect left
 *   closing, and every signature it asked `sign` for has settled (none is sent after close), or when
 *   `closeTimeoutMs` of waiting has passed (see {@link SocketOptions.closeTimeoutMs}).
 *
 * @module
 */
import { WebSocket as IsoWebSocket } from "isows";
import { classifyMessage, type SocketEvent } from "./frames.ts";
import type { SocketStatus } from "./socket_status.ts";
import { StreamRefs } from "./stream_refs.ts";
import {
  sendSubscription,
  type SignSubscription,
  type SubscriptionMethod,
  type SubscriptionOptions,
} from "./subscription_messages.ts";
import {
  backoffDelay,
  type BackoffOptions,
  globalTimers,
  Heartbeat,
  type SocketTimers,
  waitInSteps,
} from "./timing.ts";

export type { SocketStatus } from "./socket_status.ts";

/** The part of a WebSocket the core uses (the native `WebSocket`, `ws`, or a test fake). */
export interface WebSocketLike {
  /** `0` connecting, `1` open, `2` closing, `3` closed. */
  readonly readyState: number;
  /** Sends a text frame. */
  send(data: string): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Registers a listener for `open`, `message` (`event.data`), `close` (`event.code`, `event.reason`) or `error`. */
  addEventListener(type: string, listener: (event: WebSocketEventLike) => void): void;
}

/** What the core reads from WebSocket events (`MessageEvent.data`, `CloseEvent.code/reason`). */
export interface WebSocketEventLike {
  /** Event type. */
  readonly type: string;
}

/** A WebSocket constructor: `new WebSocket(url)`. */
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

/** Options of {@link ReconnectingSocket}. */
export interface SocketOptions {
  /** WebSocket URL, e.g. `wss://ws.backpack.exchange`. */
  readonly url: string;
  /** WebSocket constructor. Default: `isows` (native WebSocket where present, `ws` on Node). */
  readonly WebSocket?: WebSocketConstructorLike;
  /** Signs private subscriptions; required before subscribing with `signed: true`. */
  readonly sign?: SignSubscription;
  /** Period of the dead-socket check in ms. Default `heartbeatTimeoutMs / 4`. */
  readonly heartbeatIntervalMs?: number;
  /** No frame (nor open) for this many ms → close and reconnect. Default: no dead-socket detection. */
  readonly heartbeatTimeoutMs?: number;
  /** Reconnect delays. */
  readonly backoff?: BackoffOptions;
  /** Consecutive failed reconnect attempts before giving up (status `closed`). Default unlimited. */
  readonly maxAttempts?: number;
  /** Uniform random numbers in [0, 1) for the jitter; pass a seeded one for reproducible delays. */
  readonly random?: () => number;
  /** Timer functions. Default: the global ones. */
  readonly timers?: SocketTimers;
  /**
   * How long {@link ReconnectingSocket.close} waits for the close events of its sockets, in ms.
   * Default 1000. The wait is counted in timer steps of at most 50 ms, so a process paused longer
   * than this (a loaded machine) does not give up on a peer that is still answering.
   */
  readonly closeTimeoutMs?: number;
}

const OPEN = 1;
const CLOSED = 3;

/**
 * A reconnecting, ref-counting WebSocket subscription manager. Connects on the first subscription
 * (or {@link ReconnectingSocket.connect}).
 */
export class ReconnectingSocket {
  readonly #options: SocketOptions;
  readonly #timers: SocketTimers;
  readonly #refs = new StreamRefs();
  readonly #heartbeat: Heartbeat | undefined;
  /** Replaced (never mutated) on every change: a frame is delivered without copying the listeners. */
  #messageListeners: ReadonlyArray<(event: SocketEvent) => void> = [];
  readonly #statusListeners = new Set<(status: SocketStatus) => void>();
  #ws: WebSocketLike | undefined;
  /** Every socket created and not yet reported closed (the current one and any a reconnect dropped). */
  readonly #unclosed = new Set<WebSocketLike>();
  /** Private (un)subscriptions whose signature has not been handled yet. */
  readonly #signing = new Set<Promise<void>>();
  /** Called on each close event and settled signature while {@link ReconnectingSocket.close} waits. */
  #onSettled: (() => void) | undefined;
  /** The Promise of the first {@link ReconnectingSocket.close}, returned to every later call. */
  #teardown: Promise<void> | undefined;
  #attempt = 0;
  #closed = false;
  #reconnectTimer: unknown;
  #status: SocketStatus = { status: "closed", reason: "not connected yet" };

  /** Creates the socket manager; no connection is opened until something subscribes. */
  constructor(options: SocketOptions) {
    this.#options = options;
    this.#timers = options.timers ?? globalTimers;
    const timeout = options.heartbeatTimeoutMs;
    this.#heartbeat = timeout === undefined || timeout <= 0 ? undefined : new Heartbeat(
      this.#timers,
      timeout,
      options.heartbeatIntervalMs,
      () => !this.#closed && this.#ws !== undefined,
      (silentMs) => this.#lost(`heartbeat timeout: no frame for ${silentMs} ms`),
    );
  }

  /** The last reported status. */
  get status(): SocketStatus {
    return this.#status;
  }

  /** Streams currently held (ref count > 0), with their ref counts. */
  get subscriptions(): ReadonlyMap<string, number> {
    return this.#refs.counts;
  }

  /** Adds a frame listener; returns a function that removes it. */
  onMessage(listener: (event: SocketEvent) => void): () => void {
    if (!this.#messageListeners.includes(listener)) {
      this.#messageListeners = [...this.#messageListeners, listener];
    }
    return () =>
      void (this.#messageListeners = this.#messageListeners.filter((l) => l !== listener));
  }

  /** Adds a status listener; returns a function that removes it. */
  onStatus(listener: (status: SocketStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** Opens the connection now (idempotent; no-op after {@link ReconnectingSocket.close}). */
  connect(): void {
    if (this.#closed || this.#ws !== undefined || this.#reconnectTimer !== undefined) return;
    this.#open();
  }

  /**
   * Takes one reference on each stream. Streams going from 0 to 1 references are sent in one
   * `SUBSCRIBE` (signed through `sign` when `signed`) if the socket is open, else on open.
   * Throws if the socket is closed or `signed` is requested without a `sign` callback.
   */
  subscribe(streams: ReadonlyArray<string>, options: SubscriptionOptions = {}): void {
    if (this.#closed) throw new Error("the socket is closed");
    const signed = options.signed ?? false;
    if (signed && this.#options.sign === undefined) {
      throw new Error("signed subscriptions need a sign callback");
    }
    const added = this.#refs.acquire(streams, signed);
    this.connect();
    if (added.length > 0 && this.#ws?.readyState === OPEN) {
      this.#send(this.#ws, added, signed, "SUBSCRIBE");
    }
  }

  /**
   * Releases one reference on each stream; streams reaching 0 are sent in one `UNSUBSCRIBE` (public
   * ones) and one signed `UNSUBSCRIBE` (private ones), if the socket is open.
   */
  unsubscribe(streams: ReadonlyArray<string>): void {
    const removed = this.#refs.release(streams);
    const ws = this.#ws;
    if (ws?.readyState !== OPEN || this.#closed) return;
    if (removed[0].length > 0) this.#send(ws, removed[0], false, "UNSUBSCRIBE");
    if (removed[1].length > 0) this.#send(ws, removed[1], true, "UNSUBSCRIBE");
  }

  /**
   * Sends `SUBSCRIBE` again, freshly signed, for every private stream held (after the server
   * rejected their signature and the clock was corrected). No-op unless the socket is open.
   */
  resubscribePrivate(): void {
    const ws = this.#ws;
    if (ws?.readyState !== OPEN || this.#closed) return;
    const privateStreams = this.#refs.held()[1];
    if (privateStreams.length > 0) this.#send(ws, privateStreams, true, "SUBSCRIBE");
  }

  /**
   * Stops for good: clears every timer, forgets subscriptions and closes the socket. Resolves once
   * every socket this object opened has reported its close (the current one, and one still closing
   * after a reconnect or after giving up) and every signature requested from `sign` has settled
   * (nothing is sent with it), or after `closeTimeoutMs` of waiting. Idempotent: later calls return
   * the same Promise.
   */
  close(): Promise<void> {
    if (this.#teardown !== undefined) return this.#teardown;
    if (!this.#closed) {
      this.#closed = true;
      this.#clearTimers();
      this.#refs.clear();
      this.#setStatus({ status: "closed", reason: "closed by the client" });
    }
    this.#messageListeners = [];
    this.#statusListeners.clear();
    const ws = this.#ws;
    this.#ws = undefined;
    if (ws !== undefined && ws.readyState !== CLOSED) {
      try {
        ws.close(1000, "client closed");
      } catch {
        this.#unclosed.delete(ws);
      }
    }
    this.#teardown = this.#allClosed();
    return this.#teardown;
  }

  /**
   * Resolves when {@link ReconnectingSocket.#unclosed} and {@link ReconnectingSocket.#signing} are
   * empty or the close wait is used up.
   */
  #allClosed(): Promise<void> {
    const wait = waitInSteps(
      () => {
        for (const ws of this.#unclosed) if (ws.readyState === CLOSED) this.#unclosed.delete(ws);
        return this.#unclosed.size === 0 && this.#signing.size === 0;
      },
      this.#options.closeTimeoutMs ?? 1000,
      this.#timers,
    );
    this.#onSettled = wait.check;
    return wait.promise;
  }

  /**
   * Opens a socket. "connecting" is reported once the socket is in place (heartbeat included), so a
   * status listener that calls `close()` closes it and one that calls `connect()` finds it.
   */
  #open(): void {
    const Ctor = this.#options.WebSocket ?? (IsoWebSocket as unknown as WebSocketConstructorLike);
    const connecting: SocketStatus = { status: "connecting", attempt: this.#attempt };
    let ws: WebSocketLike;
    try {
      ws = new Ctor(this.#options.url);
    } catch (cause) {
      this.#setStatus(connecting);
      this.#lost(`could not create the socket: ${String(cause)}`);
      return;
    }
    this.#ws = ws;
    this.#unclosed.add(ws);
    const current = () => this.#ws === ws && !this.#closed;
    ws.addEventListener("open", () => {
      if (!current()) return;
      this.#heartbeat?.beat();
      this.#setStatus({ status: "open", attempt: this.#attempt });
      this.#attempt = 0;
      this.#resubscribe(ws);
    });
    ws.addEventListener("message", (event) => {
      if (!current()) return;
      this.#heartbeat?.beat();
      this.#emit(classifyMessage((event as WebSocketEventLike & { readonly data?: unknown }).data));
    });
    ws.addEventListener("close", (event) => {
      this.#unclosed.delete(ws);
      this.#onSettled?.();
      if (!current()) return;
      const { code, reason } = event as { readonly code?: number; readonly reason?: string };
      this.#lost(`closed with code ${code ?? "?"}${reason ? `: ${reason}` : ""}`);
    });
    // An error is always followed by a close event, which does the reconnecting.
    ws.addEventListener("error", () => {});
    this.#heartbeat?.start();
    this.#setStatus(connecting);
  }

  /** Sends every held stream on the socket that just opened (the current one). */
  #resubscribe(ws: WebSocketLike): void {
    const publicStreams = this.#refs.held()[0];
    if (publicStreams.length > 0) this.#send(ws, publicStreams, false, "SUBSCRIBE");
    this.resubscribePrivate();
  }

  #send(
    ws: WebSocketLike,
    streams: ReadonlyArray<string>,
    signed: boolean,
    method: SubscriptionMethod,
  ): void {
    const signing = sendSubscription(
      {
        send: (text) => ws.send(text),
        // The socket may have been replaced while signing (the new one resubscribes by itself).
        usable: () => this.#ws === ws && !this.#closed && ws.readyState === OPEN,
        held: (stream) => this.#refs.has(stream),
        signFailed: (failed, reason) => {
          if (!this.#closed) this.#emit({ type: "subscribeFailed", streams: failed, reason });
        },
      },
      streams,
      method,
      signed ? this.#options.sign : undefined,
    );
    if (signing === undefined) return;
    this.#signing.add(signing);
    void signing.finally(() => {
      this.#signing.delete(signing);
      this.#onSettled?.();
    });
  }

  /**
   * Replaces a lost socket after a backoff delay, or gives up. The reconnect is scheduled before
   * "reconnecting" is reported, so a status listener's `close()` cancels it and its `connect()` is a
   * no-op. Nothing to do once closed (a listener may have closed while a construction failed).
   */
  #lost(reason: string): void {
    if (this.#closed) return;
    this.#clearTimers();
    const ws = this.#ws;
    this.#ws = undefined;
    if (ws !== undefined && ws.readyState < 2) {
      try {
        ws.close(4000, reason.slice(0, 100));
      } catch {
        // already closing
      }
    }
    const attempt = this.#attempt + 1;
    const maxAttempts = this.#options.maxAttempts ?? Infinity;
    if (attempt > maxAttempts) {
      this.#closed = true;
      this.#refs.clear();
      this.#setStatus({
        status: "closed",
        reason: `gave up after ${maxAttempts} reconnect attempts; last: ${reason}`,
      });
      return;
    }
    this.#attempt = attempt;
    const delayMs = backoffDelay(attempt, this.#options.backoff, this.#options.random);
    this.#reconnectTimer = this.#timers.setTimeout(() => {
      this.#reconnectTimer = undefined;
      if (!this.#closed) this.#open();
    }, delayMs);
    this.#setStatus({ status: "reconnecting", attempt, delayMs, reason });
  }

  #clearTimers(): void {
    if (this.#reconnectTimer !== undefined) this.#timers.clearTimeout(this.#reconnectTimer);
    this.#heartbeat?.stop();
    this.#reconnectTimer = undefined;
  }

  #setStatus(status: SocketStatus): void {
    this.#status = status;
    for (const listener of [...this.#statusListeners]) this.#call(listener, status);
  }

  #emit(event: SocketEvent): void {
    for (const listener of this.#messageListeners) this.#call(listener, event);
  }

  #call<A>(listener: (value: A) => void, value: A): void {
    try {
      listener(value);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

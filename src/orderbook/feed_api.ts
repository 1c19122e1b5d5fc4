/**
 * The order-book worker API ({@link OrderBookWorkerApi}) over a {@link BookFeed}: the depth stream
 * through the shared reconnecting socket (`src/ws/socket_core.ts`, which reconnects with jittered
 * backoff and resubscribes) and REST snapshots through plain `fetch`
 * (`GET /api/v1/depth?symbol=&limit=1000`, retried with backoff while the feed needs one). No
 * Effect runtime: the worker exposes this object through comlink, the inline client calls it.
 *
 * @module
 */
import { ReconnectingSocket, type WebSocketConstructorLike } from "../ws/socket_core.ts";
import { BookFeed } from "./book_feed.ts";
import type { SharedTopBuffer } from "./shared_top.ts";
import { unavailableError } from "./wire_errors.ts";
import {
  err,
  type FeedEvent,
  type FeedOptions,
  type FeedStatus,
  ok,
  type OrderBookWorkerApi,
  type Result,
} from "./protocol.ts";

/** Default REST base URL. */
export const DEFAULT_REST_URL = "https://api.backpack.exchange";
/** Default WebSocket URL. */
export const DEFAULT_WS_URL = "wss://ws.backpack.exchange";

/** What {@link createFeedApi} uses from its environment (defaults: the globals). */
export interface FeedEnvironment {
  /** `fetch` for the REST snapshot. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** WebSocket constructor. Default: the socket core's (isows). */
  readonly WebSocket?: WebSocketConstructorLike;
  /** First delay before fetching a failed snapshot again, doubled up to 5 s. Default 250 ms. */
  readonly snapshotRetryMs?: number;
}

const MAX_SNAPSHOT_RETRY_MS = 5000;

const NOT_STARTED: FeedStatus = {
  symbol: "",
  phase: "Buffering",
  lastUpdateId: undefined,
  connected: false,
  resyncs: 0,
  lastError: undefined,
};

/**
 * The {@link OrderBookWorkerApi} over a {@link BookFeed}, the shared reconnecting socket and
 * `fetch`. The worker exposes it through comlink; the inline client calls it directly.
 */
export const createFeedApi = (environment: FeedEnvironment = {}): OrderBookWorkerApi => {
  let feed: BookFeed | undefined;
  let socket: ReconnectingSocket | undefined;
  let fetching: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = environment.snapshotRetryMs ?? 250;
  let again = false;
  const listeners = new Set<(event: FeedEvent) => void>();
  const doFetch = environment.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const fetchSnapshot = (url: string): void => {
    if (feed === undefined || !feed.wantsSnapshot) return;
    if (fetching !== undefined || retryTimer !== undefined) {
      again = true; // answered by (or after) the fetch in flight
      return;
    }
    const controller = new AbortController();
    fetching = controller;
    again = false;
    doFetch(url, { signal: controller.signal })
      .then((response) => {
        if (!response.ok) {
          void response.body?.cancel();
          throw new Error(`HTTP ${response.status}`);
        }
        return response.json();
      })
      .then(
        (body) => {
          fetching = undefined;
          if (controller.signal.aborted) return;
          retryMs = environment.snapshotRetryMs ?? 250;
          feed?.onSnapshot(body);
          if (again) fetchSnapshot(url);
        },
        (cause) => {
          fetching = undefined;
          if (controller.signal.aborted || feed === undefined) return;
          feed.onSnapshotFailed(String(cause));
          retryTimer = setTimeout(() => {
            retryTimer = undefined;
            fetchSnapshot(url);
          }, retryMs);
          retryMs = Math.min(MAX_SNAPSHOT_RETRY_MS, retryMs * 2);
        },
      );
  };

  const withFeed = <A>(read: (feed: BookFeed) => Result<A>): Promise<Result<A>> =>
    Promise.resolve(
      feed !== undefined ? read(feed) : err(
        unavailableError({
          endpoint: "depth",
          status: 0,
          code: "BOOK_NOT_STARTED",
          detail: "start() was not called",
        }),
      ),
    );

  const startFeed = (options: FeedOptions, top: SharedTopBuffer | undefined): FeedStatus => {
    const restUrl = (options.restUrl ?? DEFAULT_REST_URL).replace(/\/+$/, "");
    const url = `${restUrl}/api/v1/depth?symbol=${encodeURIComponent(options.symbol)}&limit=1000`;
    const stream = `depth.${options.symbol}`;
    const current = new BookFeed({
      symbol: options.symbol,
      requestSnapshot: () => queueMicrotask(() => fetchSnapshot(url)),
      ...(top === undefined ? {} : { topBuffer: top }),
      ...(options.minBufferedBeforeSnapshot === undefined
        ? {}
        : { minBufferedBeforeSnapshot: options.minBufferedBeforeSnapshot }),
    });
    feed = current;
    current.onEvent((event) => {
      for (const listener of listeners) listener(event);
    });
    const ws = new ReconnectingSocket({
      url: options.wsUrl ?? DEFAULT_WS_URL,
      ...(environment.WebSocket === undefined ? {} : { WebSocket: environment.WebSocket }),
    });
    socket = ws;
    ws.onMessage((event) => {
      if (event.type === "data" && event.stream === stream) current.onFrame(event.data);
    });
    ws.onStatus((status) => {
      if (status.status === "open") current.onConnected();
      else if (status.status === "reconnecting") current.onDisconnected(status.reason);
    });
    ws.subscribe([stream]);
    return current.status();
  };

  return {
    start: (options, top) => Promise.resolve(feed?.status() ?? startFeed(options, top)).then(ok),
    status: () => Promise.resolve(feed?.status() ?? NOT_STARTED),
    snapshot: (depth) => withFeed((f) => f.snapshot(depth)),
    bestBid: () => withFeed((f) => f.bestBid()),
    bestAsk: () => withFeed((f) => f.bestAsk()),
    mid: () => withFeed((f) => f.mid()),
    spread: () => withFeed((f) => f.spread()),
    vwap: (side, quantity) => withFeed((f) => f.vwap(side, quantity)),
    depthToNotional: (side, notional) => withFeed((f) => f.depthToNotional(side, notional)),
    listen: (listener) => {
      listeners.add(listener);
      return Promise.resolve();
    },
    close: async () => {
      feed?.close();
      listeners.clear();
      fetching?.abort();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      await socket?.close();
    },
  };
};

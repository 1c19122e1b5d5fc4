/**
 * One read of the exchange's clock with plain `fetch` (`GET /api/v1/time`, a `text/plain` Unix-ms
 * body), for code that has no REST client: the WebSocket service resyncs its `ServerClock` with it
 * when the server rejects a private subscription as expired. REST calls resync through
 * `BackpackHttp` instead (rate limited, logged).
 *
 * @module
 */
import * as Effect from "effect/Effect";
import { TransportError } from "../error_classes.ts";

/**
 * Reads `GET <baseUrl>/api/v1/time` within `timeoutMs`; fails with `TransportError` when the
 * request fails, times out, is not a 2xx, or its body is not a number.
 */
export const fetchServerTime = (
  baseUrl: string,
  timeoutMs: number,
): Effect.Effect<number, TransportError> => {
  const endpoint = "GET /api/v1/time";
  return Effect.tryPromise({
    try: async (signal) => {
      const timeout = AbortSignal.timeout(timeoutMs);
      const response = await fetch(`${baseUrl.replace(/\/+$/, "")}/api/v1/time`, {
        signal: AbortSignal.any([signal, timeout]),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const serverMs = Number(text.trim());
      if (!Number.isFinite(serverMs)) throw new Error(`not a time: ${text.slice(0, 50)}`);
      return serverMs;
    },
    catch: (cause) =>
      new TransportError({
        endpoint,
        reason: cause instanceof Error ? cause.message : String(cause),
      }),
  });
};

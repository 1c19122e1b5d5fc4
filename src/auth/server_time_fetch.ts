/**
 * One read of the exchange's clock with plain `fetch` (`GET /api/v1/time`, a `text/plain` Unix-ms
 * body decoded with the REST client's `ServerTime` schema), for code that has no REST client: the
 * WebSocket service resyncs its `ServerClock` with it when the server rejects a private
 * subscription as expired. REST calls resync through `BackpackHttp` instead (rate limited, logged).
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import { TransportError } from "../error_classes.ts";
import { ServerTime } from "../schema/status.ts";

const ENDPOINT = "GET /api/v1/time";

/**
 * Reads `GET <baseUrl>/api/v1/time` within `timeoutMs`; fails with `TransportError` when the
 * request fails, times out, is not a 2xx, or its body is not a time.
 */
export const fetchServerTime = (
  baseUrl: string,
  timeoutMs: number,
): Effect.Effect<number, TransportError> =>
  Effect.tryPromise({
    try: async (signal) => {
      const timeout = AbortSignal.timeout(timeoutMs);
      const response = await fetch(`${baseUrl.replace(/\/+$/, "")}/api/v1/time`, {
        signal: AbortSignal.any([signal, timeout]),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return text;
    },
    catch: (cause) =>
      new TransportError({
        endpoint: ENDPOINT,
        reason: cause instanceof Error ? cause.message : String(cause),
      }),
  }).pipe(
    Effect.flatMap((text) =>
      Schema.decodeUnknownEffect(ServerTime)(text).pipe(
        Effect.mapError(() =>
          new TransportError({ endpoint: ENDPOINT, reason: `not a time: ${text.slice(0, 50)}` })
        ),
      )
    ),
  );

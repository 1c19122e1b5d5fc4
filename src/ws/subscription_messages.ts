/**
 * Outbound subscription messages of the reconnecting socket: `SUBSCRIBE` / `UNSUBSCRIBE` for public
 * streams (built here) and for private ones (built by the caller's `sign` callback, then narrowed to
 * the streams whose change still stands once the signature arrives).
 *
 * @module
 */

/** `SUBSCRIBE` or `UNSUBSCRIBE`. */
export type SubscriptionMethod = "SUBSCRIBE" | "UNSUBSCRIBE";

/**
 * Builds the full signed message for private streams (e.g. `{method, params, signature}`). Called
 * again on every reconnect, so each resubscription carries a fresh timestamp.
 */
export type SignSubscription = (
  streams: ReadonlyArray<string>,
  method: SubscriptionMethod,
) => Promise<object>;

/** Options of `ReconnectingSocket.subscribe`. */
export interface SubscriptionOptions {
  /** Private (`account.*`) streams: the message is built by the `sign` callback. */
  readonly signed?: boolean;
}

/** Where {@link sendSubscription} sends, and what it asks once a private message is signed. */
export interface SubscriptionTarget {
  /** Sends a text frame on the socket the change is for. */
  readonly send: (text: string) => void;
  /** Whether a signed message may still be sent (that socket is still current and open). */
  readonly usable: () => boolean;
  /** Whether `stream` is held now (signing is asynchronous: holders may have come or gone). */
  readonly held: (stream: string) => boolean;
  /** Called when `sign` rejects. */
  readonly signFailed: (streams: ReadonlyArray<string>, reason: string) => void;
}

/**
 * Sends `method` for `streams` to `target`: at once when `sign` is undefined (public streams), else
 * once `sign` resolves, if the target is still usable, with only the streams still subscribed
 * (`SUBSCRIBE`) or still released (`UNSUBSCRIBE`), and nothing when none are. Returns, for a
 * private change, a Promise that settles once the signature has been handled (sent, dropped or
 * reported failed), so a closing socket can wait for the signing it started.
 */
export const sendSubscription = (
  target: SubscriptionTarget,
  streams: ReadonlyArray<string>,
  method: SubscriptionMethod,
  sign: SignSubscription | undefined,
): Promise<void> | undefined => {
  if (sign === undefined) {
    target.send(JSON.stringify({ method, params: streams }));
    return undefined;
  }
  return sign(streams, method).then(
    (message) => {
      if (!target.usable()) return;
      const still = streams.filter((s) => target.held(s) === (method === "SUBSCRIBE"));
      if (still.length === 0) return;
      const params = (message as { params?: unknown }).params;
      const body = still.length === streams.length || !Array.isArray(params)
        ? message
        : { ...message, params: still };
      target.send(JSON.stringify(body));
    },
    (cause) => target.signFailed(streams, String(cause)),
  );
};

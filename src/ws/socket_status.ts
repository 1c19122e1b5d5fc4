/**
 * The connection life cycle a reconnecting socket reports to its status listeners: `connecting`,
 * then `open` or `reconnecting` (which leads to the next `connecting`), and `closed` at the end.
 *
 * @module
 */

/** Connection life cycle, reported to status listeners. */
export type SocketStatus =
  | {
    /** A socket is being opened (`attempt` 0 first, then the reconnect attempt number). */
    readonly status: "connecting";
    /** 0 for the first connection, n for the n-th consecutive reconnect attempt. */
    readonly attempt: number;
  }
  | {
    /** The socket is open; subscriptions have been (re)sent. */
    readonly status: "open";
    /** The attempt that succeeded. */
    readonly attempt: number;
  }
  | {
    /** The socket was lost; a new one is opened after `delayMs`. */
    readonly status: "reconnecting";
    /** The upcoming attempt number (1-based). */
    readonly attempt: number;
    /** Backoff delay before it, in ms. */
    readonly delayMs: number;
    /** Why the previous socket was lost. */
    readonly reason: string;
  }
  | {
    /** Terminal: `close()` was called or `maxAttempts` was exhausted. */
    readonly status: "closed";
    /** Why. */
    readonly reason: string;
  };

/**
 * What every runtime adapter of the simulator returns, and the WebSocket paths they upgrade.
 *
 * @module
 */

/** A listening simulator server. */
export interface Listener {
  /** The bound port. */
  readonly port: number;
  /** Closes every socket, stops listening and waits until the server finished. */
  readonly close: () => Promise<void>;
}

/** Paths on which a WebSocket upgrade joins the hub (everything else is REST). */
export const WS_PATHS: ReadonlySet<string> = new Set(["/", "/ws"]);

/** Seconds between server pings / idle limit of a WebSocket (the exchange pings every 60 s). */
export const PING_INTERVAL_S = 60;

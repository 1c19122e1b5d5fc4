/**
 * Serves a {@link SimServer} with `Bun.serve` on 127.0.0.1: REST through the web-standard
 * handler, WebSocket upgrades on `/` or `/ws` through Bun's `websocket` handlers into the hub.
 * Bun sends protocol pings and answers the client's pings itself (a silent connection still
 * pongs). The Bun API is typed locally (no `bun-types`).
 *
 * @module
 */
import type { WsSession } from "../ws_hub.ts";
import type { SimServer } from "../sim_server.ts";
import { type Listener, PING_INTERVAL_S, WS_PATHS } from "./listener.ts";

/** A Bun server-side WebSocket (the members the adapter uses). */
export interface BunSocket {
  /** Per-connection data given to `upgrade`. */
  readonly data: { session?: WsSession };
  /** Sends a text frame. */
  send(text: string): unknown;
  /** Closes the socket. */
  close(code?: number, reason?: string): void;
}

/** A running `Bun.serve` server (the members the adapter uses). */
export interface BunServer {
  /** Bound port. */
  readonly port: number;
  /** Upgrades a request to a WebSocket. */
  upgrade(req: Request, options: { data: { session?: WsSession } }): boolean;
  /** Stops the server; `true` also closes active connections. */
  stop(closeActiveConnections?: boolean): Promise<void> | void;
}

/** The part of the `Bun` global the adapter uses. */
export interface BunRuntime {
  /** `Bun.serve`. */
  serve(options: {
    hostname: string;
    port: number;
    fetch(req: Request, server: BunServer): Response | Promise<Response> | undefined;
    websocket: {
      idleTimeout: number;
      sendPings: boolean;
      open(ws: BunSocket): void;
      message(ws: BunSocket, message: string | Uint8Array): void;
      close(ws: BunSocket): void;
    };
  }): BunServer;
}

/** Starts listening on `127.0.0.1:port` (0 picks a free port). */
export const serveBun = (server: SimServer, port: number, bun: BunRuntime): Listener => {
  const sockets = new Set<BunSocket>();
  const waiting = new Set<() => void>();
  const bunServer = bun.serve({
    hostname: "127.0.0.1",
    port,
    fetch: (req, srv) => {
      const path = new URL(req.url).pathname;
      if (req.headers.get("upgrade")?.toLowerCase() === "websocket" && WS_PATHS.has(path)) {
        if (srv.upgrade(req, { data: {} })) return undefined;
        return new Response("WebSocket upgrade failed", { status: 400 });
      }
      return server.handler(req);
    },
    websocket: {
      idleTimeout: PING_INTERVAL_S * 2,
      sendPings: true,
      open: (ws) => {
        sockets.add(ws);
        ws.data.session = server.hub.connect({
          send: (text) => void ws.send(text),
          close: (code, reason) => ws.close(code, reason),
        });
      },
      message: (ws, message) => {
        if (typeof message === "string") void ws.data.session?.receive(message);
      },
      close: (ws) => {
        ws.data.session?.detach();
        sockets.delete(ws);
        if (sockets.size === 0) { for (const resolve of waiting) resolve(); }
      },
    },
  });
  return {
    port: bunServer.port,
    close: async () => {
      server.close();
      if (sockets.size > 0) {
        await new Promise<void>((resolve) => {
          waiting.add(resolve);
          for (const ws of sockets) ws.close(1001, "server shutdown");
        });
      }
      await server.hub.idle(); // messages still being handled (signed subscribes)
      await bunServer.stop(true);
    },
  };
};

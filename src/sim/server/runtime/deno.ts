/**
 * Serves a {@link SimServer} with `Deno.serve` on 127.0.0.1. REST and WebSocket share the port:
 * a WebSocket upgrade on `/` or `/ws` joins the hub, every other request goes to the REST handler.
 * Deno's server sends protocol pings every `idleTimeout` seconds and closes sockets that do not
 * answer; it always answers the client's pings (a silent connection still pongs).
 * The Deno API is typed locally so the npm build (no Deno types) compiles this file.
 *
 * @module
 */
import type { SimServer } from "../sim_server.ts";
import { type Listener, PING_INTERVAL_S, WS_PATHS } from "./listener.ts";

/** The part of the `Deno` namespace the adapter uses. */
export interface DenoRuntime {
  /** `Deno.serve`. */
  serve(
    options: { hostname: string; port: number; onListen: () => void },
    handler: (
      req: Request,
      info: { remoteAddr: { hostname: string } },
    ) => Response | Promise<Response>,
  ): { addr: { port: number }; shutdown(): Promise<void> };
  /** `Deno.upgradeWebSocket`. */
  upgradeWebSocket(
    req: Request,
    options: { idleTimeout: number },
  ): { socket: WebSocket; response: Response };
}

/** Starts listening on `127.0.0.1:port` (0 picks a free port). */
export const serveDeno = (server: SimServer, port: number, deno: DenoRuntime): Listener => {
  const sockets = new Set<WebSocket>();
  const closed = new Set<Promise<void>>();
  const httpServer = deno.serve(
    { hostname: "127.0.0.1", port, onListen: () => {} },
    (req, info) => {
      const path = new URL(req.url).pathname;
      if (req.headers.get("upgrade")?.toLowerCase() !== "websocket" || !WS_PATHS.has(path)) {
        return server.handler(req, { remoteAddr: info.remoteAddr.hostname });
      }
      const { socket, response } = deno.upgradeWebSocket(req, { idleTimeout: PING_INTERVAL_S });
      sockets.add(socket);
      const session = server.hub.connect({
        send: (text) => socket.send(text),
        close: (code, reason) => socket.close(code, reason),
      });
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      closed.add(finished);
      socket.onmessage = (event) => {
        if (typeof event.data === "string") void session.receive(event.data);
      };
      socket.onclose = () => {
        session.detach();
        sockets.delete(socket);
        closed.delete(finished);
        done();
      };
      return response;
    },
  );
  return {
    port: httpServer.addr.port,
    close: async () => {
      server.close();
      for (const socket of sockets) {
        if (socket.readyState === WebSocket.OPEN) socket.close(1001, "server shutdown");
      }
      await Promise.all(closed);
      await server.hub.idle(); // messages still being handled (signed subscribes)
      await httpServer.shutdown();
    },
  };
};

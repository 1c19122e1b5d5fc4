/**
 * Serves a {@link SimServer} with `Deno.serve` on 127.0.0.1. REST and WebSocket share the port:
 * a WebSocket upgrade on `/` or `/ws` joins the hub, every other request goes to the REST handler.
 * Deno's server sends protocol pings every `idleTimeout` seconds (60, as the exchange does) and
 * closes sockets that do not answer.
 *
 * @module
 */
import type { SimServer } from "./sim_server.ts";

/** A listening simulator. */
export interface DenoListener {
  /** The bound port. */
  readonly port: number;
  /** Closes every socket, stops listening and waits until the server finished. */
  readonly close: () => Promise<void>;
}

const WS_PATHS = new Set(["/", "/ws"]);

/** Starts listening on `127.0.0.1:port` (0 picks a free port). */
export const serveDeno = (server: SimServer, port: number): DenoListener => {
  const sockets = new Set<WebSocket>();
  const closed = new Set<Promise<void>>();
  const httpServer = Deno.serve(
    { hostname: "127.0.0.1", port, onListen: () => {} },
    (req, info) => {
      const path = new URL(req.url).pathname;
      if (req.headers.get("upgrade")?.toLowerCase() !== "websocket" || !WS_PATHS.has(path)) {
        return server.handler(req, { remoteAddr: info.remoteAddr.hostname });
      }
      const { socket, response } = Deno.upgradeWebSocket(req, { idleTimeout: 60 });
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
      await httpServer.shutdown();
    },
  };
};

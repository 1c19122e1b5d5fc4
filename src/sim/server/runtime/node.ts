/**
 * Serves a {@link SimServer} on Node (20+) with `node:http` and the `ws` package's
 * `WebSocketServer` on 127.0.0.1: requests are converted to web-standard `Request`s for the REST
 * handler, upgrades on `/` or `/ws` join the hub. The adapter pings every client every 60 s and
 * terminates one that did not pong; it answers client pings itself unless the connection is
 * silent (`wsSilent` fault), which lets clients test their own ping timeout. Node's and `ws`'s
 * APIs are typed locally (no `@types/node`) and loaded with dynamic imports, so other runtimes
 * never load them.
 *
 * @module
 */
import type { SimServer } from "../sim_server.ts";
import { type Listener, PING_INTERVAL_S, WS_PATHS } from "./listener.ts";

interface NodeRequest {
  readonly method?: string;
  readonly url?: string;
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>;
  readonly socket: { readonly remoteAddress?: string };
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  on(event: "end", listener: () => void): void;
  on(event: "error", listener: (error: unknown) => void): void;
}

interface NodeResponse {
  writeHead(status: number, headers: Record<string, string>): void;
  end(body?: Uint8Array): void;
}

interface NodeServer {
  listen(port: number, host: string, callback: () => void): void;
  address(): { port: number };
  on(event: "upgrade", listener: (req: NodeRequest, socket: unknown, head: unknown) => void): void;
  on(event: "error", listener: (error: unknown) => void): void;
  close(callback: () => void): void;
  closeAllConnections(): void;
}

interface NodeHttp {
  createServer(listener: (req: NodeRequest, res: NodeResponse) => void): NodeServer;
}

interface NodeWebSocket {
  readonly readyState: number;
  send(text: string): void;
  close(code: number, reason: string): void;
  ping(): void;
  pong(data?: unknown): void;
  terminate(): void;
  on(event: "message", listener: (data: unknown, isBinary: boolean) => void): void;
  on(event: "ping", listener: (data: unknown) => void): void;
  on(event: "pong" | "close", listener: () => void): void;
}

interface WsModule {
  readonly WebSocketServer: new (options: { noServer: true; autoPong: boolean }) => {
    handleUpgrade(
      req: NodeRequest,
      socket: unknown,
      head: unknown,
      callback: (ws: NodeWebSocket) => void,
    ): void;
    close(): void;
  };
}

/** Loads a module by a computed name (keeps Node-only modules out of type checks and bundles). */
const load = (name: string): Promise<unknown> => import(name);

const readBody = (req: NodeRequest): Promise<Uint8Array<ArrayBuffer>> =>
  new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("error", reject);
    req.on("end", () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const c of chunks) {
        out.set(c, offset);
        offset += c.length;
      }
      resolve(out);
    });
  });

const toRequest = async (req: NodeRequest): Promise<Request> => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of typeof value === "string" ? [value] : value) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
  return new Request(`http://127.0.0.1${req.url ?? "/"}`, {
    method,
    headers,
    ...(body === undefined || body.length === 0 ? {} : { body }),
  });
};

/** Starts listening on `127.0.0.1:port` (0 picks a free port). */
export const serveNode = async (server: SimServer, port: number): Promise<Listener> => {
  const http = await load("node:http") as NodeHttp;
  const { WebSocketServer } = await load("ws") as WsModule;
  const wss = new WebSocketServer({ noServer: true, autoPong: false });
  const sockets = new Map<NodeWebSocket, Promise<void>>();
  const httpServer = http.createServer((req, res) => {
    void (async () => {
      let response: Response;
      try {
        const request = await toRequest(req);
        const remoteAddr = req.socket.remoteAddress;
        response = await server.handler(request, remoteAddr === undefined ? {} : { remoteAddr });
      } catch {
        response = new Response(null, { status: 400 });
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      const body = new Uint8Array(await response.arrayBuffer());
      res.writeHead(response.status, headers);
      res.end(body);
    })();
  });
  httpServer.on("upgrade", (req, socket, head) => {
    const path = new URL(`http://127.0.0.1${req.url ?? "/"}`).pathname;
    if (!WS_PATHS.has(path)) {
      (socket as { destroy(): void }).destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = server.hub.connect({
        send: (text) => ws.send(text),
        close: (code, reason) => ws.close(code, reason),
      });
      let alive = true;
      const pinger = setInterval(() => {
        if (!alive) return ws.terminate();
        alive = false;
        ws.ping();
      }, PING_INTERVAL_S * 1000);
      ws.on("pong", () => (alive = true));
      ws.on("ping", (data) => {
        if (!session.silent) ws.pong(data);
      });
      ws.on("message", (data, isBinary) => {
        if (!isBinary) void session.receive(String(data));
      });
      sockets.set(
        ws,
        new Promise<void>((resolve) =>
          ws.on("close", () => {
            clearInterval(pinger);
            session.detach();
            sockets.delete(ws);
            resolve();
          })
        ),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.on("error", reject);
    httpServer.listen(port, "127.0.0.1", resolve);
  });
  return {
    port: httpServer.address().port,
    close: async () => {
      server.close();
      const closing = [...sockets.values()];
      for (const ws of sockets.keys()) {
        if (ws.readyState === 1) ws.close(1001, "server shutdown");
      }
      await Promise.all(closing);
      await server.hub.idle(); // messages still being handled (signed subscribes)
      wss.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
};

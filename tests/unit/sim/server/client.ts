/** A small test client for a running simulator: signed fetch and a collecting WebSocket. */
import type { SignParams } from "../../../../src/auth/signing_string.ts";
import type { Simulator } from "../../../../src/sim/mod.ts";
import { sign, signedHeaders } from "./helpers.ts";

/** Answer of {@link request}: status and parsed JSON (or text) body. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

const read = async (res: Response): Promise<Answer> => {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // text/plain answers
  }
  return { status: res.status, headers: res.headers, body };
};

/** A public GET. */
export const publicGet = async (sim: Simulator, path: string): Promise<Answer> =>
  read(await fetch(sim.restUrl + path));

/** A signed request of account number `account`: query params for GET, JSON body otherwise. */
export const signed = async (
  sim: Simulator,
  method: string,
  path: string,
  instruction: string,
  params: Record<string, string | number | boolean> | ReadonlyArray<SignParams> = {},
  account = 0,
): Promise<Answer> => {
  const headers = await signedHeaders(sim.accounts[account]!, instruction, params);
  const query = method === "GET" && !Array.isArray(params)
    ? "?" + new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
    : "";
  return read(
    await fetch(sim.restUrl + path + (query === "?" ? "" : query), {
      method,
      headers,
      ...(method === "GET" ? {} : { body: JSON.stringify(params) }),
    }),
  );
};

/** A WebSocket that records every frame; `close()` waits for the close handshake. */
export class WsClient {
  readonly frames: Array<Record<string, unknown>> = [];
  readonly #socket: WebSocket;
  readonly #closed: Promise<void>;
  #closedByServer = false;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    this.#closed = new Promise((resolve) => {
      socket.onclose = () => {
        this.#closedByServer = true;
        resolve();
      };
    });
    socket.onmessage = (e) => this.frames.push(JSON.parse(e.data));
  }

  /** Opens a socket to the simulator. */
  static async open(sim: Simulator): Promise<WsClient> {
    const socket = new WebSocket(sim.wsUrl);
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = reject;
    });
    return new WsClient(socket);
  }

  /** True once the socket closed. */
  get closed(): boolean {
    return this.#closedByServer;
  }

  /** Sends a JSON message. */
  send(message: unknown): void {
    this.#socket.send(JSON.stringify(message));
  }

  /** Subscribes; `signedSub` signs with the key of account number `account`. */
  async subscribe(
    sim: Simulator,
    streams: string[],
    signedSub = false,
    account = 0,
  ): Promise<void> {
    const msg: Record<string, unknown> = { method: "SUBSCRIBE", params: streams };
    if (signedSub) {
      const ts = Date.now();
      const a = sim.accounts[account]!;
      msg.signature = [
        a.apiKey,
        await sign(a.apiSecret, `instruction=subscribe&timestamp=${ts}&window=5000`),
        String(ts),
        "5000",
      ];
    }
    this.send(msg);
  }

  /** Frames of `stream`. */
  of(stream: string): Array<Record<string, unknown>> {
    return this.frames.filter((f) => f.stream === stream);
  }

  /** Waits until `predicate` holds (polling every 10 ms, at most `ms`). */
  async until(predicate: () => boolean, ms = 3000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error("condition not reached");
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Closes and waits for the close event. */
  async close(): Promise<void> {
    if (!this.#closedByServer) this.#socket.close();
    await this.#closed;
  }
}

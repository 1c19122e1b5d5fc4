/**
 * In-memory WebSocket and manual timers for socket tests.
 *
 * @module
 */
import type {
  WebSocketConstructorLike,
  WebSocketEventLike,
  WebSocketLike,
} from "../../../src/ws/socket_core.ts";
import type { SocketTimers } from "../../../src/ws/timing.ts";

/** A fake WebSocket: records sent frames; the test drives open/message/close. */
export class FakeWebSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  readonly closedWith: Array<{ code?: number; reason?: string }> = [];
  /** When true, `close()` only starts closing: the test completes it with {@link FakeWebSocket.closed}. */
  holdClose = false;
  readonly #listeners = new Map<string, Array<(event: WebSocketEventLike) => void>>();

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error("not open");
    this.sent.push(data);
  }

  /** Like a real socket, the close event follows asynchronously (unless already closed or held). */
  close(code?: number, reason?: string): void {
    this.closedWith.push({ code, reason });
    if (this.readyState >= 2) return;
    this.readyState = 2;
    if (!this.holdClose) queueMicrotask(() => this.closed(code, reason));
  }

  addEventListener(type: string, listener: (event: WebSocketEventLike) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  #dispatch(event: WebSocketEventLike): void {
    for (const l of this.#listeners.get(event.type) ?? []) l(event);
  }

  /** Server accepted the connection. */
  open(): void {
    this.readyState = 1;
    this.#dispatch({ type: "open" });
  }

  /** Server sent a text frame (objects are JSON-encoded). */
  receive(frame: unknown): void {
    const data = typeof frame === "string" ? frame : JSON.stringify(frame);
    this.#dispatch({ type: "message", data } as WebSocketEventLike);
  }

  /** The connection closed (server side, or completing a client close). */
  closed(code = 1006, reason = ""): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.#dispatch({ type: "close", code, reason } as WebSocketEventLike);
  }

  /** Parsed sent frames. */
  get messages(): Array<Record<string, unknown>> {
    return this.sent.map((s) => JSON.parse(s));
  }
}

/** A constructor recording every socket it creates. */
export const fakeWebSocketFactory = (): {
  readonly Ctor: WebSocketConstructorLike;
  readonly sockets: FakeWebSocket[];
} => {
  const sockets: FakeWebSocket[] = [];
  const Ctor = class extends FakeWebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  };
  return { Ctor, sockets };
};

/** Manual timers: `advance(ms)` runs due callbacks in order. */
export class ManualTimers implements SocketTimers {
  now = 0;
  #next = 1;
  readonly #pending = new Map<number, { at: number; callback: () => void }>();

  readonly setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.#next++;
    this.#pending.set(id, { at: this.now + ms, callback });
    return id;
  };

  readonly clearTimeout = (handle: unknown): void => {
    this.#pending.delete(handle as number);
  };

  /** Number of scheduled callbacks. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Delays of the scheduled callbacks from now. */
  get delays(): number[] {
    return [...this.#pending.values()].map((t) => t.at - this.now);
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let dueId: number | undefined;
      let due: { at: number; callback: () => void } | undefined;
      for (const [id, t] of this.#pending) {
        if (t.at <= end && (due === undefined || t.at < due.at)) [dueId, due] = [id, t];
      }
      if (due === undefined || dueId === undefined) break;
      this.#pending.delete(dueId);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
  }
}

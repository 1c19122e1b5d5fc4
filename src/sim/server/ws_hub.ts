/**
 * The simulator's WebSocket hub, independent of any runtime: it speaks Backpack's protocol
 * (`{"method":"SUBSCRIBE"|"UNSUBSCRIBE","params":[...],"signature"?:[key,sig,ts,window]}`), keeps
 * each connection's subscriptions, and fans `{"stream","data"}` frames out through the connection's
 * transport faults (depth frames and private `account.*` frames can also be dropped, duplicated or
 * reordered). A runtime adapter feeds it text messages and a `WsPeer` to write to.
 *
 * Error frames: `{"id":null,"error":{"code":4006,"message":"Invalid stream"}}` when a message names
 * an unknown stream (as the exchange sends); the valid streams of that message are still handled. The codes for other failures are the simulator's own choice
 * (the exchange does not document them): 4000 `Invalid message` (not JSON / unknown method) and
 * 4001 `<auth failure message>` for a private stream whose `signature` is missing or bad. The `id`
 * of the request, when present, is echoed instead of `null`. Subscriptions are not acknowledged.
 *
 * @module
 */
import { authenticate, type AuthOptions } from "./auth.ts";
import { type FaultInjector, type Faults, frameClass } from "./faults.ts";
import { HttpError } from "./responses.ts";

/** What the hub needs from a socket. */
export interface WsPeer {
  /** Sends one text frame. */
  send(text: string): void;
  /** Closes the socket. */
  close(code: number, reason: string): void;
}

/** Stream names, validity, and the snapshot a private subscription starts with. */
export interface WsCatalog {
  /** True when `stream` names a stream the simulator serves. */
  readonly isValid: (stream: string) => boolean;
  /** Frames' `data` to push right after `account` subscribed to the private `stream`. */
  readonly initialData: (stream: string, account: string) => ReadonlyArray<unknown>;
}

/** Hub settings. */
export interface WsHubOptions {
  /** Key registry and clock for signed subscriptions. */
  readonly auth: AuthOptions;
  /** Transport faults and their counters. */
  readonly faults: FaultInjector;
  /** Stream catalog. */
  readonly catalog: WsCatalog;
}

const PRIVATE_PREFIX = "account.";

const errorFrame = (id: unknown, code: number, message: string): string =>
  JSON.stringify({ id: id ?? null, error: { code, message } });

/** One connected client. */
export class WsSession {
  readonly #hub: WsHub;
  readonly #peer: WsPeer;
  /** Subscribed stream names. */
  readonly streams: Set<string> = new Set();
  /** Account authenticated by the last valid signed subscription. */
  account: string | undefined;
  /** Connection number, in connection order from 0. */
  readonly id: number;
  /** Faults of this connection only; `undefined` = the server-wide faults. */
  faults: Faults | undefined;
  #sent = 0;
  #closed = false;
  readonly #held = new Map<string, string>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(hub: WsHub, peer: WsPeer, id: number) {
    this.#hub = hub;
    this.#peer = peer;
    this.id = id;
  }

  /** The faults in force on this connection. */
  get faultsInForce(): Faults {
    return this.faults ?? this.#hub.faults.faults;
  }

  /** True when the connection went silent (no frames, the Node adapter also stops answering pings). */
  get silent(): boolean {
    return this.faultsInForce.wsSilent === true;
  }

  /**
   * Handles one text message from the client. The hub tracks it until handled (a signed
   * subscription is verified asynchronously), so a shutdown can wait for it: {@link WsHub.idle}.
   */
  receive(text: string): Promise<void> {
    return this.#hub.track(this.#handle(text));
  }

  async #handle(text: string): Promise<void> {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.#raw(errorFrame(null, 4000, "Invalid message"));
    }
    const m = (typeof message === "object" && message !== null ? message : {}) as Record<
      string,
      unknown
    >;
    const params = Array.isArray(m.params) ? m.params : undefined;
    if ((m.method !== "SUBSCRIBE" && m.method !== "UNSUBSCRIBE") || params === undefined) {
      return this.#raw(errorFrame(m.id, 4000, "Invalid message"));
    }
    const streams = params.filter((p): p is string =>
      typeof p === "string" && this.#hub.catalog.isValid(p)
    );
    if (streams.length !== params.length) this.#raw(errorFrame(m.id, 4006, "Invalid stream"));
    if (m.method === "UNSUBSCRIBE") {
      for (const s of streams) this.streams.delete(s);
      return;
    }
    if (streams.some((s) => s.startsWith(PRIVATE_PREFIX))) {
      const account = await this.#verify(m.signature);
      if (account === undefined) return;
      this.account = account;
    }
    for (const s of streams) {
      this.streams.add(s);
      if (s.startsWith(PRIVATE_PREFIX) && this.account !== undefined) {
        for (const data of this.#hub.catalog.initialData(s, this.account)) this.deliver(s, data);
      }
    }
  }

  async #verify(signature: unknown): Promise<string | undefined> {
    const parts = Array.isArray(signature) && signature.length === 4 &&
        signature.every((x) => typeof x === "string")
      ? signature as string[]
      : undefined;
    if (parts === undefined) {
      this.#raw(errorFrame(null, 4001, "Missing signature"));
      return undefined;
    }
    try {
      return await authenticate(this.#hub.auth, "subscribe", {}, {
        apiKey: parts[0]!,
        signature: parts[1]!,
        timestamp: parts[2]!,
        window: parts[3]!,
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      this.#raw(errorFrame(null, 4001, error.message));
      return undefined;
    }
  }

  /** Sends a data frame for `stream` through this connection's faults. */
  deliver(stream: string, data: unknown): void {
    this.deliverText(stream, JSON.stringify({ stream, data }));
  }

  /** Sends a pre-serialized `{stream, data}` frame through this connection's faults. */
  deliverText(stream: string, text: string): void {
    if (this.#closed) return;
    const injector = this.#hub.faults;
    const f = this.faultsInForce;
    if (f.wsSilent) return injector.count("wsSilenced");
    const frames = frameClass(stream);
    if (frames !== undefined) {
      const held = this.#held.get(stream);
      const fault = injector.drawFrame(frames, f, held !== undefined);
      if (fault === "drop") return;
      if (held !== undefined) {
        this.#held.delete(stream);
        this.#emit(text);
        return this.#emit(held);
      }
      if (fault === "reorder") return void this.#held.set(stream, text);
      if (fault === "duplicate") this.#emit(text);
    }
    this.#emit(text);
  }

  #emit(text: string): void {
    const injector = this.#hub.faults;
    const delay = this.faultsInForce.wsDelayMs ?? 0;
    if (delay <= 0) return this.#write(text);
    injector.count("wsDelay");
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#write(text);
    }, delay);
    this.#timers.add(timer);
  }

  #write(text: string): void {
    if (this.#closed) return;
    const injector = this.#hub.faults;
    const f = this.faultsInForce;
    this.#raw(text);
    this.#sent += 1;
    const after = f.wsCloseAfterFrames;
    if ((after !== undefined && this.#sent >= after) || injector.chance(f.wsCloseProbability)) {
      injector.count("wsClose");
      this.close(1011, "simulated fault");
    }
  }

  #raw(text: string): void {
    if (this.#closed) return;
    try {
      this.#peer.send(text);
    } catch {
      // the socket is closing; the adapter will report the close
    }
  }

  /** Closes the socket from the server side and forgets the connection. */
  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.detach();
    try {
      this.#peer.close(code, reason);
    } catch {
      // already closed
    }
  }

  /** Forgets the connection after the client closed it; stops pending delayed frames. */
  detach(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#hub.sessions.delete(this);
  }
}

/** All connections, and fan-out of stream frames to them. */
export class WsHub {
  /** Live connections. */
  readonly sessions: Set<WsSession> = new Set();
  /** Auth settings for signed subscriptions. */
  readonly auth: AuthOptions;
  /** Fault settings and counters. */
  readonly faults: FaultInjector;
  /** Stream catalog. */
  readonly catalog: WsCatalog;

  constructor(options: WsHubOptions) {
    this.auth = options.auth;
    this.faults = options.faults;
    this.catalog = options.catalog;
  }

  #connections = 0;
  readonly #handling = new Set<Promise<void>>();

  /** Tracks a client message being handled until it settles; returns `handling`. */
  track(handling: Promise<void>): Promise<void> {
    this.#handling.add(handling);
    const settled = () => void this.#handling.delete(handling);
    handling.then(settled, settled);
    return handling;
  }

  /** Resolves once every client message received so far is handled (servers await it on close). */
  async idle(): Promise<void> {
    while (this.#handling.size > 0) await Promise.allSettled([...this.#handling]);
  }

  /** Registers a new connection. */
  connect(peer: WsPeer): WsSession {
    const session = new WsSession(this, peer, this.#connections++);
    this.sessions.add(session);
    return session;
  }

  /** True when any connection subscribed to `stream` (lets callers skip serialization). */
  hasSubscribers(stream: string): boolean {
    for (const s of this.sessions) if (s.streams.has(stream)) return true;
    return false;
  }

  /** Sends `data` on the public `stream` to its subscribers. */
  publish(stream: string, data: unknown): void {
    let text: string | undefined;
    for (const session of [...this.sessions]) {
      if (!session.streams.has(stream)) continue;
      text ??= JSON.stringify({ stream, data });
      session.deliverText(stream, text);
    }
  }

  /**
   * Sends private `data` of `account` to its connections subscribed to `base`
   * (e.g. `account.orderUpdate`) or `base.<symbol>`; the frame's `stream` is the name subscribed.
   */
  publishPrivate(base: string, symbol: string, account: string, data: unknown): void {
    const specific = `${base}.${symbol}`;
    for (const session of [...this.sessions]) {
      if (session.account !== account) continue;
      if (session.streams.has(base)) session.deliver(base, data);
      if (session.streams.has(specific)) session.deliver(specific, data);
    }
  }

  /**
   * Sets the faults of the live connection number `id` (`undefined` restores the server-wide
   * faults); false when no such connection is open.
   */
  setConnectionFaults(id: number, faults: Faults | undefined): boolean {
    for (const session of this.sessions) {
      if (session.id !== id) continue;
      session.faults = faults;
      return true;
    }
    return false;
  }

  /** Closes every connection (server shutdown). */
  closeAll(code = 1001, reason = "server shutdown"): void {
    for (const session of [...this.sessions]) session.close(code, reason);
  }
}

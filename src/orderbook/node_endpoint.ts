/**
 * A comlink {@link Endpoint} over a Node `worker_threads` port (`Worker` or `parentPort`), which
 * speaks `on("message", value)` instead of `addEventListener("message", { data })`. The same job as
 * comlink's `node-adapter`, which ships without types.
 *
 * @module
 */
import type { Endpoint } from "comlink";

/** The part of a `worker_threads` `Worker` / `MessagePort` the adapter uses. */
export interface NodePort {
  /** Sends a value (structured clone), transferring `transfer`. */
  postMessage(value: unknown, transfer?: ReadonlyArray<unknown>): void;
  /** Adds a listener. */
  on(event: "message", listener: (value: unknown) => void): unknown;
  /** Removes a listener. */
  off(event: "message", listener: (value: unknown) => void): unknown;
  /** Starts a `MessagePort` (absent on a `Worker`). */
  start?: () => void;
}

/** Wraps a `worker_threads` port as a comlink endpoint. */
export const nodeEndpoint = (port: NodePort): Endpoint => {
  const wrapped = new WeakMap<object, (value: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) =>
      port.postMessage(message, transfer),
    addEventListener: (_type: string, handler: EventListenerOrEventListenerObject) => {
      const listener = (data: unknown) => {
        const event = { data } as MessageEvent;
        if ("handleEvent" in handler) handler.handleEvent(event);
        else handler(event);
      };
      port.on("message", listener);
      wrapped.set(handler, listener);
    },
    removeEventListener: (_type: string, handler: EventListenerOrEventListenerObject) => {
      const listener = wrapped.get(handler);
      if (listener === undefined) return;
      port.off("message", listener);
      wrapped.delete(handler);
    },
    ...(port.start === undefined ? {} : { start: () => port.start!() }),
  };
};

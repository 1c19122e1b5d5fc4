/**
 * The order-book worker: exposes the book feed (`src/orderbook/feed_api.ts`) through comlink and
 * nothing else. Runs as a module Web Worker (Deno, Bun, browsers: `self`) or a Node
 * `worker_threads` worker (`parentPort`, through `src/orderbook/node_endpoint.ts`). The event
 * listener arrives as the MessagePort the main thread listens on; events are posted to it as plain
 * messages (`src/orderbook/event_relay.ts`), and it is closed on `close()`.
 *
 * @module
 */
import * as Comlink from "comlink";
import { createFeedApi } from "../src/orderbook/feed_api.ts";
import { nodeEndpoint, type NodePort } from "../src/orderbook/node_endpoint.ts";
import { type EventRelay, eventRelay } from "../src/orderbook/event_relay.ts";
import type { OrderBookWorkerApi } from "../src/orderbook/protocol.ts";

/** Node has no `self`; its parent port comes from `worker_threads` (a computed name keeps bundlers and tsc away). */
const nodeParent = async (): Promise<Comlink.Endpoint> => {
  const specifier = "node:worker_threads";
  const { parentPort } = await import(specifier) as { parentPort: NodePort | null };
  if (parentPort === null) {
    throw new Error("orderbook.worker runs inside a Worker; use createOrderBook() to start it");
  }
  return nodeEndpoint(parentPort);
};

const endpoint: Comlink.Endpoint = typeof self === "undefined"
  ? await nodeParent()
  : self as unknown as Comlink.Endpoint;

const api = createFeedApi();
const relays: Array<{ readonly port: MessagePort; readonly relay: EventRelay }> = [];

const exposed: OrderBookWorkerApi = {
  ...api,
  // The main thread sends the MessagePort it listens on (it owns and closes the other end). Events
  // go out as plain messages (`event_relay.ts`), not comlink calls.
  listen: (listener) => {
    const port = listener as unknown as MessagePort;
    const relay = eventRelay(port);
    relays.push({ port, relay });
    return api.listen(relay.listener);
  },
  close: async () => {
    await api.close();
    for (const { port, relay } of relays.splice(0)) {
      relay.close();
      port.close();
    }
  },
};

Comlink.expose(exposed, endpoint);

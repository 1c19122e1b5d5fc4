/**
 * The order-book worker: exposes the book feed (`src/orderbook/feed_api.ts`) through comlink and
 * nothing else. Runs as a module Web Worker (Deno, Bun, browsers: `self`) or a Node
 * `worker_threads` worker (`parentPort`, through `src/orderbook/node_endpoint.ts`). The event
 * listener arrives as the MessagePort the main thread exposes it on; it is released on `close()`.
 *
 * @module
 */
import * as Comlink from "comlink";
import { createFeedApi } from "../src/orderbook/feed_api.ts";
import { nodeEndpoint, type NodePort } from "../src/orderbook/node_endpoint.ts";
import type { FeedEvent, OrderBookWorkerApi } from "../src/orderbook/protocol.ts";

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
const proxies: Array<Comlink.Remote<(event: FeedEvent) => void>> = [];

const exposed: OrderBookWorkerApi = {
  ...api,
  // The main thread sends the MessagePort its listener is exposed on (it owns and closes the other
  // end), not a `Comlink.proxy`.
  listen: (listener) => {
    const port = listener as unknown as MessagePort;
    port.start();
    const remote = Comlink.wrap<(event: FeedEvent) => void>(port);
    proxies.push(remote);
    return api.listen((event) => void remote(event));
  },
  close: async () => {
    await api.close();
    for (const remote of proxies.splice(0)) remote[Comlink.releaseProxy]();
  },
};

Comlink.expose(exposed, endpoint);

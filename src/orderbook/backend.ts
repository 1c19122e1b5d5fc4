/**
 * Where the order-book feed runs: mode selection ({@link OrderBookMode}) and the comlink client of
 * the worker that runs it, a module Web Worker (Deno, Bun, browsers) or a `worker_threads` worker
 * (Node), or the feed itself on the calling thread where no worker exists (Cloudflare Workers).
 * Every backend answers the same {@link OrderBookWorkerApi}.
 *
 * @module
 */
import * as Comlink from "comlink";
import { TransportError } from "../error_classes.ts";
import { createFeedApi, type FeedEnvironment } from "./feed_api.ts";
import { nodeEndpoint, type NodePort } from "./node_endpoint.ts";
import type { OrderBookWorkerApi, Result } from "./protocol.ts";

/** Where the feed runs: `auto` picks a worker where the runtime has one, else `inline`. */
export type OrderBookMode = "auto" | "worker" | "inline";

/** A started feed: its API, where it runs and how to end it. */
export interface Backend {
  /** The feed's API (a comlink proxy in a worker). */
  readonly api: OrderBookWorkerApi;
  /** Where the feed runs. */
  readonly mode: "worker" | "inline";
  /** Terminates the worker (no-op inline). */
  readonly dispose: () => void;
  /** Rejects if the worker fails to load or dies (its calls would never be answered). */
  readonly failed: Promise<never>;
}

/** A `TransportError` for a worker that failed; `failed` rejects with it. */
const workerFailure = (): { failed: Promise<never>; fail: (cause: unknown) => void } => {
  let fail: (cause: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = (cause) => {
      // An Error (Node), an ErrorEvent (Web Worker) or a text.
      const message = (cause as { message?: unknown } | undefined)?.message;
      const reason = typeof message === "string" ? message : String(cause);
      reject(new TransportError({ endpoint: "orderbook worker", reason }));
    };
  });
  failed.catch(() => {}); // only awaited while starting
  return { failed, fail };
};

/**
 * The worker module next to this one: `.ts` when run from source (Deno, Bun), `.js` in the npm build
 * (tsc rewrites import specifiers, not URL strings, so the extension follows this module's own).
 * Computed on use: workerd has no `import.meta.url`, and loading this module there must not fail.
 */
const workerUrl = (): URL =>
  new URL(
    `../../workers/orderbook.worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`,
    import.meta.url,
  );

const isNode = (): boolean => {
  const g = globalThis as {
    process?: { versions?: { node?: string } };
    navigator?: { userAgent?: string };
  };
  return typeof g.process?.versions?.node === "string" &&
    g.navigator?.userAgent !== "Cloudflare-Workers";
};

/** A Web Worker, or a `worker_threads` worker on Node. */
const workerBackend = async (): Promise<Backend> => {
  const { failed, fail } = workerFailure();
  if (typeof Worker === "function") {
    const worker = new Worker(workerUrl(), { type: "module" });
    worker.addEventListener("error", (event) => {
      event.preventDefault(); // reported through `failed`, not rethrown on this thread
      fail(event);
    });
    return {
      api: Comlink.wrap<OrderBookWorkerApi>(worker) as unknown as OrderBookWorkerApi,
      mode: "worker",
      dispose: () => worker.terminate(),
      failed,
    };
  }
  const specifier = "node:worker_threads"; // computed: bundlers and tsc leave it alone
  const threads = await import(specifier) as {
    Worker: new (url: URL) => NodePort & {
      terminate(): Promise<number>;
      once(event: "error" | "exit", listener: (cause: unknown) => void): unknown;
    };
  };
  const worker = new threads.Worker(workerUrl());
  worker.once("error", fail);
  worker.once("exit", (code) => fail(`the worker exited with code ${code}`));
  return {
    api: Comlink.wrap<OrderBookWorkerApi>(nodeEndpoint(worker)) as unknown as OrderBookWorkerApi,
    mode: "worker",
    dispose: () => void worker.terminate(),
    failed,
  };
};

/**
 * Starts the backend `mode` asks for (default `auto`: a worker where the runtime has one, else
 * inline); `environment` overrides `fetch` and the WebSocket constructor of an inline feed.
 */
export const startBackend = (
  mode: OrderBookMode = "auto",
  environment?: FeedEnvironment,
): Promise<Backend> => {
  const hasWorker = typeof Worker === "function" || isNode();
  if (mode === "worker" || (mode === "auto" && hasWorker)) return workerBackend();
  return Promise.resolve({
    api: createFeedApi(environment),
    mode: "inline",
    dispose: () => {},
    failed: new Promise<never>(() => {}),
  });
};

/**
 * What a closed worker's feed answers (its final status, `UnavailableError` `BOOK_CLOSED` to every
 * query), kept on this thread so the client still answers once the worker is gone.
 */
export const closedApi = async (remote: OrderBookWorkerApi): Promise<OrderBookWorkerApi> => {
  // A closed feed answers every query with the same `Err` (the cast only renames its value type).
  const [status, closed] = await Promise.all([remote.status(), remote.bestBid()]);
  const answer = <A>(): Promise<Result<A>> => Promise.resolve(closed as Result<A>);
  return {
    start: answer,
    status: () => Promise.resolve(status),
    snapshot: answer,
    bestBid: answer,
    bestAsk: answer,
    mid: answer,
    spread: answer,
    vwap: answer,
    depthToNotional: answer,
    listen: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
};

/**
 * `createStreams().close()` ends every subscription it created, iterated or not, without leaving a
 * socket or timer behind (the Deno sanitizers check the latter).
 */
import assert from "node:assert/strict";
import { createStreams } from "../../../src/client/create_streams.ts";
import { fakeWebSocketFactory } from "./fake_socket.ts";

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const trade = (symbol: string, id: number) => ({
  stream: `trade.${symbol}`,
  data: { e: "trade", E: 1, s: symbol, p: "1", q: "1", b: "1", a: "2", t: id, T: 1, m: true },
});

Deno.test("close ends idle, pending, unstarted and later subscriptions and unsubscribes them", async () => {
  const { Ctor, sockets } = fakeWebSocketFactory();
  const streams = createStreams({ wsUrl: "ws://test/ws", WebSocket: Ctor });
  const idle = streams.trades({ symbol: "SOL_USDC" })[Symbol.asyncIterator]();
  const pending = streams.trades({ symbol: "BTC_USDC" })[Symbol.asyncIterator]();
  const unstarted = streams.ticker({ symbol: "SOL_USDC" });

  const first = idle.next();
  const waiting = pending.next();
  await flush();
  assert.equal(sockets.length, 1);
  sockets[0].open();
  for (const id of [1, 2, 3]) sockets[0].receive(trade("SOL_USDC", id));
  const got = await first;
  assert.equal(got.done, false);
  assert.equal(got.done ? undefined : got.value.tradeId, "1");

  await streams.close();

  // Both started subscriptions were released on the still-open socket before it closed.
  const unsubscribed = sockets[0].messages
    .filter((m) => m.method === "UNSUBSCRIBE")
    .flatMap((m) => m.params as string[]);
  assert.deepEqual(unsubscribed.sort(), ["trade.BTC_USDC", "trade.SOL_USDC"]);
  assert.equal(sockets[0].readyState, 3);
  // Frames 2 and 3 were buffered but are not delivered after close.
  assert.deepEqual(await idle.next(), { done: true, value: undefined });
  assert.deepEqual(await waiting, { done: true, value: undefined });
  assert.deepEqual(await pending.next(), { done: true, value: undefined });
  assert.deepEqual(await Array.fromAsync(unstarted), []);
  assert.deepEqual(await Array.fromAsync(streams.trades({ symbol: "ETH_USDC" })), []);
  await unstarted.close();
  await streams.close();
  assert.equal(sockets.length, 1);
});

Deno.test("close while the first iteration is still connecting ends it", async () => {
  const { Ctor, sockets } = fakeWebSocketFactory();
  const streams = createStreams({ wsUrl: "ws://test/ws", WebSocket: Ctor });
  const iterator = streams.markPrice({ symbol: "SOL_USDC_PERP" })[Symbol.asyncIterator]();
  const next = iterator.next();
  const closed = streams.close();
  assert.deepEqual(await next, { done: true, value: undefined });
  await closed;
  assert.ok(sockets.every((s) => s.readyState === 3));
});

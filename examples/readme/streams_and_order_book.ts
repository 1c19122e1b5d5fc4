// Live data: typed streams (for await) and an order book kept in a Web Worker.
// BACKPACK_URL points at the simulator (`deno task sim`); its WebSocket is on the same port at /ws.
import { createOrderBook, createStreams } from "@backpack-edge/sdk";

const restUrl = process.env.BACKPACK_URL;
const wsUrl = restUrl === undefined ? undefined : `${restUrl.replace(/^http/, "ws")}/ws`;

const streams = createStreams({ wsUrl });
const book = await createOrderBook({ symbol: "SOL_USDC_PERP", restUrl, wsUrl });
try {
  let seen = 0;
  for await (const trade of streams.trades({ symbol: "SOL_USDC_PERP" })) {
    console.log(`trade ${trade.quantity.toFixed()} @ ${trade.price.toFixed()}`);
    if (++seen === 3) break; // leaving the loop unsubscribes
  }
  await book.ready(); // snapshot + diffs in sync
  const [bid] = (await book.bestBid()) ?? []; // [price, quantity] as Decimal
  const [ask] = (await book.bestAsk()) ?? [];
  console.log(`book ${bid?.toFixed()} / ${ask?.toFixed()} (${book.mode} mode)`);
  // Synchronous, no round trip: the worker publishes every applied frame to shared memory.
  const top = book.peekTop(); // undefined while the book is not in sync
  console.log(
    `top at update ${top?.lastUpdateId}, applied ${Date.now() - (top?.appliedAt ?? 0)} ms ago`,
  );
} finally {
  await book.close();
  await streams.close();
}

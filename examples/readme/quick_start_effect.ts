import * as Effect from "effect/Effect";
import { getBalances, getDepth, layerBackpack } from "@backpack-edge/sdk/effect";

const program = Effect.gen(function* () {
  const book = yield* getDepth({ symbol: "SOL_USDC_PERP", limit: 5 });
  const balances = yield* getBalances();
  return { bestAsk: book.asks[0]?.[0].toFixed(), usdc: balances.USDC?.available.toFixed() };
});

// Every failure is a tagged BackpackError in the error channel: handle it by `_tag`.
const layer = layerBackpack({
  baseUrl: process.env.BACKPACK_URL,
  apiSecret: process.env.BACKPACK_SECRET,
});
const summary = await Effect.runPromise(
  program.pipe(
    Effect.catchTag("RateLimitError", (e) => Effect.die(`rate limited for ${e.retryAfterMs} ms`)),
    Effect.provide(layer),
  ),
);
console.log(summary);

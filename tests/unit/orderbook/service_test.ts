import assert from "node:assert/strict";
import { Decimal } from "decimal.js";
import * as Effect from "effect/Effect";
import { InvalidInputError, UnavailableError } from "../../../src/error_classes.ts";
import type { OrderBookClient } from "../../../src/orderbook/client.ts";
import { OrderBook } from "../../../src/orderbook/service.ts";
import { startSimulator } from "../../../src/sim/mod.ts";

const SYMBOL = "SOL_USDC";

Deno.test("OrderBook service: queries as Effects with typed failures; the layer closes the book with its scope", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  try {
    const program = Effect.gen(function* () {
      const book = yield* OrderBook;
      assert.equal(book.symbol, SYMBOL);
      // Not Live before the first frame: a typed failure, and no top.
      const early = yield* Effect.flip(book.bestBid);
      assert.ok(early instanceof UnavailableError && early.code === "BOOK_SYNCING", String(early));
      assert.equal(yield* book.peekTop, undefined);
      // A fresh snapshot goes Live with the frame after it: step the engine until then.
      for (let step = 0; (yield* book.status).phase !== "Live"; step++) {
        assert.ok(step < 500, "the book never went Live");
        sim.advance();
        yield* Effect.sleep("10 millis");
      }
      const bid = yield* book.bestBid;
      const ask = yield* book.bestAsk;
      const truth = sim.exchange.trueBook(SYMBOL);
      assert.ok(bid![0] instanceof Decimal);
      assert.equal(bid![0].toFixed(), new Decimal(truth.bids[0]![0]).toFixed());
      assert.equal(ask![0].toFixed(), new Decimal(truth.asks[0]![0]).toFixed());
      assert.equal((yield* book.mid)!.toFixed(), bid![0].plus(ask![0]).div(2).toFixed());
      assert.equal((yield* book.spread)!.toFixed(), ask![0].minus(bid![0]).toFixed());
      const top = yield* book.peekTop;
      assert.equal(top?.lastUpdateId, (yield* book.status).lastUpdateId);
      assert.equal(top?.bid?.[0].toFixed(), bid![0].toFixed());
      assert.equal((yield* book.snapshot(1)).bids.length, 1);
      assert.equal((yield* book.vwap("asks", "0.5")).quantity.toFixed(), "0.5");
      assert.ok((yield* book.depthToNotional("asks", "10")).notional.lte(10));
      const bad = yield* Effect.flip(book.vwap("asks", "1.5x"));
      assert.ok(bad instanceof InvalidInputError && bad.field === "quantity", String(bad));
      return book.client;
    }).pipe(
      Effect.provide(
        OrderBook.layer({ symbol: SYMBOL, restUrl: sim.restUrl, wsUrl: sim.wsUrl, mode: "inline" }),
      ),
    );
    const client: OrderBookClient = await Effect.runPromise(program);
    // The layer's scope ended: the book is closed.
    assert.equal(client.peekTop(), undefined);
    await assert.rejects(
      client.bestBid(),
      (e) => e instanceof UnavailableError && e.code === "BOOK_CLOSED",
    );
  } finally {
    await sim.close();
  }
});

import assert from "node:assert/strict";
import {
  InvalidInputError,
  SequenceGapError,
  UnavailableError,
} from "../../../src/error_classes.ts";
import {
  type BackpackError,
  decodeBackpackError,
  encodeBackpackError,
  type EncodedBackpackError,
} from "../../../src/errors.ts";
import { BookFeed } from "../../../src/orderbook/book_feed.ts";
import { createFeedApi } from "../../../src/orderbook/feed_api.ts";
import type { Result } from "../../../src/orderbook/protocol.ts";
import type { BookSide } from "../../../src/orderbook/types.ts";
import {
  invalidInputError,
  sequenceGapError,
  unavailableError,
} from "../../../src/orderbook/wire_errors.ts";

/** The builder's output is byte-identical to `encodeBackpackError` and decodes to the real class. */
const assertEncodes = (wire: EncodedBackpackError, error: BackpackError): void => {
  assert.equal(JSON.stringify(wire), JSON.stringify(encodeBackpackError(error)));
  const decoded = decodeBackpackError(wire);
  assert.ok(decoded instanceof error.constructor);
  assert.equal(decoded.message, error.message);
};

Deno.test("each builder produces exactly what encodeBackpackError produces for its class", () => {
  const unavailable = { endpoint: "depth.SOL_USDC", status: 0, code: "BOOK_SYNCING", detail: "d" };
  assertEncodes(unavailableError(unavailable), new UnavailableError(unavailable));
  const gap = { symbol: "SOL_USDC", expected: "11", received: "20..20" };
  assertEncodes(sequenceGapError(gap), new SequenceGapError(gap));
  const input = { field: "quantity", reason: "Malformed", detail: "not a decimal" } as const;
  assertEncodes(invalidInputError(input), new InvalidInputError(input));
});

Deno.test("builders keep the schema's key order whatever order the fields come in", () => {
  const wire = sequenceGapError({ received: "3", expected: "2", symbol: "S" });
  assert.deepEqual(Object.keys(wire), ["_tag", "symbol", "expected", "received"]);
});

const frame = (u: number, b: ReadonlyArray<[string, string]>) => ({
  e: "depth",
  U: u,
  u,
  b,
  a: [],
  T: 1_700_000_000_000_000 + u,
});

const errorOf = <A>(result: Result<A>): EncodedBackpackError => {
  assert.equal(result._tag, "Err");
  return (result as Extract<Result<A>, { _tag: "Err" }>).error;
};

/** Every error the feed (worker side) returns re-encodes to itself after a decode. */
const assertRoundTrips = (wire: EncodedBackpackError, tag: BackpackError["_tag"]): void => {
  assert.equal(wire._tag, tag);
  const decoded = decodeBackpackError(wire);
  assert.equal(decoded._tag, tag);
  assert.equal(JSON.stringify(encodeBackpackError(decoded)), JSON.stringify(wire));
};

Deno.test("every error the book feed produces decodes to the real class and re-encodes identically", async () => {
  const feed = new BookFeed({ symbol: "SOL_USDC", requestSnapshot: () => {} });
  const syncing = errorOf(feed.bestBid());
  assertRoundTrips(syncing, "UnavailableError");
  assert.equal((syncing as { code: string }).code, "BOOK_SYNCING");

  feed.onFrame(frame(10, []));
  feed.onSnapshot({ lastUpdateId: "9", bids: [["100", "2"]], asks: [["101", "3"]] });
  assert.equal(feed.phase, "Live");
  assertRoundTrips(errorOf(feed.vwap("sideways" as BookSide, "1")), "InvalidInputError");
  assertRoundTrips(errorOf(feed.vwap("bids", "-1")), "InvalidInputError");
  assertRoundTrips(errorOf(feed.depthToNotional("asks", "x")), "InvalidInputError");

  feed.onFrame(frame(20, [["100", "9"]])); // gap: 11..19 missing
  assertRoundTrips(errorOf(feed.mid()), "SequenceGapError");

  feed.close();
  const closed = errorOf(feed.spread());
  assertRoundTrips(closed, "UnavailableError");
  assert.equal((closed as { code: string }).code, "BOOK_CLOSED");

  const api = createFeedApi();
  const notStarted = errorOf(await api.bestAsk());
  assertRoundTrips(notStarted, "UnavailableError");
  assert.equal((notStarted as { code: string }).code, "BOOK_NOT_STARTED");
  await api.close();
});

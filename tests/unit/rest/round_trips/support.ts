/** Shared pieces of the REST round-trip cases (`tests/unit/rest/operations_sim_test.ts`). */
import assert from "node:assert/strict";
import type { BackpackClient } from "../../../../src/client/create_client.ts";
import { Decimal } from "../../../../src/decimal.ts";
import type { Order } from "../../../../src/schema/order.ts";

/** The perpetual, spot and RFQ markets the cases use. */
export const PERP = "SOL_USDC_PERP";
export const SPOT = "SOL_USDC";
export const RFQ = "SOL_USDC_RFQ";

/** What the cases share: the requester (`alice`), a second account quoting RFQs (`bob`), state. */
export interface Ctx {
  readonly alice: BackpackClient;
  readonly bob: BackpackClient;
  /** Moves the simulator's clock `ms` past now (funding settles on the hour). */
  readonly later: (ms: number) => void;
  readonly state: {
    lastPrice: Decimal;
    rfqId: string;
    quoteId: string;
  };
}

/** One round trip: the SDK function it covers, and the run (asserting the decoded result). */
export type Case = readonly [fn: string, run: (ctx: Ctx) => Promise<void>];

/** Asserts every value is a `Decimal`. */
export const money = (...values: ReadonlyArray<unknown>): void => {
  for (const value of values) assert.ok(value instanceof Decimal, `not a Decimal: ${value}`);
};
/** Asserts a `Date`. */
export const date = (value: unknown): void =>
  assert.ok(value instanceof Date, `not a Date: ${value}`);
/** Asserts rows were returned; the first one. */
export const nonEmpty = <A>(rows: ReadonlyArray<A>, what: string): A => {
  assert.ok(Array.isArray(rows) && rows.length > 0, `${what}: no rows`);
  return rows[0]!;
};
/** Asserts a decoded limit order (Decimal price/quantity, Date). */
export const resting = (order: Order | undefined): void => {
  assert.ok(order !== undefined && order.orderType === "Limit", "a limit order");
  money(order.price, order.quantity, order.executedQuantity);
  date(order.createdAt);
};
/** The last traded price times `factor`, as a 2-decimal string. */
export const price = (ctx: Ctx, factor: string): string =>
  ctx.state.lastPrice.mul(factor).toDecimalPlaces(2).toFixed();

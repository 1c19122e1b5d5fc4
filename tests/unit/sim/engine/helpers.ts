/**
 * Test helpers: a quiet exchange (no synthetic liquidity) with two funded accounts.
 *
 * @module
 */
import { Exchange } from "../../../../src/sim/engine/exchange.ts";
import { defaultMarkets } from "../../../../src/sim/engine/markets.ts";
import type { SimMarketConfig } from "../../../../src/sim/engine/config_types.ts";
import type { SimEvent } from "../../../../src/sim/engine/event_types.ts";
import type { Side, SimOrder, SimOrderRequest } from "../../../../src/sim/engine/order_types.ts";
import { SimError } from "../../../../src/sim/engine/sim_error.ts";
import assert from "node:assert/strict";

/** Start time of every test exchange (an exact hour boundary minus 10 minutes). */
export const T0: number = 1_700_000_000_000 - (1_700_000_000_000 % 3_600_000) + 3_000_000;

/** A quiet exchange (no market maker) with `alice` and `bob`, and its event log. */
export const quiet = (
  overrides: Partial<SimMarketConfig> = {},
): { ex: Exchange; events: SimEvent[] } => {
  const markets = defaultMarkets().map((m) => ({ ...m, ...overrides }));
  const ex = new Exchange({
    markets,
    accounts: [
      { id: "alice", balances: { USDC: "100000", SOL: "100" } },
      { id: "bob", balances: { USDC: "100000", SOL: "100" } },
      { id: "carol", balances: { USDC: "100000", SOL: "100" }, makerFeeBps: "0", takerFeeBps: "0" },
    ],
    seed: 7,
    now: T0,
    syntheticLiquidity: false,
  });
  const events: SimEvent[] = [];
  ex.subscribe((e) => events.push(e));
  return { ex, events };
};

/** Asserts that `fn` throws a SimError with `code` (and `message` when given). */
export const throwsSim = (fn: () => unknown, code: string, message?: string): SimError => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof SimError, `expected SimError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (message !== undefined) assert.equal(error.message, message);
    return error;
  }
  assert.fail(`expected ${code}`);
};

type Ex = ReturnType<typeof quiet>["ex"];
type Extra = Partial<SimOrderRequest>;

/** A limit order of `account` at T0. */
export const limit = (
  ex: Ex,
  account: string,
  symbol: string,
  side: Side,
  price: string,
  quantity: string,
  extra: Extra = {},
): SimOrder =>
  ex.executeOrder(account, { symbol, side, orderType: "Limit", price, quantity, ...extra }, T0);

/** A market order of `account` at T0 (`fields`: quantity, quoteQuantity, flags). */
export const market = (
  ex: Ex,
  account: string,
  symbol: string,
  side: Side,
  fields: Extra,
): SimOrder => ex.executeOrder(account, { symbol, side, orderType: "Market", ...fields }, T0);

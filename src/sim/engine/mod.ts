/**
 * The exchange simulator's domain core: a pure, deterministic Backpack-compatible matching
 * engine with accounts, perps and funding. No I/O; time is passed in as `now` (ms).
 *
 * @module
 */
export { Exchange } from "./exchange.ts";
export { DEFAULT_ACCOUNT_ID, defaultAccounts, defaultMarkets } from "./markets.ts";
export { MARKET_MAKER_ID, TAKER_FLOW_ID } from "./synthetic_liquidity.ts";
export * from "./types.ts";

/**
 * The exchange simulator's domain core: a pure, deterministic Backpack-compatible matching
 * engine with accounts, perps and funding. No I/O; time is passed in as `now` (ms).
 *
 * @module
 */
export { Exchange } from "./exchange.ts";
export { DEFAULT_ACCOUNT_ID, defaultAccounts, defaultMarkets } from "./markets.ts";
export { MARKET_MAKER_ID, TAKER_FLOW_ID } from "./synthetic_liquidity.ts";
export type * from "./account_types.ts";
export type * from "./config_types.ts";
export type * from "./event_types.ts";
export type * from "./exchange_api.ts";
export type * from "./history_types.ts";
export type * from "./market_data_types.ts";
export type * from "./order_types.ts";
export { SimError } from "./sim_error.ts";

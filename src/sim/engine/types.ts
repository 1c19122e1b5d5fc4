/**
 * Public types of the exchange simulator's domain core (`src/sim/engine`). The engine is pure:
 * no I/O, no timers, time comes in as `now` (Unix ms) and randomness from a seeded PRNG.
 *
 * Serialization convention: everything the engine returns or emits is plain data that is
 * already JSON-safe. Decimals are decimal STRINGS (`Decimal#toFixed()`, never exponent form),
 * ids (order, trade, position, update ids) are decimal strings, `clientId` is a number (uint32)
 * on orders and a string on fills (as Backpack does), times are Unix **ms** numbers except where
 * a field says µs. Field names follow the Backpack REST objects, so the server mostly passes
 * them through; it only renames for WebSocket payloads and formats naive datetimes.
 *
 * @module
 */

/** Order side: `Bid` buys, `Ask` sells. */
export type Side = "Bid" | "Ask";
/** REST order type. */
export type OrderType = "Limit" | "Market";
/** Time in force (post-only is the separate `postOnly` flag). */
export type TimeInForce = "GTC" | "IOC" | "FOK";
/** Self-trade prevention mode of the taker order. */
export type SelfTradePrevention = "RejectTaker" | "RejectMaker" | "RejectBoth";
/** Reference price of a trigger order. */
export type TriggerBy = "LastPrice" | "MarkPrice" | "IndexPrice";
/** Market kind served by the simulator. */
export type SimMarketType = "SPOT" | "PERP";
/** Order status as reported by Backpack. */
export type OrderStatus =
  | "New"
  | "PartiallyFilled"
  | "Filled"
  | "Cancelled"
  | "Expired"
  | "TriggerPending"
  | "TriggerFailed";
/** Backpack `expiryReason` values the simulator produces. */
export type ExpiryReason =
  | "FillOrKill"
  | "ImmediateOrCancel"
  | "InsufficientFunds"
  | "InsufficientLiquidity"
  | "InsufficientMargin"
  | "ReduceOnlyNotReduced"
  | "SelfTradePrevention"
  | "StopWithoutPosition"
  | "Liquidation";
/** Cancel-all filter. */
export type CancelAllOrderType = "RestingLimitOrder" | "ConditionalOrder";
/** Sort direction of history queries (default `Desc`, newest first). */
export type SortDirection = "Asc" | "Desc";

/** A market listed by the simulator. Decimals are strings. */
export interface SimMarketConfig {
  /** Market symbol (`SOL_USDC_PERP`). */
  readonly symbol: string;
  /** Base asset. */
  readonly baseSymbol: string;
  /** Quote asset. */
  readonly quoteSymbol: string;
  /** `SPOT` or `PERP`. */
  readonly marketType: SimMarketType;
  /** Price step. */
  readonly tickSize: string;
  /** Quantity step. */
  readonly stepSize: string;
  /** Smallest order quantity. */
  readonly minQuantity: string;
  /** Largest order quantity. */
  readonly maxQuantity?: string;
  /** Lowest limit price. */
  readonly minPrice?: string;
  /** Highest limit price. */
  readonly maxPrice?: string;
  /** Limit prices must lie within `[mark × minMultiplier, mark × maxMultiplier]` (defaults 0.25 / 4). */
  readonly minMultiplier?: string;
  /** Highest limit price as a multiple of the mark (price band). */
  readonly maxMultiplier?: string;
  /** Starting index/mark price. */
  readonly initialPrice: string;
  /** Standard deviation of the log index price per `advance` step (default 0.001). */
  readonly volatility?: number;
  /** Funding interval in ms (perps; default 3 600 000). */
  readonly fundingIntervalMs?: number;
  /** Funding rate bounds in basis points (default ±100). */
  readonly fundingRateBoundBps?: string;
  /** `base` of the IMF sqrt function. */
  readonly imfBase?: string;
  /** `factor` of the IMF sqrt function. */
  readonly imfFactor?: string;
  /** `base` of the MMF sqrt function. */
  readonly mmfBase?: string;
  /** `factor` of the MMF sqrt function. */
  readonly mmfFactor?: string;
}

/** An account of the simulator (`id` is what the server maps an API key to). */
export interface SimAccountConfig {
  /** Account id. */
  readonly id: string;
  /** Asset → available quantity, e.g. `{ USDC: "100000" }`. */
  readonly balances: Readonly<Record<string, string>>;
  /** Account-wide leverage cap (default "10"). */
  readonly leverageLimit?: string;
  /** Maker fee in basis points (default "2"; negative = rebate). */
  readonly makerFeeBps?: string;
  /** Taker fee in basis points (default "5"). */
  readonly takerFeeBps?: string;
}

/** Options of {@link SimExchange} construction. */
export interface SimExchangeOptions {
  /** Markets. */
  readonly markets: ReadonlyArray<SimMarketConfig>;
  /** Accounts. */
  readonly accounts: ReadonlyArray<SimAccountConfig>;
  /** Seed of the price walk and synthetic flow. */
  readonly seed: number;
  /** Start time, Unix ms. */
  readonly now: number;
  /** Background market maker + taker flow (default true). */
  readonly syntheticLiquidity?: boolean;
  /** Resting levels per side kept by the synthetic market maker (default 10). */
  readonly syntheticLevels?: number;
}

/** Body of Backpack `POST /api/v1/order` (decimals as strings, `clientId` a number). */
export interface SimOrderRequest {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `side`, as the Backpack object of the same name carries it. */
  readonly side: Side;
  /** `orderType`, as the Backpack object of the same name carries it. */
  readonly orderType: OrderType;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price?: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity?: string;
  /** `quoteQuantity`, as the Backpack object of the same name carries it. */
  readonly quoteQuantity?: string;
  /** `timeInForce`, as the Backpack object of the same name carries it. */
  readonly timeInForce?: TimeInForce;
  /** `postOnly`, as the Backpack object of the same name carries it. */
  readonly postOnly?: boolean;
  /** `reduceOnly`, as the Backpack object of the same name carries it. */
  readonly reduceOnly?: boolean;
  /** `clientId`, as the Backpack object of the same name carries it. */
  readonly clientId?: number;
  /** `selfTradePrevention`, as the Backpack object of the same name carries it. */
  readonly selfTradePrevention?: SelfTradePrevention;
  /** `triggerPrice`, as the Backpack object of the same name carries it. */
  readonly triggerPrice?: string;
  /** Absolute quantity (`"0.5"`) or percentage of the position (`"50%"`). */
  readonly triggerQuantity?: string;
  /** `triggerBy`, as the Backpack object of the same name carries it. */
  readonly triggerBy?: TriggerBy;
  /** `takeProfitTriggerPrice`, as the Backpack object of the same name carries it. */
  readonly takeProfitTriggerPrice?: string;
  /** `takeProfitLimitPrice`, as the Backpack object of the same name carries it. */
  readonly takeProfitLimitPrice?: string;
  /** `takeProfitTriggerBy`, as the Backpack object of the same name carries it. */
  readonly takeProfitTriggerBy?: TriggerBy;
  /** `stopLossTriggerPrice`, as the Backpack object of the same name carries it. */
  readonly stopLossTriggerPrice?: string;
  /** `stopLossLimitPrice`, as the Backpack object of the same name carries it. */
  readonly stopLossLimitPrice?: string;
  /** `stopLossTriggerBy`, as the Backpack object of the same name carries it. */
  readonly stopLossTriggerBy?: TriggerBy;
}

/** An order, shaped like Backpack's REST order object (plus `expiryReason`). */
export interface SimOrder {
  /** `id`, as the Backpack object of the same name carries it. */
  readonly id: string;
  /** `clientId`, as the Backpack object of the same name carries it. */
  readonly clientId: number | null;
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `side`, as the Backpack object of the same name carries it. */
  readonly side: Side;
  /** `orderType`, as the Backpack object of the same name carries it. */
  readonly orderType: OrderType;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price: string | null;
  /** Base quantity (`"0"` for a percentage trigger order until it fires). */
  readonly quantity: string | null;
  /** `quoteQuantity`, as the Backpack object of the same name carries it. */
  readonly quoteQuantity: string | null;
  /** `executedQuantity`, as the Backpack object of the same name carries it. */
  readonly executedQuantity: string;
  /** `executedQuoteQuantity`, as the Backpack object of the same name carries it. */
  readonly executedQuoteQuantity: string;
  /** `status`, as the Backpack object of the same name carries it. */
  readonly status: OrderStatus;
  /** `timeInForce`, as the Backpack object of the same name carries it. */
  readonly timeInForce: TimeInForce;
  /** `selfTradePrevention`, as the Backpack object of the same name carries it. */
  readonly selfTradePrevention: SelfTradePrevention;
  /** `postOnly`, as the Backpack object of the same name carries it. */
  readonly postOnly: boolean;
  /** `reduceOnly`, as the Backpack object of the same name carries it. */
  readonly reduceOnly: boolean | null;
  /** `triggerPrice`, as the Backpack object of the same name carries it. */
  readonly triggerPrice: string | null;
  /** `triggerQuantity`, as the Backpack object of the same name carries it. */
  readonly triggerQuantity: string | null;
  /** `triggerBy`, as the Backpack object of the same name carries it. */
  readonly triggerBy: TriggerBy | null;
  /** `triggeredAt`, as the Backpack object of the same name carries it. */
  readonly triggeredAt: number | null;
  /** `relatedOrderId`, as the Backpack object of the same name carries it. */
  readonly relatedOrderId: string | null;
  /** `strategyId`, as the Backpack object of the same name carries it. */
  readonly strategyId: null;
  /** `takeProfitTriggerPrice`, as the Backpack object of the same name carries it. */
  readonly takeProfitTriggerPrice: string | null;
  /** `takeProfitLimitPrice`, as the Backpack object of the same name carries it. */
  readonly takeProfitLimitPrice: string | null;
  /** `takeProfitTriggerBy`, as the Backpack object of the same name carries it. */
  readonly takeProfitTriggerBy: TriggerBy | null;
  /** `stopLossTriggerPrice`, as the Backpack object of the same name carries it. */
  readonly stopLossTriggerPrice: string | null;
  /** `stopLossLimitPrice`, as the Backpack object of the same name carries it. */
  readonly stopLossLimitPrice: string | null;
  /** `stopLossTriggerBy`, as the Backpack object of the same name carries it. */
  readonly stopLossTriggerBy: TriggerBy | null;
  /** `expiryReason`, as the Backpack object of the same name carries it. */
  readonly expiryReason: ExpiryReason | null;
  /** Set on orders the engine placed for the account (liquidations); history-only on the wire. */
  readonly systemOrderType: SystemOrderType | null;
  /** Unix ms. */
  readonly createdAt: number;
}

/** One fill of one of the account's orders (fills history row). */
export interface SimFill {
  /** `tradeId`, as the Backpack object of the same name carries it. */
  readonly tradeId: string;
  /** `orderId`, as the Backpack object of the same name carries it. */
  readonly orderId: string;
  /** String, as Backpack's fills endpoint returns it. */
  readonly clientId: string | null;
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `side`, as the Backpack object of the same name carries it. */
  readonly side: Side;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity: string;
  /** `fee`, as the Backpack object of the same name carries it. */
  readonly fee: string;
  /** `feeSymbol`, as the Backpack object of the same name carries it. */
  readonly feeSymbol: string;
  /** `isMaker`, as the Backpack object of the same name carries it. */
  readonly isMaker: boolean;
  /** Unix ms (the REST layer renders it as a naive datetime). */
  readonly timestamp: number;
  /** Set on fills of liquidation orders. */
  readonly systemOrderType: SystemOrderType | null;
}

/** One asset balance of `GET /api/v1/capital`. */
export interface SimBalance {
  /** `available`, as the Backpack object of the same name carries it. */
  readonly available: string;
  /** `locked`, as the Backpack object of the same name carries it. */
  readonly locked: string;
  /** `staked`, as the Backpack object of the same name carries it. */
  readonly staked: string;
}

/** One asset row of the collateral summary. */
export interface SimCollateralAsset {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `assetMarkPrice`, as the Backpack object of the same name carries it. */
  readonly assetMarkPrice: string;
  /** `totalQuantity`, as the Backpack object of the same name carries it. */
  readonly totalQuantity: string;
  /** `balanceNotional`, as the Backpack object of the same name carries it. */
  readonly balanceNotional: string;
  /** `collateralWeight`, as the Backpack object of the same name carries it. */
  readonly collateralWeight: string;
  /** `collateralValue`, as the Backpack object of the same name carries it. */
  readonly collateralValue: string;
  /** `openOrderQuantity`, as the Backpack object of the same name carries it. */
  readonly openOrderQuantity: string;
  /** `lendQuantity`, as the Backpack object of the same name carries it. */
  readonly lendQuantity: string;
  /** `availableQuantity`, as the Backpack object of the same name carries it. */
  readonly availableQuantity: string;
}

/** `GET /api/v1/capital/collateral`. */
export interface SimCollateral {
  /** `assetsValue`, as the Backpack object of the same name carries it. */
  readonly assetsValue: string;
  /** `liabilitiesValue`, as the Backpack object of the same name carries it. */
  readonly liabilitiesValue: string;
  /** `borrowLiability`, as the Backpack object of the same name carries it. */
  readonly borrowLiability: string;
  /** `netEquity`, as the Backpack object of the same name carries it. */
  readonly netEquity: string;
  /** `netEquityAvailable`, as the Backpack object of the same name carries it. */
  readonly netEquityAvailable: string;
  /** `netEquityLocked`, as the Backpack object of the same name carries it. */
  readonly netEquityLocked: string;
  /** `netExposureFutures`, as the Backpack object of the same name carries it. */
  readonly netExposureFutures: string;
  /** `pnlUnrealized`, as the Backpack object of the same name carries it. */
  readonly pnlUnrealized: string;
  /** `unsettledEquity`, as the Backpack object of the same name carries it. */
  readonly unsettledEquity: string;
  /** `imf`, as the Backpack object of the same name carries it. */
  readonly imf: string;
  /** `mmf`, as the Backpack object of the same name carries it. */
  readonly mmf: string;
  /** `null` when the account has no futures exposure. */
  readonly marginFraction: string | null;
  /** `collateral`, as the Backpack object of the same name carries it. */
  readonly collateral: ReadonlyArray<SimCollateralAsset>;
}

/** IMF/MMF function of a perp market. */
export interface SimMarginFunction {
  /** `type`, as the Backpack object of the same name carries it. */
  readonly type: "sqrt";
  /** `base`, as the Backpack object of the same name carries it. */
  readonly base: string;
  /** `factor`, as the Backpack object of the same name carries it. */
  readonly factor: string;
}

/** An open perp position, shaped like `GET /api/v1/position` rows. */
export interface SimPosition {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `positionId`, as the Backpack object of the same name carries it. */
  readonly positionId: string;
  /** `netQuantity`, as the Backpack object of the same name carries it. */
  readonly netQuantity: string;
  /** `netExposureQuantity`, as the Backpack object of the same name carries it. */
  readonly netExposureQuantity: string;
  /** `netExposureNotional`, as the Backpack object of the same name carries it. */
  readonly netExposureNotional: string;
  /** `entryPrice`, as the Backpack object of the same name carries it. */
  readonly entryPrice: string;
  /** `breakEvenPrice`, as the Backpack object of the same name carries it. */
  readonly breakEvenPrice: string;
  /** `markPrice`, as the Backpack object of the same name carries it. */
  readonly markPrice: string;
  /** `estLiquidationPrice`, as the Backpack object of the same name carries it. */
  readonly estLiquidationPrice: string;
  /** `netCost`, as the Backpack object of the same name carries it. */
  readonly netCost: string;
  /** `pnlRealized`, as the Backpack object of the same name carries it. */
  readonly pnlRealized: string;
  /** `pnlUnrealized`, as the Backpack object of the same name carries it. */
  readonly pnlUnrealized: string;
  /** `cumulativeFundingPayment`, as the Backpack object of the same name carries it. */
  readonly cumulativeFundingPayment: string;
  /** `imf`, as the Backpack object of the same name carries it. */
  readonly imf: string;
  /** `mmf`, as the Backpack object of the same name carries it. */
  readonly mmf: string;
  /** `imfFunction`, as the Backpack object of the same name carries it. */
  readonly imfFunction: SimMarginFunction;
  /** `mmfFunction`, as the Backpack object of the same name carries it. */
  readonly mmfFunction: SimMarginFunction;
}

/** `GET /api/v1/account`. */
export interface SimAccountSettings {
  /** `autoBorrowSettlements`, as the Backpack object of the same name carries it. */
  readonly autoBorrowSettlements: boolean;
  /** `autoLend`, as the Backpack object of the same name carries it. */
  readonly autoLend: boolean;
  /** `autoRealizePnl`, as the Backpack object of the same name carries it. */
  readonly autoRealizePnl: boolean;
  /** `autoRepayBorrows`, as the Backpack object of the same name carries it. */
  readonly autoRepayBorrows: boolean;
  /** `borrowLimit`, as the Backpack object of the same name carries it. */
  readonly borrowLimit: string;
  /** `positionLimit`, as the Backpack object of the same name carries it. */
  readonly positionLimit: string;
  /** `leverageLimit`, as the Backpack object of the same name carries it. */
  readonly leverageLimit: string;
  /** `futuresMakerFee`, as the Backpack object of the same name carries it. */
  readonly futuresMakerFee: string;
  /** `futuresTakerFee`, as the Backpack object of the same name carries it. */
  readonly futuresTakerFee: string;
  /** `spotMakerFee`, as the Backpack object of the same name carries it. */
  readonly spotMakerFee: string;
  /** `spotTakerFee`, as the Backpack object of the same name carries it. */
  readonly spotTakerFee: string;
  /** `limitOrders`, as the Backpack object of the same name carries it. */
  readonly limitOrders: number;
  /** `triggerOrders`, as the Backpack object of the same name carries it. */
  readonly triggerOrders: number;
  /** `liquidating`, as the Backpack object of the same name carries it. */
  readonly liquidating: boolean;
}

/** `PATCH /api/v1/account` body. */
export interface SimAccountPatch {
  /** `autoBorrowSettlements`, as the Backpack object of the same name carries it. */
  readonly autoBorrowSettlements?: boolean;
  /** `autoLend`, as the Backpack object of the same name carries it. */
  readonly autoLend?: boolean;
  /** `autoRepayBorrows`, as the Backpack object of the same name carries it. */
  readonly autoRepayBorrows?: boolean;
  /** `leverageLimit`, as the Backpack object of the same name carries it. */
  readonly leverageLimit?: string;
}

/** Kind of a system (non-user) order behind a fill. */
export type SystemOrderType = "LiquidatePositionOnBook" | "LiquidatePositionOnBackstop";

/** Source of a settlement-ledger row. */
export type SettlementSource = "RealizePnl" | "FundingPayment" | "TradingFees";

/** One row of the account's settlement ledger (`GET /wapi/v1/history/settlement`). */
export interface SimSettlement {
  /** Signed quote-asset amount (+ credited, − debited). */
  readonly quantity: string;
  /** What settled. */
  readonly source: SettlementSource;
  /** Position the row belongs to. */
  readonly positionId: string;
  /** Unix ms. */
  readonly timestamp: number;
  /** Engine sequence number of the row (increasing). */
  readonly engineSequence: number;
}

/** A position's lifetime summary (`GET /wapi/v1/history/position`). */
export interface SimPositionRecord {
  /** `id`, as the Backpack object of the same name carries it. */
  readonly id: string;
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `state`, as the Backpack object of the same name carries it. */
  readonly state: "Open" | "Closed";
  /** `netQuantity`, as the Backpack object of the same name carries it. */
  readonly netQuantity: string;
  /** `netCost`, as the Backpack object of the same name carries it. */
  readonly netCost: string;
  /** `entryPrice`, as the Backpack object of the same name carries it. */
  readonly entryPrice: string;
  /** `markPrice`, as the Backpack object of the same name carries it. */
  readonly markPrice: string;
  /** `cumulativePnlRealized`, as the Backpack object of the same name carries it. */
  readonly cumulativePnlRealized: string;
  /** `unrealizedPnl`, as the Backpack object of the same name carries it. */
  readonly unrealizedPnl: string;
  /** `fundingQuantity`, as the Backpack object of the same name carries it. */
  readonly fundingQuantity: string;
  /** `fees`, as the Backpack object of the same name carries it. */
  readonly fees: string;
  /** Base quantity closed by liquidations. */
  readonly liquidated: string;
  /** `liquidationFees`, as the Backpack object of the same name carries it. */
  readonly liquidationFees: string;
  /** Base quantity closed over the position's life. */
  readonly closedVolume: string;
  /** `imf`, as the Backpack object of the same name carries it. */
  readonly imf: string;
  /** `closingPrice`, as the Backpack object of the same name carries it. */
  readonly closingPrice: string | null;
  /** Unix ms. */
  readonly openedAt: number;
  /** Unix ms, `null` while open. */
  readonly closedAt: number | null;
}

/** One funding payment of the account (+ received, − paid). */
export interface SimFundingPayment {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity: string;
  /** `fundingRate`, as the Backpack object of the same name carries it. */
  readonly fundingRate: string;
  /** Unix ms of the interval end. */
  readonly intervalEndTimestamp: number;
}

/** One historical market funding rate. */
export interface SimFundingRate {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `fundingRate`, as the Backpack object of the same name carries it. */
  readonly fundingRate: string;
  /** Unix ms of the interval end. */
  readonly intervalEndTimestamp: number;
}

/** A public trade. */
export interface SimTrade {
  /** `id`, as the Backpack object of the same name carries it. */
  readonly id: string;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity: string;
  /** `quoteQuantity`, as the Backpack object of the same name carries it. */
  readonly quoteQuantity: string;
  /** Unix ms. */
  readonly timestamp: number;
  /** `isBuyerMaker`, as the Backpack object of the same name carries it. */
  readonly isBuyerMaker: boolean;
}

/** 24 h rolling ticker (`GET /api/v1/ticker`). */
export interface SimTicker {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `firstPrice`, as the Backpack object of the same name carries it. */
  readonly firstPrice: string;
  /** `lastPrice`, as the Backpack object of the same name carries it. */
  readonly lastPrice: string;
  /** `priceChange`, as the Backpack object of the same name carries it. */
  readonly priceChange: string;
  /** `priceChangePercent`, as the Backpack object of the same name carries it. */
  readonly priceChangePercent: string;
  /** `high`, as the Backpack object of the same name carries it. */
  readonly high: string;
  /** `low`, as the Backpack object of the same name carries it. */
  readonly low: string;
  /** `volume`, as the Backpack object of the same name carries it. */
  readonly volume: string;
  /** `quoteVolume`, as the Backpack object of the same name carries it. */
  readonly quoteVolume: string;
  /** `trades`, as the Backpack object of the same name carries it. */
  readonly trades: string;
}

/** `GET /api/v1/markPrices` row. Funding fields are `null` on spot markets. */
export interface SimMarkPrice {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `markPrice`, as the Backpack object of the same name carries it. */
  readonly markPrice: string;
  /** `indexPrice`, as the Backpack object of the same name carries it. */
  readonly indexPrice: string;
  /** `fundingRate`, as the Backpack object of the same name carries it. */
  readonly fundingRate: string | null;
  /** Unix ms. */
  readonly nextFundingTimestamp: number | null;
}

/** `GET /api/v1/openInterest` row. */
export interface SimOpenInterest {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `openInterest`, as the Backpack object of the same name carries it. */
  readonly openInterest: string;
  /** Unix ms. */
  readonly timestamp: number;
}

/** A candle; `start`/`end` are Unix ms, OHLC `null` when no trade happened. */
export interface SimKline {
  /** `start`, as the Backpack object of the same name carries it. */
  readonly start: number;
  /** `end`, as the Backpack object of the same name carries it. */
  readonly end: number;
  /** `open`, as the Backpack object of the same name carries it. */
  readonly open: string | null;
  /** `high`, as the Backpack object of the same name carries it. */
  readonly high: string | null;
  /** `low`, as the Backpack object of the same name carries it. */
  readonly low: string | null;
  /** `close`, as the Backpack object of the same name carries it. */
  readonly close: string | null;
  /** `volume`, as the Backpack object of the same name carries it. */
  readonly volume: string;
  /** `quoteVolume`, as the Backpack object of the same name carries it. */
  readonly quoteVolume: string;
  /** `trades`, as the Backpack object of the same name carries it. */
  readonly trades: string;
}

/** A price level `[price, quantity]`. */
export type SimLevel = readonly [string, string];

/** `GET /api/v1/depth`: both sides ascending by price (as Backpack returns them). */
export interface SimDepth {
  /** `bids`, as the Backpack object of the same name carries it. */
  readonly bids: ReadonlyArray<SimLevel>;
  /** `asks`, as the Backpack object of the same name carries it. */
  readonly asks: ReadonlyArray<SimLevel>;
  /** Equals the `lastUpdateId` of the last emitted depth event of the symbol. */
  readonly lastUpdateId: string;
  /** µs. */
  readonly timestamp: number;
}

/** The full book: bids best (highest) first, asks best (lowest) first. */
export interface SimTrueBook {
  /** Bid levels, best first. */
  readonly bids: ReadonlyArray<SimLevel>;
  /** Ask levels, best first. */
  readonly asks: ReadonlyArray<SimLevel>;
  /** Id of the last book update. */
  readonly lastUpdateId: string;
}

/** Filter of the account history queries (`limit` default 100, `offset` default 0). */
export interface SimHistoryFilter {
  /** Only this market. */
  readonly symbol?: string;
  /** Only this order. */
  readonly orderId?: string;
  /** Unix ms, inclusive. */
  readonly from?: number;
  /** Unix ms, inclusive. */
  readonly to?: number;
  /** Rows per page (default 100). */
  readonly limit?: number;
  /** Rows to skip. */
  readonly offset?: number;
  /** `Desc` (default, newest first) or `Asc`. */
  readonly sortDirection?: SortDirection;
}

/** Selector of one order: exactly one of `orderId` / `clientId`. */
export interface SimOrderSelector {
  /** Market. */
  readonly symbol: string;
  /** Order id. */
  readonly orderId?: string;
  /** Client id. */
  readonly clientId?: number;
}

/** Per-fill detail of an `orderFill` event. */
export interface SimFillDetail {
  /** `tradeId`, as the Backpack object of the same name carries it. */
  readonly tradeId: string;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity: string;
  /** `isMaker`, as the Backpack object of the same name carries it. */
  readonly isMaker: boolean;
  /** `fee`, as the Backpack object of the same name carries it. */
  readonly fee: string;
  /** `feeSymbol`, as the Backpack object of the same name carries it. */
  readonly feeSymbol: string;
}

/** Order update event kinds (Backpack `account.orderUpdate` `e`). */
export type OrderEventKind =
  | "orderAccepted"
  | "orderFill"
  | "orderCancelled"
  | "orderExpired"
  | "triggerPlaced"
  | "triggerFailed"
  | "orderModified";

/** Position update event kinds (Backpack `account.positionUpdate` `e`). */
export type PositionEventKind = "positionOpened" | "positionAdjusted" | "positionClosed";

/**
 * Everything the engine emits, in engine order. `time` is **µs** (`now × 1000`). Depth events
 * carry absolute level sizes (`"0"` removes the level); per symbol `firstUpdateId` is always the
 * previous event's `lastUpdateId + 1`.
 */
export type SimEvent =
  | {
    readonly type: "depth";
    readonly symbol: string;
    readonly firstUpdateId: string;
    readonly lastUpdateId: string;
    readonly bids: ReadonlyArray<SimLevel>;
    readonly asks: ReadonlyArray<SimLevel>;
    readonly time: number;
  }
  | {
    readonly type: "trade";
    readonly symbol: string;
    readonly id: string;
    readonly price: string;
    readonly quantity: string;
    readonly buyerOrderId: string;
    readonly sellerOrderId: string;
    readonly buyerIsMaker: boolean;
    readonly time: number;
  }
  | {
    readonly type: "bookTicker";
    readonly symbol: string;
    readonly bidPrice: string | null;
    readonly bidQuantity: string | null;
    readonly askPrice: string | null;
    readonly askQuantity: string | null;
    readonly updateId: string;
    readonly time: number;
  }
  | {
    readonly type: "markPrice";
    readonly symbol: string;
    readonly markPrice: string;
    readonly indexPrice: string;
    readonly fundingRate: string | null;
    /** ms. */
    readonly nextFundingTime: number | null;
    readonly time: number;
  }
  | {
    readonly type: "orderUpdate";
    readonly accountId: string;
    readonly event: OrderEventKind;
    readonly order: SimOrder;
    readonly fill?: SimFillDetail;
    readonly expiryReason?: ExpiryReason;
    readonly time: number;
  }
  | {
    readonly type: "positionUpdate";
    readonly accountId: string;
    readonly event: PositionEventKind;
    readonly position: SimPosition;
    readonly time: number;
  }
  | {
    readonly type: "funding";
    readonly accountId: string;
    readonly symbol: string;
    readonly quantity: string;
    readonly rate: string;
    readonly time: number;
  }
  | {
    /** A position was liquidated (public `liquidation` stream). */
    readonly type: "liquidation";
    readonly symbol: string;
    /** Side of the liquidation order (`Ask` closes a long). */
    readonly side: Side;
    readonly price: string;
    readonly quantity: string;
    readonly time: number;
  }
  | { readonly type: "ticker"; readonly ticker: SimTicker; readonly time: number }
  | {
    readonly type: "openInterest";
    readonly symbol: string;
    readonly openInterest: string;
    readonly time: number;
  };

/** Listener of {@link SimEvent}s; called synchronously inside the mutating call. */
export type SimListener = (event: SimEvent) => void;

/** Error thrown by the engine, with the real Backpack HTTP status, code and message. */
export class SimError extends Error {
  /** HTTP status the server answers with. */
  readonly status: number;
  /** Backpack `ApiErrorCode`. */
  readonly code: string;
  /** Creates an error with the HTTP status, Backpack code and message. */
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "SimError";
    this.status = status;
    this.code = code;
  }
  /** The Backpack error body `{code, message}`. */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/**
 * The engine API the server codes against. Every mutating method either returns or throws a
 * {@link SimError}; events are delivered to subscribers before the method returns.
 */
export interface SimExchange {
  /** Place an order (`POST /api/v1/order`). Post-only crossing throws INVALID_ORDER. */
  executeOrder(accountId: string, req: SimOrderRequest, now: number): SimOrder;
  /** Batch (`POST /api/v1/orders`): one result per request, in order. */
  executeBatch(
    accountId: string,
    reqs: ReadonlyArray<SimOrderRequest>,
    now: number,
  ): Array<SimOrder | SimError>;
  /** Cancels an open order (`DELETE /api/v1/order`); 404 RESOURCE_NOT_FOUND when not open. */
  cancelOrder(accountId: string, sel: SimOrderSelector, now: number): SimOrder;
  /** Cancels the open orders of a market, optionally only resting or only conditional ones. */
  cancelAll(
    accountId: string,
    req: { readonly symbol: string; readonly orderType?: CancelAllOrderType },
    now: number,
  ): SimOrder[];
  /** 404 RESOURCE_NOT_FOUND when the order is not open. */
  getOpenOrder(accountId: string, sel: SimOrderSelector): SimOrder;
  /** Open orders (resting and trigger-pending) of the account, optionally of one market. */
  openOrders(accountId: string, symbol?: string): SimOrder[];
  /** The market configurations. */
  markets(): SimMarketConfig[];
  /** Order-book snapshot as `GET /api/v1/depth` returns it (bids ascending). */
  depth(symbol: string, limit?: number): SimDepth;
  /** Every level of the book, best first, with its last update id (for sync tests). */
  trueBook(symbol: string): SimTrueBook;
  /** Balances by asset (`GET /api/v1/capital`). */
  balances(accountId: string): Record<string, SimBalance>;
  /** The cross-margin collateral summary (`GET /api/v1/capital/collateral`). */
  collateral(accountId: string): SimCollateral;
  /** Open perp positions of the account, optionally of one market. */
  positions(accountId: string, symbol?: string): SimPosition[];
  /** Account settings and open order counts (`GET /api/v1/account`). */
  account(accountId: string): SimAccountSettings;
  /** Applies `PATCH /api/v1/account` settings; bad `leverageLimit` throws. */
  updateAccount(accountId: string, patch: SimAccountPatch): void;
  /** Fill history of the account, newest first unless `Asc`. */
  fills(accountId: string, filter?: SimHistoryFilter): SimFill[];
  /** Finished orders of the account, newest first unless `Asc`. */
  orderHistory(accountId: string, filter?: SimHistoryFilter): SimOrder[];
  /** Funding payments of the account, newest first unless `Asc`. */
  fundingHistory(accountId: string, filter?: SimHistoryFilter): SimFundingPayment[];
  /** Settlement ledger rows (realized PnL, funding, fees), newest first unless `Asc`. */
  settlementHistory(
    accountId: string,
    filter?: SimHistoryFilter & { readonly source?: SettlementSource },
  ): SimSettlement[];
  /** Open positions and closed position records, newest first unless `Asc`. */
  positionHistory(
    accountId: string,
    filter?: SimHistoryFilter & { readonly state?: "Open" | "Closed" },
  ): SimPositionRecord[];
  /** Latest public trades of a market, oldest first. */
  trades(symbol: string, limit?: number): SimTrade[];
  /** 24 h rolling ticker of a market. */
  ticker(symbol: string): SimTicker;
  /** Mark, index and funding of every market. */
  markPrices(): SimMarkPrice[];
  /** Open interest of one or every perp market. */
  openInterest(symbol?: string): SimOpenInterest[];
  /** Historical funding rates of a market, newest first. */
  fundingRates(symbol: string, filter?: { limit?: number; offset?: number }): SimFundingRate[];
  /** Candles from `startMs` to `endMs` for `interval` (`1m`, `1h`, ...), priced from trades. */
  klines(symbol: string, interval: string, startMs: number, endMs: number): SimKline[];
  /**
   * Adds `amount` (a signed decimal string) to the available balance of `asset` (deposits,
   * withdrawals, borrow/lend, RFQ and vault settlement of the server's state machines). A debit
   * larger than the available balance throws INSUFFICIENT_FUNDS.
   */
  transfer(accountId: string, asset: string, amount: string, now: number): void;
  /** USDC value of one unit of `asset` (spot mark, else perp mark; USDC = 1; unknown = 0). */
  assetPrice(asset: string): string;
  /** Move simulated time forward to `now`. */
  advance(now: number): void;
  /** Registers an event listener; returns the unsubscribe function. */
  subscribe(listener: SimListener): () => void;
}

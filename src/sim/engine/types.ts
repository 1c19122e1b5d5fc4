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
  readonly symbol: string;
  readonly baseSymbol: string;
  readonly quoteSymbol: string;
  readonly marketType: SimMarketType;
  readonly tickSize: string;
  readonly stepSize: string;
  readonly minQuantity: string;
  readonly maxQuantity?: string;
  readonly minPrice?: string;
  readonly maxPrice?: string;
  /** Limit prices must lie within `[mark × minMultiplier, mark × maxMultiplier]` (defaults 0.25 / 4). */
  readonly minMultiplier?: string;
  readonly maxMultiplier?: string;
  readonly initialPrice: string;
  /** Standard deviation of the log index price per `advance` step (default 0.001). */
  readonly volatility?: number;
  /** Funding interval in ms (perps; default 3 600 000). */
  readonly fundingIntervalMs?: number;
  /** Funding rate bounds in basis points (default ±100). */
  readonly fundingRateBoundBps?: string;
  readonly imfBase?: string;
  readonly imfFactor?: string;
  readonly mmfBase?: string;
  readonly mmfFactor?: string;
}

/** An account of the simulator (`id` is what the server maps an API key to). */
export interface SimAccountConfig {
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
  readonly markets: ReadonlyArray<SimMarketConfig>;
  readonly accounts: ReadonlyArray<SimAccountConfig>;
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
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly price?: string;
  readonly quantity?: string;
  readonly quoteQuantity?: string;
  readonly timeInForce?: TimeInForce;
  readonly postOnly?: boolean;
  readonly reduceOnly?: boolean;
  readonly clientId?: number;
  readonly selfTradePrevention?: SelfTradePrevention;
  readonly triggerPrice?: string;
  /** Absolute quantity (`"0.5"`) or percentage of the position (`"50%"`). */
  readonly triggerQuantity?: string;
  readonly triggerBy?: TriggerBy;
  readonly takeProfitTriggerPrice?: string;
  readonly takeProfitLimitPrice?: string;
  readonly takeProfitTriggerBy?: TriggerBy;
  readonly stopLossTriggerPrice?: string;
  readonly stopLossLimitPrice?: string;
  readonly stopLossTriggerBy?: TriggerBy;
}

/** An order, shaped like Backpack's REST order object (plus `expiryReason`). */
export interface SimOrder {
  readonly id: string;
  readonly clientId: number | null;
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly price: string | null;
  /** Base quantity (`"0"` for a percentage trigger order until it fires). */
  readonly quantity: string | null;
  readonly quoteQuantity: string | null;
  readonly executedQuantity: string;
  readonly executedQuoteQuantity: string;
  readonly status: OrderStatus;
  readonly timeInForce: TimeInForce;
  readonly selfTradePrevention: SelfTradePrevention;
  readonly postOnly: boolean;
  readonly reduceOnly: boolean | null;
  readonly triggerPrice: string | null;
  readonly triggerQuantity: string | null;
  readonly triggerBy: TriggerBy | null;
  readonly triggeredAt: number | null;
  readonly relatedOrderId: string | null;
  readonly strategyId: null;
  readonly takeProfitTriggerPrice: string | null;
  readonly takeProfitLimitPrice: string | null;
  readonly takeProfitTriggerBy: TriggerBy | null;
  readonly stopLossTriggerPrice: string | null;
  readonly stopLossLimitPrice: string | null;
  readonly stopLossTriggerBy: TriggerBy | null;
  readonly expiryReason: ExpiryReason | null;
  /** Unix ms. */
  readonly createdAt: number;
}

/** One fill of one of the account's orders (fills history row). */
export interface SimFill {
  readonly tradeId: string;
  readonly orderId: string;
  /** String, as Backpack's fills endpoint returns it. */
  readonly clientId: string | null;
  readonly symbol: string;
  readonly side: Side;
  readonly price: string;
  readonly quantity: string;
  readonly fee: string;
  readonly feeSymbol: string;
  readonly isMaker: boolean;
  /** Unix ms (the REST layer renders it as a naive datetime). */
  readonly timestamp: number;
  /** Set on fills of liquidation orders. */
  readonly systemOrderType: SystemOrderType | null;
}

/** One asset balance of `GET /api/v1/capital`. */
export interface SimBalance {
  readonly available: string;
  readonly locked: string;
  readonly staked: string;
}

/** One asset row of the collateral summary. */
export interface SimCollateralAsset {
  readonly symbol: string;
  readonly assetMarkPrice: string;
  readonly totalQuantity: string;
  readonly balanceNotional: string;
  readonly collateralWeight: string;
  readonly collateralValue: string;
  readonly openOrderQuantity: string;
  readonly lendQuantity: string;
  readonly availableQuantity: string;
}

/** `GET /api/v1/capital/collateral`. */
export interface SimCollateral {
  readonly assetsValue: string;
  readonly liabilitiesValue: string;
  readonly borrowLiability: string;
  readonly netEquity: string;
  readonly netEquityAvailable: string;
  readonly netEquityLocked: string;
  readonly netExposureFutures: string;
  readonly pnlUnrealized: string;
  readonly unsettledEquity: string;
  readonly imf: string;
  readonly mmf: string;
  /** `null` when the account has no futures exposure. */
  readonly marginFraction: string | null;
  readonly collateral: ReadonlyArray<SimCollateralAsset>;
}

/** IMF/MMF function of a perp market. */
export interface SimMarginFunction {
  readonly type: "sqrt";
  readonly base: string;
  readonly factor: string;
}

/** An open perp position, shaped like `GET /api/v1/position` rows. */
export interface SimPosition {
  readonly symbol: string;
  readonly positionId: string;
  readonly netQuantity: string;
  readonly netExposureQuantity: string;
  readonly netExposureNotional: string;
  readonly entryPrice: string;
  readonly breakEvenPrice: string;
  readonly markPrice: string;
  readonly estLiquidationPrice: string;
  readonly netCost: string;
  readonly pnlRealized: string;
  readonly pnlUnrealized: string;
  readonly cumulativeFundingPayment: string;
  readonly imf: string;
  readonly mmf: string;
  readonly imfFunction: SimMarginFunction;
  readonly mmfFunction: SimMarginFunction;
}

/** `GET /api/v1/account`. */
export interface SimAccountSettings {
  readonly autoBorrowSettlements: boolean;
  readonly autoLend: boolean;
  readonly autoRealizePnl: boolean;
  readonly autoRepayBorrows: boolean;
  readonly borrowLimit: string;
  readonly positionLimit: string;
  readonly leverageLimit: string;
  readonly futuresMakerFee: string;
  readonly futuresTakerFee: string;
  readonly spotMakerFee: string;
  readonly spotTakerFee: string;
  readonly limitOrders: number;
  readonly triggerOrders: number;
  readonly liquidating: boolean;
}

/** `PATCH /api/v1/account` body. */
export interface SimAccountPatch {
  readonly autoBorrowSettlements?: boolean;
  readonly autoLend?: boolean;
  readonly autoRepayBorrows?: boolean;
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
  readonly id: string;
  readonly symbol: string;
  readonly state: "Open" | "Closed";
  readonly netQuantity: string;
  readonly netCost: string;
  readonly entryPrice: string;
  readonly markPrice: string;
  readonly cumulativePnlRealized: string;
  readonly unrealizedPnl: string;
  readonly fundingQuantity: string;
  readonly fees: string;
  /** Base quantity closed by liquidations. */
  readonly liquidated: string;
  readonly liquidationFees: string;
  /** Base quantity closed over the position's life. */
  readonly closedVolume: string;
  readonly imf: string;
  readonly closingPrice: string | null;
  /** Unix ms. */
  readonly openedAt: number;
  /** Unix ms, `null` while open. */
  readonly closedAt: number | null;
}

/** One funding payment of the account (+ received, − paid). */
export interface SimFundingPayment {
  readonly symbol: string;
  readonly quantity: string;
  readonly fundingRate: string;
  /** Unix ms of the interval end. */
  readonly intervalEndTimestamp: number;
}

/** One historical market funding rate. */
export interface SimFundingRate {
  readonly symbol: string;
  readonly fundingRate: string;
  /** Unix ms of the interval end. */
  readonly intervalEndTimestamp: number;
}

/** A public trade. */
export interface SimTrade {
  readonly id: string;
  readonly price: string;
  readonly quantity: string;
  readonly quoteQuantity: string;
  /** Unix ms. */
  readonly timestamp: number;
  readonly isBuyerMaker: boolean;
}

/** 24 h rolling ticker (`GET /api/v1/ticker`). */
export interface SimTicker {
  readonly symbol: string;
  readonly firstPrice: string;
  readonly lastPrice: string;
  readonly priceChange: string;
  readonly priceChangePercent: string;
  readonly high: string;
  readonly low: string;
  readonly volume: string;
  readonly quoteVolume: string;
  readonly trades: string;
}

/** `GET /api/v1/markPrices` row. Funding fields are `null` on spot markets. */
export interface SimMarkPrice {
  readonly symbol: string;
  readonly markPrice: string;
  readonly indexPrice: string;
  readonly fundingRate: string | null;
  /** Unix ms. */
  readonly nextFundingTimestamp: number | null;
}

/** `GET /api/v1/openInterest` row. */
export interface SimOpenInterest {
  readonly symbol: string;
  readonly openInterest: string;
  /** Unix ms. */
  readonly timestamp: number;
}

/** A candle; `start`/`end` are Unix ms, OHLC `null` when no trade happened. */
export interface SimKline {
  readonly start: number;
  readonly end: number;
  readonly open: string | null;
  readonly high: string | null;
  readonly low: string | null;
  readonly close: string | null;
  readonly volume: string;
  readonly quoteVolume: string;
  readonly trades: string;
}

/** A price level `[price, quantity]`. */
export type SimLevel = readonly [string, string];

/** `GET /api/v1/depth`: both sides ascending by price (as Backpack returns them). */
export interface SimDepth {
  readonly bids: ReadonlyArray<SimLevel>;
  readonly asks: ReadonlyArray<SimLevel>;
  /** Equals the `lastUpdateId` of the last emitted depth event of the symbol. */
  readonly lastUpdateId: string;
  /** µs. */
  readonly timestamp: number;
}

/** The full book: bids best (highest) first, asks best (lowest) first. */
export interface SimTrueBook {
  readonly bids: ReadonlyArray<SimLevel>;
  readonly asks: ReadonlyArray<SimLevel>;
  readonly lastUpdateId: string;
}

/** Filter of the account history queries (`limit` default 100, `offset` default 0). */
export interface SimHistoryFilter {
  readonly symbol?: string;
  readonly orderId?: string;
  /** Unix ms, inclusive. */
  readonly from?: number;
  /** Unix ms, inclusive. */
  readonly to?: number;
  readonly limit?: number;
  readonly offset?: number;
  readonly sortDirection?: SortDirection;
}

/** Selector of one order: exactly one of `orderId` / `clientId`. */
export interface SimOrderSelector {
  readonly symbol: string;
  readonly orderId?: string;
  readonly clientId?: number;
}

/** Per-fill detail of an `orderFill` event. */
export interface SimFillDetail {
  readonly tradeId: string;
  readonly price: string;
  readonly quantity: string;
  readonly isMaker: boolean;
  readonly fee: string;
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
  cancelOrder(accountId: string, sel: SimOrderSelector, now: number): SimOrder;
  cancelAll(
    accountId: string,
    req: { readonly symbol: string; readonly orderType?: CancelAllOrderType },
    now: number,
  ): SimOrder[];
  /** 404 RESOURCE_NOT_FOUND when the order is not open. */
  getOpenOrder(accountId: string, sel: SimOrderSelector): SimOrder;
  openOrders(accountId: string, symbol?: string): SimOrder[];
  markets(): SimMarketConfig[];
  depth(symbol: string, limit?: number): SimDepth;
  trueBook(symbol: string): SimTrueBook;
  balances(accountId: string): Record<string, SimBalance>;
  collateral(accountId: string): SimCollateral;
  positions(accountId: string, symbol?: string): SimPosition[];
  account(accountId: string): SimAccountSettings;
  updateAccount(accountId: string, patch: SimAccountPatch): void;
  fills(accountId: string, filter?: SimHistoryFilter): SimFill[];
  orderHistory(accountId: string, filter?: SimHistoryFilter): SimOrder[];
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
  trades(symbol: string, limit?: number): SimTrade[];
  ticker(symbol: string): SimTicker;
  markPrices(): SimMarkPrice[];
  openInterest(symbol?: string): SimOpenInterest[];
  fundingRates(symbol: string, filter?: { limit?: number; offset?: number }): SimFundingRate[];
  /** Candles from `startMs` to `endMs` for `interval` (`1m`, `1h`, ...), priced from trades. */
  klines(symbol: string, interval: string, startMs: number, endMs: number): SimKline[];
  /** Move simulated time forward to `now`. */
  /**
   * Adds `amount` (a signed decimal string) to the available balance of `asset` (deposits,
   * withdrawals, borrow/lend, RFQ and vault settlement of the server's state machines). A debit
   * larger than the available balance throws INSUFFICIENT_FUNDS.
   */
  transfer(accountId: string, asset: string, amount: string, now: number): void;
  /** USDC value of one unit of `asset` (spot mark, else perp mark; USDC = 1; unknown = 0). */
  assetPrice(asset: string): string;
  advance(now: number): void;
  subscribe(listener: SimListener): () => void;
}

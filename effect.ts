/**
 * The Effect entry point of backpack-edge: services, layers and one function per endpoint, each
 * returning an `Effect` whose error channel is the closed {@link BackpackError} union.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { getBalances, getDepth, layerBackpack } from "@backpack-edge/sdk/effect";
 *
 * const program = Effect.gen(function* () {
 *   const book = yield* getDepth({ symbol: "SOL_USDC_PERP", limit: 5 });
 *   const balances = yield* getBalances();
 *   return { bestBid: book.bids[0]?.[0].toFixed(), usdc: balances.USDC?.available.toFixed() };
 * });
 *
 * const layer = layerBackpack({ apiSecret: "<base64 seed>" });
 * // await Effect.runPromise(Effect.provide(program, layer));
 * ```
 *
 * @module
 */
export { ServerClock, ServerClockBase, type ServerClockShape } from "./src/auth/server_clock.ts";
export { Signer, SignerBase, type SignerShape } from "./src/auth/signer.ts";
export { type ParsedKey, parseSecret } from "./src/auth/keys.ts";
export {
  BackpackConfig,
  BackpackConfigBase,
  type BackpackConfigOptions,
  type BackpackConfigShape,
  type ClockSync,
  DEFAULT_CONFIG,
  layer as layerConfig,
} from "./src/config.ts";
export {
  Fetch,
  FetchBase,
  type FetchFn,
  layer as layerGlobalFetch,
  layerFetch,
} from "./src/rest/fetch.ts";
export {
  type BackoffConfig,
  type BucketConfig,
  DEFAULT_RATE_LIMIT,
  HISTORICAL_PATHS,
  layer as layerRateLimit,
  layerUnlimited as layerRateLimitUnlimited,
  RateLimit,
  RateLimitBase,
  type RateLimitConfig,
  type RateLimitShape,
} from "./src/rest/rate_limit.ts";
export {
  BackpackHttp,
  BackpackHttpBase,
  type BackpackHttpShape,
  type CallSpec,
  type HttpMethod,
  layer as layerHttp,
  MAX_RATE_LIMIT_RETRIES,
  publicCall,
  signedCall,
  type SignedCallSpec,
} from "./src/rest/http.ts";
export { type BackpackOptions, type BackpackServices, layerBackpack } from "./src/rest/layer.ts";
export {
  layerLogging,
  type LogEntry,
  type LoggingOptions,
  type LogLevelOption,
  logRequest,
  makeLogging,
  sdkLog,
  SdkLogging,
  type SdkLoggingShape,
} from "./src/logging.ts";
export { getStatus, getTime, getWallets, ping, syncClock } from "./src/rest/system.ts";
export type { SignParams, SignValue } from "./src/auth/signing_string.ts";
export type { RequestBody } from "./src/rest/wire.ts";
export {
  type DepthLimit,
  getDepth,
  type GetDepthParams,
  getMarket,
  type GetMarketParams,
  getMarkets,
  type GetMarketsParams,
} from "./src/rest/markets.ts";
export { getBalances } from "./src/rest/capital.ts";
export {
  ApiError,
  ApiErrorBase,
  AuthError,
  AuthErrorBase,
  type CodedErrorFields,
  DecodeError,
  DecodeErrorBase,
  HttpStatusError,
  HttpStatusErrorBase,
  InsufficientFundsError,
  InsufficientFundsErrorBase,
  INVALID_INPUT_REASONS,
  InvalidInputError,
  InvalidInputErrorBase,
  NotFoundError,
  NotFoundErrorBase,
  OrderOutcomeUnknownError,
  OrderOutcomeUnknownErrorBase,
  RateLimitError,
  RateLimitErrorBase,
  SequenceGapError,
  SequenceGapErrorBase,
  type StatusCodedErrorFields,
  type TaggedErrorBase,
  TimeoutError,
  TimeoutErrorBase,
  TransportError,
  TransportErrorBase,
  UnavailableError,
  UnavailableErrorBase,
  UnsupportedError,
  UnsupportedErrorBase,
} from "./src/error_classes.ts";
export {
  type BackpackError,
  BackpackErrorSchema,
  isBackpackError,
  isRetryable,
} from "./src/errors.ts";
export { Decimal, DecimalFromString, type DecimalInput } from "./src/decimal.ts";
export { ServerTime, SystemStatus, type SystemStatusValue } from "./src/schema/status.ts";
export {
  type MarginFunction,
  Market,
  Markets,
  type MarketType,
  type OrderBookState,
  type PremiumBand,
  type PriceBand,
  type PriceFilter,
  type QuantityFilter,
} from "./src/schema/market.ts";
export { Depth, type DepthLevel } from "./src/schema/depth.ts";
export { Balance, Balances } from "./src/schema/capital.ts";
export {
  checkPrice,
  checkQuantity,
  type FilterSource,
  type MarketFilters,
  parseDecimal,
  pricePrecision,
  quantityPrecision,
  type RoundingMode,
  roundPrice,
  roundQuantity,
  validatePrice,
  validateQuantity,
} from "./src/markets/filters.ts";
export {
  fromBackpackSymbol,
  type ParsedSymbol,
  parseSymbol,
  type SymbolType,
  toBackpackSymbol,
  toDashed,
} from "./src/markets/symbols.ts";
export {
  getMarketInfo,
  type GetMarketInfoParams,
  MarketCache,
  MarketCacheBase,
  type MarketCacheEndpoints,
  type MarketCacheShape,
  refreshMarkets,
} from "./src/markets/market_cache.ts";
export type { MarketDataEndpoints } from "./src/rest/market_data.ts";
export {
  getTicker,
  type GetTickerParams,
  getTickers,
  type GetTickersParams,
  type TickerInterval,
} from "./src/rest/tickers.ts";
export {
  getKlines,
  type GetKlinesParams,
  KLINE_INTERVALS,
  type KlineInterval,
  type KlinePriceType,
} from "./src/rest/klines.ts";
export {
  getHistoricalTrades,
  type GetHistoricalTradesParams,
  getRecentTrades,
  type GetRecentTradesParams,
} from "./src/rest/trades.ts";
export {
  getFundingRates,
  type GetFundingRatesParams,
  getMarkPrices,
  type GetMarkPricesParams,
  getOpenInterest,
  type GetOpenInterestParams,
} from "./src/rest/funding.ts";
export { getAssets, type GetAssetsParams, getCollateralParameters } from "./src/rest/assets.ts";
export {
  estimateBorrowLiquidationPrice,
  type EstimateBorrowLiquidationPriceParams,
  getApyRates,
  type GetApyRatesParams,
  getBorrowLendMarkets,
  getBorrowLendMarketsHistory,
  type GetBorrowLendMarketsHistoryParams,
  HISTORY_INTERVALS,
  type HistoryInterval,
} from "./src/rest/borrow_lend_markets.ts";
export {
  getPredictionEvents,
  type GetPredictionEventsParams,
  getPredictionTags,
} from "./src/rest/prediction.ts";
export { getMarketSessions, getSecurities } from "./src/rest/securities.ts";
export { getVaultHistory, type GetVaultHistoryParams, getVaults } from "./src/rest/vault_info.ts";
export { Ticker, Tickers } from "./src/schema/ticker.ts";
export { Kline, Klines } from "./src/schema/kline.ts";
export { PublicTrade, PublicTrades } from "./src/schema/public_trade.ts";
export {
  FundingRate,
  FundingRates,
  MarkPrice,
  MarkPrices,
  OpenInterest,
  OpenInterests,
} from "./src/schema/funding.ts";
export {
  Asset,
  Assets,
  CollateralParameters,
  CollateralParametersList,
  type HaircutFunction,
  type Token,
  Wallet,
  Wallets,
} from "./src/schema/asset.ts";
export {
  ApyRates,
  BorrowLendHistory,
  BorrowLendHistoryPoint,
  BorrowLendMarket,
  BorrowLendMarkets,
  type BorrowLendState,
  EstimatedLiquidationPrice,
} from "./src/schema/borrow_lend_market.ts";
export {
  type OpenRecord,
  PredictionEvent,
  PredictionEvents,
  type PredictionResolution,
  PredictionTag,
  PredictionTags,
} from "./src/schema/prediction.ts";
export { MarketSession, MarketSessions, Securities, Security } from "./src/schema/security.ts";
export { Vault, VaultHistory, VaultHistoryPoint, Vaults } from "./src/schema/vault_info.ts";
export { Pong } from "./src/schema/status.ts";
export {
  type Blockchain,
  getCollateral,
  type GetCollateralParams,
  getDepositAddress,
  type GetDepositAddressParams,
  getDeposits,
  type GetDepositsParams,
  getWithdrawals,
  type GetWithdrawalsParams,
  type TimeRangeParams,
  withdraw,
  type WithdrawParams,
} from "./src/rest/capital.ts";
export {
  type FillType,
  getDustHistory,
  type GetDustHistoryParams,
  getFillHistory,
  type GetFillHistoryParams,
  getFundingPayments,
  type GetFundingPaymentsParams,
  getOrderHistory,
  type GetOrderHistoryParams,
  getPositionHistory,
  type GetPositionHistoryParams,
  getSettlementHistory,
  type GetSettlementHistoryParams,
} from "./src/rest/history.ts";
export {
  executeBorrowLend,
  type ExecuteBorrowLendParams,
  getBorrowLendHistory,
  type GetBorrowLendHistoryParams,
  getBorrowLendPositions,
  getBorrowPositionHistory,
  type GetBorrowPositionHistoryParams,
  getInterestHistory,
  type GetInterestHistoryParams,
} from "./src/rest/borrow_lend.ts";
export {
  acceptQuote,
  type AcceptQuoteParams,
  type AutoFlags,
  cancelRfq,
  type CancelRfqParams,
  getOpenRfqs,
  type GetOpenRfqsParams,
  getQuoteFillHistory,
  type GetQuoteFillHistoryParams,
  getQuoteHistory,
  type GetQuoteHistoryParams,
  getRfqFillHistory,
  type GetRfqFillHistoryParams,
  getRfqHistory,
  type GetRfqHistoryParams,
  refreshRfq,
  type RefreshRfqParams,
  type RfqStatusFilter,
  submitQuote,
  type SubmitQuoteParams,
  submitRfq,
  type SubmitRfqParams,
} from "./src/rest/rfq.ts";
export {
  cancelStrategies,
  type CancelStrategiesParams,
  cancelStrategy,
  createStrategy,
  type CreateStrategyParams,
  getOpenStrategies,
  type GetOpenStrategiesParams,
  getStrategy,
  getStrategyHistory,
  type GetStrategyHistoryParams,
  type StrategyRef,
} from "./src/rest/strategies.ts";
export {
  cancelVaultRedeem,
  getPendingVaultRedeems,
  getVaultNav,
  mintVault,
  type MintVaultParams,
  requestVaultRedeem,
  type RequestVaultRedeemParams,
  type VaultRef,
} from "./src/rest/vaults.ts";
export {
  iteratePages,
  type ListSpec,
  nextOffset,
  pagedCall,
  paginate,
} from "./src/rest/paginate.ts";
export {
  type HistoryParams,
  MAX_PAGE_SIZE,
  type PageParams,
  type SortDirection,
} from "./src/rest/validate.ts";
export {
  type Collateral,
  type CollateralAsset,
  type Deposit,
  type DepositAddress,
  type DepositStatus,
  type Withdrawal,
  type WithdrawalStatus,
} from "./src/schema/capital.ts";
export type {
  DustConversion,
  Fill,
  FundingPayment,
  Open,
  OrderHistoryEntry,
  PositionHistoryEntry,
  Settlement,
  SettlementSource,
  Side,
  SystemOrderType,
} from "./src/schema/history.ts";
export type {
  BorrowLendEventType,
  BorrowLendMovement,
  BorrowLendPosition,
  BorrowPositionHistoryEntry,
  InterestPayment,
} from "./src/schema/borrow_lend.ts";
export type {
  Quote,
  QuoteFields,
  QuoteFill,
  QuoteHistoryEntry,
  Rfq,
  RfqExecutionMode,
  RfqFields,
  RfqFill,
  RfqHistoryEntry,
  RfqWithQuotes,
} from "./src/schema/rfq.ts";
export type {
  Strategy,
  StrategyBase,
  StrategyHistoryEntry,
  StrategyStatus,
} from "./src/schema/strategy.ts";
export type { VaultNav, VaultRedeem } from "./src/schema/vault.ts";
export {
  createOrderBook,
  type CreateOrderBookOptions,
  type OrderBookClient,
  type ResyncedEvent,
} from "./src/orderbook/client.ts";
export { OrderBook, OrderBookBase, type OrderBookShape } from "./src/orderbook/service.ts";
export type { OrderBookMode } from "./src/orderbook/backend.ts";
export type { BookFill, BookLevel, BookSnapshot, TopOfBook } from "./src/orderbook/book_views.ts";
export type {
  FeedEvent,
  FeedOptions,
  FeedPhase,
  FeedStatus,
  ResyncCause,
  WireTopOfBook,
} from "./src/orderbook/protocol.ts";
export type { ResyncReason, SnapshotReason, SyncPhase } from "./src/orderbook/sync.ts";
export type { BookSide, Level, Rejection, RejectionReason } from "./src/orderbook/types.ts";
export type { FeedEnvironment } from "./src/orderbook/feed_api.ts";
export {
  ReconnectingSocket,
  type SocketOptions,
  type SocketStatus,
  type WebSocketConstructorLike,
  type WebSocketEventLike,
  type WebSocketLike,
} from "./src/ws/socket_core.ts";
export type {
  SignSubscription,
  SubscriptionMethod,
  SubscriptionOptions,
} from "./src/ws/subscription_messages.ts";
export { classifyFrame, type SocketEvent } from "./src/ws/frames.ts";
export { backoffDelay, type BackoffOptions, type SocketTimers } from "./src/ws/timing.ts";
export {
  BackpackSocket,
  BackpackSocketBase,
  type BackpackSocketOptions,
  type BackpackSocketShape,
  make as makeBackpackSocket,
  type SocketNotice,
  type SubscribeStreamOptions,
  WebSocketConstructor,
  WebSocketConstructorBase,
} from "./src/ws/socket.ts";
export * as Streams from "./src/ws/streams.ts";
export {
  decodePayload,
  decoderForStream,
  isPrivateStream,
  type StreamEvent,
  streamNames,
} from "./src/ws/decode.ts";
export type { WsPayloadDecoder } from "./src/schema/ws_common.ts";
export type {
  BookTickerEvent,
  DepthUpdate,
  DepthUpdateLevel,
  EngineTime,
  EventTime,
  KlineEvent,
  LiquidationEvent,
  MarkPriceEvent,
  OpenInterestEvent,
  TickerEvent,
  TradeEvent,
} from "./src/schema/ws_market.ts";
export type {
  OrderEventType,
  OrderFill,
  OrderOrigin,
  OrderUpdate,
  PositionEventType,
  PositionUpdate,
} from "./src/schema/ws_account.ts";
export { executeOrder, executeOrders } from "./src/rest/order_execute.ts";
export {
  getOpenOrders,
  type GetOpenOrdersParams,
  getOrder,
  type OrderSelector,
} from "./src/rest/order_query.ts";
export {
  cancelOpenOrders,
  type CancelOpenOrdersParams,
  cancelOrder,
} from "./src/rest/order_cancel.ts";
export { type OrderEndpoints, orderEndpoints } from "./src/rest/orders.ts";
export {
  type AccountEndpoints,
  accountEndpoints,
  convertDust,
  type ConvertDustParams,
  getAccount,
  getMaxBorrowQuantity,
  type GetMaxBorrowQuantityParams,
  getMaxOrderQuantity,
  type GetMaxOrderQuantityParams,
  getMaxWithdrawalQuantity,
  type GetMaxWithdrawalQuantityParams,
  updateAccount,
  type UpdateAccountParams,
} from "./src/rest/account.ts";
export {
  getPositions,
  type GetPositionsParams,
  type PositionEndpoints,
  positionEndpoints,
} from "./src/rest/positions.ts";
export {
  checkOrderForMarket,
  type ExecuteOrderParams,
  type OrderBody,
  type OrderInputError,
  validateOrder,
} from "./src/orders/validate_order.ts";
export {
  type ClientIdGenerator,
  type ClientIdGeneratorOptions,
  isClientId,
  makeClientIdGenerator,
  MAX_CLIENT_ID,
} from "./src/orders/client_id.ts";
export {
  BatchOrderElement,
  BatchOrderElements,
  type BatchOrderError,
  type BatchOrderResult,
  EpochMillisDate,
  LimitOrder,
  MarketOrder,
  Order,
  type OrderCommon,
  Orders,
  type OrderSide,
  type OrderStatus,
  type OrderType,
  type SelfTradePrevention,
  type SlippageToleranceType,
  type TimeInForce,
  toBatchOrderResult,
  type TriggerBy,
} from "./src/schema/order.ts";
export {
  Account,
  MaxBorrowQuantity,
  MaxOrderQuantity,
  MaxWithdrawalQuantity,
} from "./src/schema/account.ts";
export { Position, Positions } from "./src/schema/position.ts";
export { Connector, ConnectorBase } from "./src/trading/service.ts";
export { make as makeConnector } from "./src/trading/connector.ts";
export type {
  BalanceState,
  FundingPaymentState,
  PositionState,
} from "./src/trading/account_types.ts";
export type {
  ConnectorShape,
  ConnectorState,
  ConnectorStats,
} from "./src/trading/connector_api.ts";
export type { ConnectorConfig } from "./src/trading/connector_config.ts";
export type {
  ConnectionKind,
  ConnectorEvent,
  ConnectorEventType,
  EventSubscription,
  ReconcileResolution,
} from "./src/trading/event_types.ts";
export type {
  EstimateFeeParams,
  FeeOverride,
  FeeRates,
  FeeSchedule,
} from "./src/trading/fee_types.ts";
export type {
  OrderRef,
  OrderState,
  PlaceOrderParams,
  TrackedFill,
  TrackedOrder,
} from "./src/trading/order_types.ts";

/**
 * backpack-edge: an edge-first TypeScript SDK for Backpack Exchange (Deno, Node, Bun, Workers,
 * browsers). This is the Promise entry point; the Effect API is at `@backpack-edge/sdk/effect`.
 *
 * Prices and quantities are `Decimal` (decimal.js) in results and decimal strings in inputs. Every
 * method rejects with one of the SDK's error classes; switch on `err._tag`.
 *
 * @example
 * ```ts
 * import { ApiError, createClient } from "@backpack-edge/sdk";
 *
 * const client = createClient({ apiSecret: Deno.env.get("BACKPACK_SECRET") });
 * try {
 *   const book = await client.getDepth({ symbol: "SOL_USDC_PERP", limit: 5 });
 *   console.log("best bid", book.bids[0]?.[0].toFixed());
 *   const balances = await client.getBalances();
 *   console.log("USDC", balances.USDC?.available.toFixed());
 * } catch (err) {
 *   if (err instanceof ApiError) console.error(err.code, err.detail);
 *   else throw err;
 * } finally {
 *   await client.close();
 * }
 * ```
 *
 * @module
 */
export {
  type BackpackClient,
  type ClientEndpoints,
  createClient,
  type CreateClientOptions,
} from "./src/client/create_client.ts";
export {
  type Closable,
  createRestClient,
  type CreateRestClientOptions,
  type RestClient,
  type RestEndpointFn,
  type RestEndpoints,
} from "./src/client/create_rest_client.ts";
export type { EndpointFn, Promisified } from "./src/client/promisify.ts";
export type { SystemEndpoints } from "./src/rest/system.ts";
export type { CapitalEndpoints } from "./src/rest/capital.ts";
export type { BucketConfig, RateLimitConfig } from "./src/rest/rate_limit.ts";
export type { FetchFn } from "./src/rest/fetch.ts";
export type { LogEntry, LoggingOptions, LogLevelOption } from "./src/logging.ts";
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
  decodeBackpackError,
  encodeBackpackError,
  type EncodedBackpackError,
  isBackpackError,
  isRetryable,
} from "./src/errors.ts";
export { Decimal, type DecimalInput } from "./src/decimal.ts";
export type {
  DepthLimit,
  GetDepthParams,
  GetMarketParams,
  GetMarketsParams,
  MarketEndpoints,
} from "./src/rest/markets.ts";
export type { SystemStatus, SystemStatusValue } from "./src/schema/status.ts";
export type {
  MarginFunction,
  Market,
  MarketType,
  OrderBookState,
  PremiumBand,
  PriceBand,
  PriceFilter,
  QuantityFilter,
} from "./src/schema/market.ts";
export type { Depth, DepthLevel } from "./src/schema/depth.ts";
export type { Balance, Balances } from "./src/schema/capital.ts";
export {
  type FilterSource,
  type MarketFilters,
  pricePrecision,
  quantityPrecision,
  type RoundingMode,
  roundPrice,
  roundQuantity,
} from "./src/markets/filters.ts";
export {
  fromBackpackSymbol,
  type ParsedSymbol,
  type SymbolType,
  toBackpackSymbol,
  toDashed,
} from "./src/markets/symbols.ts";
export type { GetMarketInfoParams, MarketCacheEndpoints } from "./src/markets/market_cache.ts";
export type { MarketDataEndpoints } from "./src/rest/market_data.ts";
export type { GetTickerParams, GetTickersParams, TickerInterval } from "./src/rest/tickers.ts";
export type { GetKlinesParams, KlineInterval, KlinePriceType } from "./src/rest/klines.ts";
export type { GetHistoricalTradesParams, GetRecentTradesParams } from "./src/rest/trades.ts";
export type {
  GetFundingRatesParams,
  GetMarkPricesParams,
  GetOpenInterestParams,
} from "./src/rest/funding.ts";
export type { GetAssetsParams } from "./src/rest/assets.ts";
export type {
  EstimateBorrowLiquidationPriceParams,
  GetApyRatesParams,
  GetBorrowLendMarketsHistoryParams,
  HistoryInterval,
} from "./src/rest/borrow_lend_markets.ts";
export type { GetPredictionEventsParams } from "./src/rest/prediction.ts";
export type { GetVaultHistoryParams } from "./src/rest/vault_info.ts";
export type { Ticker } from "./src/schema/ticker.ts";
export type { Kline } from "./src/schema/kline.ts";
export type { PublicTrade } from "./src/schema/public_trade.ts";
export type { FundingRate, MarkPrice, OpenInterest } from "./src/schema/funding.ts";
export type {
  Asset,
  CollateralParameters,
  HaircutFunction,
  Token,
  Wallet,
} from "./src/schema/asset.ts";
export type {
  ApyRates,
  BorrowLendHistoryPoint,
  BorrowLendMarket,
  BorrowLendState,
  EstimatedLiquidationPrice,
} from "./src/schema/borrow_lend_market.ts";
export type {
  OpenRecord,
  PredictionEvent,
  PredictionResolution,
  PredictionTag,
} from "./src/schema/prediction.ts";
export type { MarketSession, Security } from "./src/schema/security.ts";
export type { Vault, VaultHistoryPoint } from "./src/schema/vault_info.ts";
export type {
  Blockchain,
  GetCollateralParams,
  GetDepositAddressParams,
  GetDepositsParams,
  GetWithdrawalsParams,
  TimeRangeParams,
  WithdrawParams,
} from "./src/rest/capital.ts";
export type {
  FillType,
  GetDustHistoryParams,
  GetFillHistoryParams,
  GetFundingPaymentsParams,
  GetOrderHistoryParams,
  GetPositionHistoryParams,
  GetSettlementHistoryParams,
} from "./src/rest/history.ts";
export type {
  ExecuteBorrowLendParams,
  GetBorrowLendHistoryParams,
  GetBorrowPositionHistoryParams,
  GetInterestHistoryParams,
} from "./src/rest/borrow_lend.ts";
export type {
  AcceptQuoteParams,
  AutoFlags,
  CancelRfqParams,
  GetOpenRfqsParams,
  GetQuoteFillHistoryParams,
  GetQuoteHistoryParams,
  GetRfqFillHistoryParams,
  GetRfqHistoryParams,
  RefreshRfqParams,
  RfqStatusFilter,
  SubmitQuoteParams,
  SubmitRfqParams,
} from "./src/rest/rfq.ts";
export type {
  CancelStrategiesParams,
  CreateStrategyParams,
  GetOpenStrategiesParams,
  GetStrategyHistoryParams,
  StrategyRef,
} from "./src/rest/strategies.ts";
export type { MintVaultParams, RequestVaultRedeemParams, VaultRef } from "./src/rest/vaults.ts";
export type { HistoryParams, PageParams, SortDirection } from "./src/rest/validate.ts";
export type {
  Collateral,
  CollateralAsset,
  Deposit,
  DepositAddress,
  DepositStatus,
  Withdrawal,
  WithdrawalStatus,
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
export type { HistoryEndpoints } from "./src/rest/history.ts";
export type { BorrowLendEndpoints } from "./src/rest/borrow_lend.ts";
export type { RfqEndpoints } from "./src/rest/rfq.ts";
export type { StrategyEndpoints } from "./src/rest/strategies.ts";
export type { VaultEndpoints } from "./src/rest/vaults.ts";
export type { Iterables, IteratorEndpoints, PagedEndpointFn } from "./src/rest/iterators.ts";
export {
  createOrderBook,
  type CreateOrderBookOptions,
  type OrderBookClient,
  type ResyncedEvent,
} from "./src/orderbook/client.ts";
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
  type BackpackStreams,
  createStreams,
  type CreateStreamsOptions,
  type StreamMethods,
  type StreamSubscription,
} from "./src/client/create_streams.ts";
export type {
  AccountStreamParams,
  DepthStreamParams,
  KlineStreamParams,
  SymbolStreamParams,
} from "./src/ws/streams.ts";
export type { BackpackSocketOptions, SubscribeStreamOptions } from "./src/ws/socket.ts";
export type {
  WebSocketConstructorLike,
  WebSocketEventLike,
  WebSocketLike,
} from "./src/ws/socket_core.ts";
export type { BackoffOptions, SocketTimers } from "./src/ws/timing.ts";
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
export type { OrderEndpoints } from "./src/rest/orders.ts";
export type { GetOpenOrdersParams, OrderSelector } from "./src/rest/order_query.ts";
export type { CancelOpenOrdersParams } from "./src/rest/order_cancel.ts";
export type {
  AccountEndpoints,
  ConvertDustParams,
  GetMaxBorrowQuantityParams,
  GetMaxOrderQuantityParams,
  GetMaxWithdrawalQuantityParams,
  UpdateAccountParams,
} from "./src/rest/account.ts";
export type { GetPositionsParams, PositionEndpoints } from "./src/rest/positions.ts";
export type { ExecuteOrderParams } from "./src/orders/validate_order.ts";
export {
  type ClientIdGenerator,
  type ClientIdGeneratorOptions,
  isClientId,
  makeClientIdGenerator,
  MAX_CLIENT_ID,
} from "./src/orders/client_id.ts";
export type {
  BatchOrderError,
  BatchOrderResult,
  LimitOrder,
  MarketOrder,
  Order,
  OrderCommon,
  OrderSide,
  OrderStatus,
  OrderType,
  SelfTradePrevention,
  SlippageToleranceType,
  TimeInForce,
  TriggerBy,
} from "./src/schema/order.ts";
export type {
  Account,
  MaxBorrowQuantity,
  MaxOrderQuantity,
  MaxWithdrawalQuantity,
} from "./src/schema/account.ts";
export type { Position } from "./src/schema/position.ts";
export { createConnector } from "./src/trading/create_connector.ts";
export type {
  BalanceState,
  FundingPaymentState,
  PositionState,
} from "./src/trading/account_types.ts";
export type {
  Connector,
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

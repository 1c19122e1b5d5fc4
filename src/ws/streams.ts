/**
 * Typed Backpack streams as Effect `Stream`s over the shared {@link BackpackSocket}: each frame's
 * payload is decoded into a named event (`Decimal` prices and quantities, µs timestamps kept
 * exactly next to `Date`s; see `src/schema/ws_market.ts` and `ws_account.ts`).
 *
 * A stream starts its (ref-counted) subscription when it starts running and releases it when it
 * ends or is interrupted. Errors: `InvalidInputError` for a malformed symbol/interval or a private
 * stream without a `Signer` (before anything is sent); `TransportError` when the socket gives up or
 * the consumer falls more than `bufferSize` frames behind; `DecodeError` when a payload does not
 * match its schema — the stream fails with it (never skips the frame silently). The schemas are
 * tolerant (numbers or strings, unknown enum values kept), so a `DecodeError` signals a real
 * protocol change; run the stream again to resubscribe.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Stream from "effect/Stream";
import type {
  AuthError,
  DecodeError,
  InvalidInputError,
  TransportError,
} from "../error_classes.ts";
import {
  decodeOrderUpdate,
  decodePositionUpdate,
  type OrderUpdate,
  type PositionUpdate,
} from "../schema/ws_account.ts";
import type { WsPayloadDecoder } from "../schema/ws_common.ts";
import {
  type BookTickerEvent,
  decodeBookTicker,
  decodeDepthUpdate,
  decodeKline,
  decodeLiquidation,
  decodeMarkPrice,
  decodeOpenInterest,
  decodeTicker,
  decodeTrade,
  type DepthUpdate,
  type KlineEvent,
  type LiquidationEvent,
  type MarkPriceEvent,
  type OpenInterestEvent,
  type TickerEvent,
  type TradeEvent,
} from "../schema/ws_market.ts";
import type { KlineInterval } from "../rest/klines.ts";
import { decodePayload, streamNames } from "./decode.ts";
import { BackpackSocket, type SubscribeStreamOptions } from "./socket.ts";

/** Every error a typed stream can fail with. */
export type StreamError = DecodeError | TransportError | AuthError | InvalidInputError;

/** A typed stream over the shared socket. */
export type BackpackStream<A> = Stream.Stream<A, StreamError, BackpackSocket>;

/** Parameters of a single-market stream. */
export interface SymbolStreamParams extends SubscribeStreamOptions {
  /** Market symbol, e.g. `SOL_USDC_PERP`. */
  readonly symbol: string;
}

/** Parameters of {@link depth}. */
export interface DepthStreamParams extends SymbolStreamParams {
  /** Aggregated variant; real time when absent. */
  readonly aggregation?: "200ms" | "600ms" | "1000ms";
}

/** Parameters of {@link kline}. */
export interface KlineStreamParams extends SymbolStreamParams {
  /** Candle interval, e.g. `1m`, `1h`. */
  readonly interval: KlineInterval;
}

/** Parameters of the account streams: one market, or all when `symbol` is absent. */
export interface AccountStreamParams extends SubscribeStreamOptions {
  /** Restrict to one market. */
  readonly symbol?: string;
}

/** Subscribes to the stream named by `name()` and decodes every payload with `decoder`. */
export const typedStream = <A>(
  name: () => string,
  decoder: WsPayloadDecoder<A>,
  options: SubscribeStreamOptions = {},
): BackpackStream<A> =>
  Stream.unwrap(Effect.gen(function* () {
    const stream = yield* Effect.try({ try: name, catch: (error) => error as InvalidInputError });
    const socket = yield* BackpackSocket;
    return socket.subscribe(stream, options).pipe(
      Stream.mapEffect((data) => decodePayload(stream, decoder, data)),
    );
  }));

/** `depth.<symbol>` deltas (or an aggregated variant). For a maintained book see the order-book worker. */
export const depth = (params: DepthStreamParams): BackpackStream<DepthUpdate> =>
  typedStream(
    () => streamNames.depth(params.symbol, params.aggregation),
    decodeDepthUpdate,
    params,
  );

/** `trade.<symbol>`: public trades. */
export const trades = (params: SymbolStreamParams): BackpackStream<TradeEvent> =>
  typedStream(() => streamNames.trades(params.symbol), decodeTrade, params);

/** `bookTicker.<symbol>`: best bid and ask. */
export const bookTicker = (params: SymbolStreamParams): BackpackStream<BookTickerEvent> =>
  typedStream(() => streamNames.bookTicker(params.symbol), decodeBookTicker, params);

/** `ticker.<symbol>`: 24 h statistics every second. */
export const ticker = (params: SymbolStreamParams): BackpackStream<TickerEvent> =>
  typedStream(() => streamNames.ticker(params.symbol), decodeTicker, params);

/** `kline.<interval>.<symbol>`: the current candle. */
export const kline = (params: KlineStreamParams): BackpackStream<KlineEvent> =>
  typedStream(() => streamNames.kline(params.symbol, params.interval), decodeKline, params);

/** `markPrice.<symbol>`: mark and index price, estimated funding rate, next funding time. */
export const markPrice = (params: SymbolStreamParams): BackpackStream<MarkPriceEvent> =>
  typedStream(() => streamNames.markPrice(params.symbol), decodeMarkPrice, params);

/** `openInterest.<symbol>`: every 60 s. */
export const openInterest = (params: SymbolStreamParams): BackpackStream<OpenInterestEvent> =>
  typedStream(() => streamNames.openInterest(params.symbol), decodeOpenInterest, params);

/** `liquidation`: liquidations on every market. */
export const liquidations = (
  params: SubscribeStreamOptions = {},
): BackpackStream<LiquidationEvent> =>
  typedStream(streamNames.liquidation, decodeLiquidation, params);

/** `account.orderUpdate[.<symbol>]` (signed): every order event of the account. */
export const orderUpdates = (params: AccountStreamParams = {}): BackpackStream<OrderUpdate> =>
  typedStream(() => streamNames.orderUpdates(params.symbol), decodeOrderUpdate, params);

/**
 * `account.positionUpdate[.<symbol>]` (signed): position events, starting with a snapshot of the
 * open positions (`type: "positionSnapshot"`).
 */
export const positionUpdates = (
  params: AccountStreamParams = {},
): BackpackStream<PositionUpdate> =>
  typedStream(() => streamNames.positionUpdates(params.symbol), decodePositionUpdate, params);

/** Every typed stream, by name (the Promise facade derives its methods from this record). */
export interface StreamFunctions {
  /** {@link depth} */
  readonly depth: typeof depth;
  /** {@link trades} */
  readonly trades: typeof trades;
  /** {@link bookTicker} */
  readonly bookTicker: typeof bookTicker;
  /** {@link ticker} */
  readonly ticker: typeof ticker;
  /** {@link kline} */
  readonly kline: typeof kline;
  /** {@link markPrice} */
  readonly markPrice: typeof markPrice;
  /** {@link openInterest} */
  readonly openInterest: typeof openInterest;
  /** {@link liquidations} */
  readonly liquidations: typeof liquidations;
  /** {@link orderUpdates} */
  readonly orderUpdates: typeof orderUpdates;
  /** {@link positionUpdates} */
  readonly positionUpdates: typeof positionUpdates;
}

/** The record of {@link StreamFunctions}. */
export const streamFunctions: StreamFunctions = {
  depth,
  trades,
  bookTicker,
  ticker,
  kline,
  markPrice,
  openInterest,
  liquidations,
  orderUpdates,
  positionUpdates,
};

/**
 * Stream names and payload decoding: which decoder a stream name uses, and the `DecodeError` a
 * malformed payload becomes (`endpoint` = `ws <stream>`, `body` = a truncated JSON excerpt).
 *
 * @module
 */
import * as Effect from "effect/Effect";
import { DecodeError, InvalidInputError } from "../error_classes.ts";
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

/** Every decoded stream event. */
export type StreamEvent =
  | DepthUpdate
  | TradeEvent
  | BookTickerEvent
  | TickerEvent
  | KlineEvent
  | MarkPriceEvent
  | OpenInterestEvent
  | LiquidationEvent
  | OrderUpdate
  | PositionUpdate;

const MAX_BODY = 500;

const excerpt = (data: unknown): string => {
  let text: string;
  try {
    text = JSON.stringify(data) ?? String(data);
  } catch {
    text = String(data);
  }
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…` : text;
};

/** Decodes the `data` of one frame of `stream`; a mismatch fails with a {@link DecodeError}. */
export const decodePayload = <A>(
  stream: string,
  decoder: WsPayloadDecoder<A>,
  data: unknown,
): Effect.Effect<A, DecodeError> =>
  decoder(data).pipe(
    Effect.mapError((issue) =>
      new DecodeError({ endpoint: `ws ${stream}`, issue, body: excerpt(data) })
    ),
  );

const DECODERS: ReadonlyArray<readonly [string, WsPayloadDecoder<StreamEvent>]> = [
  ["depth.", decodeDepthUpdate],
  ["trade.", decodeTrade],
  ["bookTicker.", decodeBookTicker],
  ["ticker.", decodeTicker],
  ["kline.", decodeKline],
  ["markPrice.", decodeMarkPrice],
  ["openInterest.", decodeOpenInterest],
  ["liquidation", decodeLiquidation],
  ["account.orderUpdate", decodeOrderUpdate],
  ["account.positionUpdate", decodePositionUpdate],
];

/**
 * The decoder of a stream name (`depth.200ms.SOL_USDC` → depth, `account.orderUpdate.SOL_USDC` →
 * order updates), or `undefined` for streams this SDK does not decode (e.g. `account.rfqUpdate`).
 */
export const decoderForStream = (stream: string): WsPayloadDecoder<StreamEvent> | undefined =>
  DECODERS.find(([prefix]) => stream === prefix || stream.startsWith(prefix))?.[1];

/** True for private streams (`account.*`), which need a signed subscription. */
export const isPrivateStream = (stream: string): boolean => stream.startsWith("account.");

const SYMBOL = /^[A-Za-z0-9._-]+$/;

const withSymbol = (name: string, symbol: string): string => {
  if (!SYMBOL.test(symbol)) {
    throw new InvalidInputError({
      field: "symbol",
      reason: "Malformed",
      detail: `${JSON.stringify(symbol)} is not a market symbol`,
    });
  }
  return `${name}.${symbol}`;
};

/**
 * Stream name builders. Throw `InvalidInputError` (`Malformed`) on a symbol with characters outside
 * `[A-Za-z0-9._-]` or a malformed k-line interval.
 */
export const streamNames: {
  /** `depth.<symbol>` (real time) or `depth.<200ms|600ms|1000ms>.<symbol>` (aggregated). */
  readonly depth: (symbol: string, aggregation?: "200ms" | "600ms" | "1000ms") => string;
  /** `trade.<symbol>`. */
  readonly trades: (symbol: string) => string;
  /** `bookTicker.<symbol>`. */
  readonly bookTicker: (symbol: string) => string;
  /** `ticker.<symbol>`. */
  readonly ticker: (symbol: string) => string;
  /** `kline.<interval>.<symbol>`. */
  readonly kline: (symbol: string, interval: string) => string;
  /** `markPrice.<symbol>`. */
  readonly markPrice: (symbol: string) => string;
  /** `openInterest.<symbol>`. */
  readonly openInterest: (symbol: string) => string;
  /** `liquidation` (all markets). */
  readonly liquidation: () => string;
  /** `account.orderUpdate` or `account.orderUpdate.<symbol>`. */
  readonly orderUpdates: (symbol?: string) => string;
  /** `account.positionUpdate` or `account.positionUpdate.<symbol>`. */
  readonly positionUpdates: (symbol?: string) => string;
} = {
  depth: (symbol, aggregation) =>
    withSymbol(aggregation === undefined ? "depth" : `depth.${aggregation}`, symbol),
  trades: (symbol) => withSymbol("trade", symbol),
  bookTicker: (symbol) => withSymbol("bookTicker", symbol),
  ticker: (symbol) => withSymbol("ticker", symbol),
  kline: (symbol, interval) => {
    if (!/^[0-9]+[a-z]+$/.test(interval)) {
      throw new InvalidInputError({
        field: "interval",
        reason: "Malformed",
        detail: `${JSON.stringify(interval)} is not a k-line interval (e.g. 1m, 1h, 1d)`,
      });
    }
    return withSymbol(`kline.${interval}`, symbol);
  },
  markPrice: (symbol) => withSymbol("markPrice", symbol),
  openInterest: (symbol) => withSymbol("openInterest", symbol),
  liquidation: () => "liquidation",
  orderUpdates: (symbol) =>
    symbol === undefined ? "account.orderUpdate" : withSymbol("account.orderUpdate", symbol),
  positionUpdates: (symbol) =>
    symbol === undefined ? "account.positionUpdate" : withSymbol("account.positionUpdate", symbol),
};

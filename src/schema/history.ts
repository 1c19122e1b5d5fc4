/**
 * History models (`/wapi/v1/history/*`): fills, orders, funding payments, settlements, positions,
 * dust conversions. Times in these rows are naive UTC date-times, decoded to `Date`. Enum-like
 * fields keep values this SDK does not know yet.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString, NaiveUtcDate, NumberOrString } from "./common.ts";
import {
  OptionalBoolean,
  OptionalDate,
  OptionalDecimal,
  OptionalId,
  OptionalNumber,
  OptionalString,
} from "./optional.ts";

/** An open string union: the documented values, plus any other string. */
export type Open<T extends string> = T | (string & Record<never, never>);

/** Order side. */
export type Side = Open<"Bid" | "Ask">;

/** System order types (liquidations, conversions...). */
export type SystemOrderType = Open<
  | "CollateralConversion"
  | "FutureExpiry"
  | "LiquidatePositionOnAdl"
  | "LiquidatePositionOnBook"
  | "LiquidatePositionOnBackstop"
  | "OrderBookClosed"
>;

/** One of your fills (`GET /wapi/v1/history/fills`). */
export interface Fill {
  /** Trade id (int64 as digits), absent for some system fills. */
  readonly tradeId?: string | null | undefined;
  /** Order id. */
  readonly orderId: string;
  /** Order client id (a string here, unlike order objects). */
  readonly clientId?: string | null | undefined;
  /** Market symbol. */
  readonly symbol: string;
  /** Side. */
  readonly side: Side;
  /** Fill price. */
  readonly price: Decimal;
  /** Filled base quantity. */
  readonly quantity: Decimal;
  /** Fee paid (in `feeSymbol`). */
  readonly fee: Decimal;
  /** Asset the fee was paid in. */
  readonly feeSymbol: string;
  /** Whether the fill was on the maker side. */
  readonly isMaker: boolean;
  /** When it filled (UTC). */
  readonly timestamp: Date;
  /** Set for system fills (liquidation, ADL, collateral conversion). */
  readonly systemOrderType?: SystemOrderType | null | undefined;
}

/** Schema of {@link Fill}. */
export const Fill: Schema.Decoder<Fill> = Schema.Struct({
  tradeId: OptionalId,
  orderId: IdString,
  clientId: OptionalId,
  symbol: Schema.String,
  side: Schema.String,
  price: DecimalFromString,
  quantity: DecimalFromString,
  fee: DecimalFromString,
  feeSymbol: Schema.String,
  isMaker: Schema.Boolean,
  timestamp: NaiveUtcDate,
  systemOrderType: OptionalString,
});

/** A past or present order (`GET /wapi/v1/history/orders`); `createdAt` is a naive UTC time here. */
export interface OrderHistoryEntry {
  /** Order id. */
  readonly id: string;
  /** Your client id (uint32). */
  readonly clientId?: number | null | undefined;
  /** Market symbol. */
  readonly symbol: string;
  /** Side. */
  readonly side: Side;
  /** `Limit` or `Market`. */
  readonly orderType: Open<"Limit" | "Market">;
  /** Status (`New`, `Filled`, `Cancelled`, `Expired`...). */
  readonly status: string;
  /** Time in force. */
  readonly timeInForce: string;
  /** Self-trade prevention mode. */
  readonly selfTradePrevention: string;
  /** When it was created (UTC). */
  readonly createdAt: Date;
  /** Limit price. */
  readonly price?: Decimal | null | undefined;
  /** Base quantity. */
  readonly quantity?: Decimal | null | undefined;
  /** Quote quantity. */
  readonly quoteQuantity?: Decimal | null | undefined;
  /** Filled base quantity. */
  readonly executedQuantity?: Decimal | null | undefined;
  /** Filled quote quantity. */
  readonly executedQuoteQuantity?: Decimal | null | undefined;
  /** Why it expired (`PostOnlyTaker`, `InsufficientFunds`...). */
  readonly expiryReason?: string | null | undefined;
  /** Post-only flag. */
  readonly postOnly?: boolean | null | undefined;
  /** Trigger price (text: may be absent). */
  readonly triggerPrice?: string | null | undefined;
  /** Trigger quantity (absolute or a percentage such as `50%`). */
  readonly triggerQuantity?: string | null | undefined;
  /** Trigger reference price. */
  readonly triggerBy?: string | null | undefined;
  /** Attached stop-loss trigger price. */
  readonly stopLossTriggerPrice?: string | null | undefined;
  /** Attached stop-loss limit price. */
  readonly stopLossLimitPrice?: Decimal | null | undefined;
  /** Attached stop-loss trigger reference. */
  readonly stopLossTriggerBy?: string | null | undefined;
  /** Attached take-profit trigger price. */
  readonly takeProfitTriggerPrice?: string | null | undefined;
  /** Attached take-profit limit price. */
  readonly takeProfitLimitPrice?: Decimal | null | undefined;
  /** Attached take-profit trigger reference. */
  readonly takeProfitTriggerBy?: string | null | undefined;
  /** System order type, for system orders. */
  readonly systemOrderType?: SystemOrderType | null | undefined;
  /** Strategy that placed it. */
  readonly strategyId?: string | null | undefined;
  /** Slippage tolerance. */
  readonly slippageTolerance?: Decimal | null | undefined;
  /** `TickSize` or `Percent`. */
  readonly slippageToleranceType?: string | null | undefined;
}

/** Schema of {@link OrderHistoryEntry}. */
export const OrderHistoryEntry: Schema.Decoder<OrderHistoryEntry> = Schema.Struct({
  id: IdString,
  clientId: OptionalNumber,
  symbol: Schema.String,
  side: Schema.String,
  orderType: Schema.String,
  status: Schema.String,
  timeInForce: Schema.String,
  selfTradePrevention: Schema.String,
  createdAt: NaiveUtcDate,
  price: OptionalDecimal,
  quantity: OptionalDecimal,
  quoteQuantity: OptionalDecimal,
  executedQuantity: OptionalDecimal,
  executedQuoteQuantity: OptionalDecimal,
  expiryReason: OptionalString,
  postOnly: OptionalBoolean,
  triggerPrice: OptionalString,
  triggerQuantity: OptionalString,
  triggerBy: OptionalString,
  stopLossTriggerPrice: OptionalString,
  stopLossLimitPrice: OptionalDecimal,
  stopLossTriggerBy: OptionalString,
  takeProfitTriggerPrice: OptionalString,
  takeProfitLimitPrice: OptionalDecimal,
  takeProfitTriggerBy: OptionalString,
  systemOrderType: OptionalString,
  strategyId: OptionalId,
  slippageTolerance: OptionalDecimal,
  slippageToleranceType: OptionalString,
});

/** A funding payment (`GET /wapi/v1/history/funding`): `quantity` > 0 received, < 0 paid. */
export interface FundingPayment {
  /** User id. */
  readonly userId: number;
  /** Subaccount id. */
  readonly subaccountId?: number | null | undefined;
  /** Perp symbol. */
  readonly symbol: string;
  /** Signed amount in the quote asset. */
  readonly quantity: Decimal;
  /** End of the funding interval (UTC). */
  readonly intervalEndTimestamp: Date;
  /** Funding rate of the interval (a fraction). */
  readonly fundingRate: Decimal;
}

/** Schema of {@link FundingPayment}. */
export const FundingPayment: Schema.Decoder<FundingPayment> = Schema.Struct({
  userId: NumberOrString,
  subaccountId: OptionalNumber,
  symbol: Schema.String,
  quantity: DecimalFromString,
  intervalEndTimestamp: NaiveUtcDate,
  fundingRate: DecimalFromString,
});

/** Settlement sources. */
export type SettlementSource = Open<
  | "BackstopLiquidation"
  | "CulledBorrowInterest"
  | "CulledRealizePnl"
  | "CulledRealizePnlBookUtilization"
  | "FundingPayment"
  | "RealizePnl"
  | "TradingFees"
  | "TradingFeesSystem"
>;

/** A settlement (ledger-like entry: realized PnL, funding, fees). */
export interface Settlement {
  /** Signed amount. */
  readonly quantity: Decimal;
  /** Why it was settled. */
  readonly source: SettlementSource;
  /** User id. */
  readonly userId: number;
  /** Subaccount id. */
  readonly subaccountId?: number | null | undefined;
  /** When (UTC). */
  readonly timestamp: Date;
  /** Position it relates to. */
  readonly positionId?: string | null | undefined;
  /** Engine sequence number. */
  readonly engineSequence?: number | null | undefined;
}

/** Schema of {@link Settlement}. */
export const Settlement: Schema.Decoder<Settlement> = Schema.Struct({
  quantity: DecimalFromString,
  source: Schema.String,
  userId: NumberOrString,
  subaccountId: OptionalNumber,
  timestamp: NaiveUtcDate,
  positionId: OptionalId,
  engineSequence: OptionalNumber,
});

/** A futures position, open or closed (`GET /wapi/v1/history/position`). */
export interface PositionHistoryEntry {
  /** Position id. */
  readonly id: string;
  /** Symbol. */
  readonly symbol: string;
  /** `Open` or `Closed`. */
  readonly state: Open<"Open" | "Closed">;
  /** Signed size (> 0 long). */
  readonly netQuantity: Decimal;
  /** Size including open orders. */
  readonly netExposureQuantity: Decimal;
  /** Notional including open orders. */
  readonly netExposureNotional: Decimal;
  /** Signed cost basis. */
  readonly netCost: Decimal;
  /** Mark price. */
  readonly markPrice: Decimal;
  /** Entry price. */
  readonly entryPrice: Decimal;
  /** Realized PnL so far. */
  readonly cumulativePnlRealized: Decimal;
  /** Unrealized PnL. */
  readonly unrealizedPnl: Decimal;
  /** Funding paid/received. */
  readonly fundingQuantity: Decimal;
  /** Interest. */
  readonly interest: Decimal;
  /** Liquidated quantity. */
  readonly liquidated: Decimal;
  /** Initial margin fraction. */
  readonly imf: Decimal;
  /** Fees paid. */
  readonly fees: Decimal;
  /** Volume closed. */
  readonly closedVolume: Decimal;
  /** Liquidation fees. */
  readonly liquidationFees: Decimal;
  /** Average closing price. */
  readonly closingPrice?: Decimal | null | undefined;
  /** Account leverage when opened. */
  readonly accountLeverage?: Decimal | null | undefined;
  /** When opened (UTC). */
  readonly openedAt?: Date | null | undefined;
  /** When closed (UTC). */
  readonly closedAt?: Date | null | undefined;
}

/** Schema of {@link PositionHistoryEntry}. */
export const PositionHistoryEntry: Schema.Decoder<PositionHistoryEntry> = Schema.Struct({
  id: IdString,
  symbol: Schema.String,
  state: Schema.String,
  netQuantity: DecimalFromString,
  netExposureQuantity: DecimalFromString,
  netExposureNotional: DecimalFromString,
  netCost: DecimalFromString,
  markPrice: DecimalFromString,
  entryPrice: DecimalFromString,
  cumulativePnlRealized: DecimalFromString,
  unrealizedPnl: DecimalFromString,
  fundingQuantity: DecimalFromString,
  interest: DecimalFromString,
  liquidated: DecimalFromString,
  imf: DecimalFromString,
  fees: DecimalFromString,
  closedVolume: DecimalFromString,
  liquidationFees: DecimalFromString,
  closingPrice: OptionalDecimal,
  accountLeverage: OptionalDecimal,
  openedAt: OptionalDate,
  closedAt: OptionalDate,
});

/** A dust conversion to USDC (`GET /wapi/v1/history/dust`). */
export interface DustConversion {
  /** Conversion id. */
  readonly id: string;
  /** Asset converted. */
  readonly symbol: string;
  /** Quantity converted. */
  readonly quantity: Decimal;
  /** USDC received. */
  readonly usdcReceived: Decimal;
  /** When (UTC). */
  readonly timestamp: Date;
}

/** Schema of {@link DustConversion}. */
export const DustConversion: Schema.Decoder<DustConversion> = Schema.Struct({
  id: IdString,
  symbol: Schema.String,
  quantity: DecimalFromString,
  usdcReceived: DecimalFromString,
  timestamp: NaiveUtcDate,
});

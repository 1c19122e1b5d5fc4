/**
 * Position model: `GET /api/v1/position` (`positionQuery`), open futures positions.
 *
 * Backpack futures are one-way (netting): one position per symbol, whose direction is the sign of
 * `netQuantity` (> 0 long, < 0 short). There is no side, leverage, margin mode or `positionSide`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { MarginFunction } from "./market.ts";
import { IdString, NumberOrString } from "./common.ts";
import { OptionalDecimal, OptionalNumber } from "./optional.ts";

/** An open futures position with its margin requirements. */
export interface Position {
  /** Market symbol, e.g. `SOL_USDC_PERP`. */
  readonly symbol: string;
  /** Position id (digits; keep it a string). */
  readonly positionId: string;
  /** Owner user id. */
  readonly userId: number;
  /** Subaccount id, when the position belongs to one. */
  readonly subaccountId?: number | null | undefined;
  /** Signed size: > 0 long, < 0 short. */
  readonly netQuantity: Decimal;
  /** Size including the worst case of open orders. */
  readonly netExposureQuantity: Decimal;
  /** Notional of {@link Position.netExposureQuantity}. */
  readonly netExposureNotional: Decimal;
  /** Signed cost basis. */
  readonly netCost: Decimal;
  /** Average entry price. */
  readonly entryPrice: Decimal;
  /** Price at which the position breaks even after fees and funding. */
  readonly breakEvenPrice: Decimal;
  /** Current mark price. */
  readonly markPrice: Decimal;
  /** Estimated liquidation price; `0` can mean "not computed" (query with `symbol` to get it). */
  readonly estLiquidationPrice: Decimal;
  /** Realized PnL. */
  readonly pnlRealized: Decimal;
  /** Unrealized PnL at the mark price. */
  readonly pnlUnrealized: Decimal;
  /** Funding paid (−) or received (+) over the position's life. */
  readonly cumulativeFundingPayment: Decimal;
  /** Interest (being removed by Backpack; may be absent). */
  readonly cumulativeInterest?: Decimal | null | undefined;
  /** Current initial margin fraction. */
  readonly imf: Decimal;
  /** Current maintenance margin fraction. */
  readonly mmf: Decimal;
  /** Initial margin fraction as a function of size. */
  readonly imfFunction: MarginFunction;
  /** Maintenance margin fraction as a function of size. */
  readonly mmfFunction: MarginFunction;
}

/** Schema of {@link Position}. */
export const Position: Schema.Decoder<Position> = Schema.Struct({
  symbol: Schema.String,
  positionId: IdString,
  userId: NumberOrString,
  subaccountId: OptionalNumber,
  netQuantity: DecimalFromString,
  netExposureQuantity: DecimalFromString,
  netExposureNotional: DecimalFromString,
  netCost: DecimalFromString,
  entryPrice: DecimalFromString,
  breakEvenPrice: DecimalFromString,
  markPrice: DecimalFromString,
  estLiquidationPrice: DecimalFromString,
  pnlRealized: DecimalFromString,
  pnlUnrealized: DecimalFromString,
  cumulativeFundingPayment: DecimalFromString,
  cumulativeInterest: OptionalDecimal,
  imf: DecimalFromString,
  mmf: DecimalFromString,
  imfFunction: MarginFunction,
  mmfFunction: MarginFunction,
});

/** Schema of the `GET /api/v1/position` answer. */
export const Positions: Schema.Decoder<ReadonlyArray<Position>> = Schema.Array(Position);

/**
 * One-way (netting) perp position arithmetic: weighted entry price, realized PnL on reduce and
 * flip, unrealized PnL against mark, break-even and liquidation estimates.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d, min, ZERO } from "./num.ts";
import type { PositionEventKind } from "./event_types.ts";
import type { Side } from "./order_types.ts";

/** The result of applying a fill to a position. */
export interface PositionChange {
  readonly realizedPnl: Decimal;
  readonly kind: PositionEventKind;
}

/** Mutable state of one position. */
export class Position {
  netQuantity: Decimal = ZERO;
  entryPrice: Decimal = ZERO;
  /** Realized PnL since the position was opened. */
  pnlRealized: Decimal = ZERO;
  /** Trading fees paid since the position was opened. */
  fees: Decimal = ZERO;
  /** Funding received (+) / paid (−) since the position was opened. */
  cumulativeFunding: Decimal = ZERO;
  /** Base quantity closed since the position was opened. */
  closedVolume: Decimal = ZERO;
  /** Base quantity closed by liquidation. */
  liquidated: Decimal = ZERO;

  /** @param openedAt Unix ms of the first fill. */
  constructor(
    readonly symbol: string,
    readonly positionId: string,
    readonly openedAt: number,
  ) {}

  /** Applies a fill of `quantity` at `price` on `side`. */
  apply(side: Side, quantity: Decimal, price: Decimal): PositionChange {
    const signed = side === "Bid" ? quantity : quantity.neg();
    const n = this.netQuantity;
    const next = n.plus(signed);
    if (n.isZero() || n.isPositive() === signed.isPositive()) {
      this.entryPrice = n.abs().mul(this.entryPrice).plus(quantity.mul(price)).div(next.abs());
      this.netQuantity = next;
      return { realizedPnl: ZERO, kind: n.isZero() ? "positionOpened" : "positionAdjusted" };
    }
    const closed = min(quantity, n.abs());
    const direction = n.isPositive() ? 1 : -1;
    const realizedPnl = closed.mul(price.minus(this.entryPrice)).mul(direction);
    this.closedVolume = this.closedVolume.plus(closed);
    this.pnlRealized = this.pnlRealized.plus(realizedPnl);
    this.netQuantity = next;
    if (next.isZero()) return { realizedPnl, kind: "positionClosed" };
    if (next.isPositive() !== n.isPositive()) {
      this.entryPrice = price;
      this.fees = ZERO;
      this.cumulativeFunding = ZERO;
    }
    return { realizedPnl, kind: "positionAdjusted" };
  }

  /** Signed cost basis: `netQuantity × entryPrice`. */
  get netCost(): Decimal {
    return this.netQuantity.mul(this.entryPrice);
  }

  /** `netQuantity × (mark − entry)`. */
  unrealized(mark: Decimal): Decimal {
    return this.netQuantity.mul(mark.minus(this.entryPrice));
  }

  /** Price at which closing the position returns fees and funding paid. */
  get breakEvenPrice(): Decimal {
    if (this.netQuantity.isZero()) return ZERO;
    return this.entryPrice.plus(this.fees.minus(this.cumulativeFunding).div(this.netQuantity));
  }
}

/**
 * Mark price at which `equity + q·(P − mark) = |q|·P·mmf`, given the account equity that backs
 * this position (`equity`, other positions' maintenance already subtracted). `0` when no
 * positive price liquidates the position.
 */
export const liquidationPrice = (
  netQuantity: Decimal,
  mark: Decimal,
  equity: Decimal,
  mmf: Decimal,
): Decimal => {
  if (netQuantity.isZero()) return ZERO;
  const q = netQuantity;
  const denominator = q.minus(q.abs().mul(mmf));
  if (denominator.isZero()) return ZERO;
  const price = q.mul(mark).minus(equity).div(denominator);
  return price.isPositive() ? price : d(0);
};

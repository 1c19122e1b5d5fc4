/**
 * Net (one-way) positions per symbol. Backpack nets every fill of a market into one signed
 * position, so the connector does too: {@link applyFill} moves a position by one fill locally (Decimal
 * arithmetic: size, average entry, realized PnL), so the state is current right after a fill; the
 * exchange's own numbers (`account.positionUpdate` frames, `GET /api/v1/position`) then replace it.
 * The liquidation estimate only comes from REST (the stream's `l` is a deprecated constant 0), the
 * mark price also from the `markPrice` stream. Unrealized PnL is `(mark − entry) × net`.
 *
 * @module
 */
import { Decimal } from "../decimal.ts";
import type { Position } from "../schema/position.ts";
import type { PositionUpdate } from "../schema/ws_account.ts";
import type { OrderSide } from "../schema/order.ts";
import type { PositionState } from "./account_types.ts";

const ZERO = new Decimal(0);

/** A flat position of `symbol`. */
export const flat = (symbol: string, now: Date): PositionState => ({
  symbol,
  netQuantity: ZERO,
  entryPrice: ZERO,
  breakEvenPrice: ZERO,
  markPrice: ZERO,
  unrealizedPnl: ZERO,
  realizedPnl: ZERO,
  liquidationPrice: undefined,
  fundingPaid: ZERO,
  updatedAt: now,
});

const unrealized = (net: Decimal, entry: Decimal, mark: Decimal): Decimal =>
  mark.isZero() || net.isZero() ? ZERO : mark.minus(entry).times(net);

/**
 * `position` after one fill of `quantity` at `price` on `side`: adding keeps a size-weighted entry;
 * reducing realizes `closed × (price − entry) × sign(net)`; crossing zero re-enters at `price`.
 */
export const applyFill = (
  position: PositionState,
  fill: { readonly side: OrderSide; readonly quantity: Decimal; readonly price: Decimal },
  now: Date,
): PositionState => {
  const net = position.netQuantity;
  const signed = fill.side === "Bid" ? fill.quantity : fill.quantity.negated();
  const next = net.plus(signed);
  let entry = position.entryPrice;
  let realized = position.realizedPnl;
  if (net.isZero() || net.isNegative() === signed.isNegative()) {
    entry = next.isZero()
      ? ZERO
      : net.abs().times(entry).plus(fill.quantity.times(fill.price)).div(next.abs());
  } else {
    const closed = Decimal.min(fill.quantity, net.abs());
    const direction = net.isNegative() ? -1 : 1;
    realized = realized.plus(closed.times(fill.price.minus(entry)).times(direction));
    if (next.isZero()) entry = ZERO;
    else if (next.isNegative() !== net.isNegative()) entry = fill.price;
  }
  return {
    ...position,
    netQuantity: next,
    entryPrice: entry,
    realizedPnl: realized,
    liquidationPrice: next.isZero() ? undefined : position.liquidationPrice,
    unrealizedPnl: unrealized(next, entry, position.markPrice),
    updatedAt: now,
  };
};

/** `position` with the numbers of a position stream frame. */
export const applyUpdate = (
  position: PositionState,
  update: PositionUpdate,
  now: Date,
): PositionState => ({
  ...position,
  netQuantity: update.netQuantity,
  entryPrice: update.netQuantity.isZero() ? ZERO : update.entryPrice,
  breakEvenPrice: update.breakEvenPrice,
  markPrice: update.markPrice,
  unrealizedPnl: unrealized(update.netQuantity, update.entryPrice, update.markPrice),
  realizedPnl: update.realizedPnl,
  liquidationPrice: update.netQuantity.isZero() ? undefined : position.liquidationPrice,
  updatedAt: now,
});

/** `position` with the numbers of a REST position (`undefined`: the market is flat). */
export const applyRest = (
  position: PositionState,
  rest: Position | undefined,
  now: Date,
): PositionState =>
  rest === undefined
    ? {
      ...position,
      netQuantity: ZERO,
      entryPrice: ZERO,
      unrealizedPnl: ZERO,
      liquidationPrice: undefined,
      updatedAt: now,
    }
    : {
      ...position,
      netQuantity: rest.netQuantity,
      entryPrice: rest.entryPrice,
      breakEvenPrice: rest.breakEvenPrice,
      markPrice: rest.markPrice,
      unrealizedPnl: unrealized(rest.netQuantity, rest.entryPrice, rest.markPrice),
      realizedPnl: rest.pnlRealized,
      liquidationPrice: rest.estLiquidationPrice.isZero() ? undefined : rest.estLiquidationPrice,
      updatedAt: now,
    };

/** `position` at a new mark price. */
export const applyMark = (position: PositionState, mark: Decimal, now: Date): PositionState => ({
  ...position,
  markPrice: mark,
  unrealizedPnl: unrealized(position.netQuantity, position.entryPrice, mark),
  updatedAt: now,
});

/**
 * True when the fields a strategy acts on differ: size, entry, realized PnL, funding, liquidation
 * estimate. A mark price move alone updates the state without an event (it happens every tick).
 */
export const positionChanged = (a: PositionState, b: PositionState): boolean =>
  !a.netQuantity.eq(b.netQuantity) || !a.entryPrice.eq(b.entryPrice) ||
  !a.realizedPnl.eq(b.realizedPnl) ||
  !a.fundingPaid.eq(b.fundingPaid) ||
  (a.liquidationPrice?.toString() ?? "") !== (b.liquidationPrice?.toString() ?? "");

/** Positions by symbol; every change goes through {@link PositionBook.set}. */
export class PositionBook {
  readonly #positions = new Map<string, PositionState>();

  /** The position of `symbol` (flat when none). */
  get(symbol: string, now: Date): PositionState {
    return this.#positions.get(symbol) ?? flat(symbol, now);
  }

  /** Stores `next`; answers it when it differs from the previous state, else undefined. */
  set(next: PositionState): PositionState | undefined {
    const previous = this.#positions.get(next.symbol);
    this.#positions.set(next.symbol, next);
    return previous === undefined
      ? (next.netQuantity.isZero() && next.fundingPaid.isZero() ? undefined : next)
      : positionChanged(previous, next)
      ? next
      : undefined;
  }

  /** Symbols with a known position state. */
  symbols(): ReadonlyArray<string> {
    return [...this.#positions.keys()];
  }

  /** Every non-flat position. */
  open(): ReadonlyArray<PositionState> {
    return [...this.#positions.values()].filter((p) => !p.netQuantity.isZero());
  }
}

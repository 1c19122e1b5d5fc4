/**
 * The event stream of the exchange simulator's engine: every depth, trade, ticker, mark-price,
 * order, position, funding, liquidation and open-interest event it emits, and the listener type.
 *
 * @module
 */
import type { SimPosition } from "./account_types.ts";
import type { SimLevel, SimTicker } from "./market_data_types.ts";
import type { ExpiryReason, Side, SimFillDetail, SimOrder } from "./order_types.ts";

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

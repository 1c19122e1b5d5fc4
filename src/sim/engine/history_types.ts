/**
 * Account history of the exchange simulator's engine: the filter of the history queries and the
 * ledger rows they return (settlements, position records, funding payments). Plain JSON-safe data
 * (convention: `exchange_api.ts`).
 *
 * @module
 */

/** Sort direction of history queries (default `Desc`, newest first). */
export type SortDirection = "Asc" | "Desc";

/** Filter of the account history queries (`limit` default 100, `offset` default 0). */
export interface SimHistoryFilter {
  /** Only this market. */
  readonly symbol?: string;
  /** Only this order. */
  readonly orderId?: string;
  /** Unix ms, inclusive. */
  readonly from?: number;
  /** Unix ms, inclusive. */
  readonly to?: number;
  /** Rows per page (default 100). */
  readonly limit?: number;
  /** Rows to skip. */
  readonly offset?: number;
  /** `Desc` (default, newest first) or `Asc`. */
  readonly sortDirection?: SortDirection;
}

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
  /** `id`, as the Backpack object of the same name carries it. */
  readonly id: string;
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `state`, as the Backpack object of the same name carries it. */
  readonly state: "Open" | "Closed";
  /** `netQuantity`, as the Backpack object of the same name carries it. */
  readonly netQuantity: string;
  /** `netCost`, as the Backpack object of the same name carries it. */
  readonly netCost: string;
  /** `entryPrice`, as the Backpack object of the same name carries it. */
  readonly entryPrice: string;
  /** `markPrice`, as the Backpack object of the same name carries it. */
  readonly markPrice: string;
  /** `cumulativePnlRealized`, as the Backpack object of the same name carries it. */
  readonly cumulativePnlRealized: string;
  /** `unrealizedPnl`, as the Backpack object of the same name carries it. */
  readonly unrealizedPnl: string;
  /** `fundingQuantity`, as the Backpack object of the same name carries it. */
  readonly fundingQuantity: string;
  /** `fees`, as the Backpack object of the same name carries it. */
  readonly fees: string;
  /** Base quantity closed by liquidations. */
  readonly liquidated: string;
  /** `liquidationFees`, as the Backpack object of the same name carries it. */
  readonly liquidationFees: string;
  /** Base quantity closed over the position's life. */
  readonly closedVolume: string;
  /** `imf`, as the Backpack object of the same name carries it. */
  readonly imf: string;
  /** `closingPrice`, as the Backpack object of the same name carries it. */
  readonly closingPrice: string | null;
  /** Unix ms. */
  readonly openedAt: number;
  /** Unix ms, `null` while open. */
  readonly closedAt: number | null;
}

/** One funding payment of the account (+ received, − paid). */
export interface SimFundingPayment {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity: string;
  /** `fundingRate`, as the Backpack object of the same name carries it. */
  readonly fundingRate: string;
  /** Unix ms of the interval end. */
  readonly intervalEndTimestamp: number;
}

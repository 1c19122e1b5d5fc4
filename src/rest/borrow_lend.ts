/**
 * Borrow/lend endpoints (signed): open positions, borrow/lend/repay/redeem, and their history.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import type { DecimalInput } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import {
  BorrowLendMovement,
  BorrowLendPosition,
  BorrowPositionHistoryEntry,
  InterestPayment,
} from "../schema/borrow_lend.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import { pagedCall } from "./paginate.ts";
import {
  decimalInput,
  guarded,
  type HistoryParams,
  oneOf,
  optionalText,
  requiredText,
} from "./validate.ts";

/**
 * Your open borrow/lend positions (`netQuantity` > 0 lent, < 0 borrowed).
 * `GET /api/v1/borrowLend/positions`, instruction `borrowLendPositionQuery`.
 */
export const getBorrowLendPositions = (): Effect.Effect<
  ReadonlyArray<BorrowLendPosition>,
  BackpackError,
  BackpackHttp
> =>
  signedCall({
    method: "GET",
    path: "/api/v1/borrowLend/positions",
    instruction: "borrowLendPositionQuery",
    schema: Schema.Array(BorrowLendPosition),
  });

/** Parameters of {@link executeBorrowLend}. */
export interface ExecuteBorrowLendParams {
  /** Asset symbol, e.g. `USDC`. */
  readonly symbol: string;
  /** `Borrow` (repay with `Lend`) or `Lend` (redeem with `Borrow`). */
  readonly side: "Borrow" | "Lend";
  /** Quantity, as a decimal string or `Decimal`. */
  readonly quantity: DecimalInput;
}

/**
 * Borrows, lends, repays or redeems. `POST /api/v1/borrowLend`, instruction `borrowLendExecute`.
 * Succeeds with no value (the server answers an empty 200).
 */
export const executeBorrowLend = (
  params: ExecuteBorrowLendParams,
): Effect.Effect<void, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("symbol", params.symbol),
    params.side === undefined
      ? requiredText("side", params.side)
      : oneOf("side", params.side, ["Borrow", "Lend"]),
    decimalInput("quantity", params.quantity, { required: true, positive: true }),
  ], () =>
    Effect.asVoid(signedCall({
      method: "POST",
      path: "/api/v1/borrowLend",
      body: { symbol: params.symbol, side: params.side, quantity: params.quantity },
      instruction: "borrowLendExecute",
      schema: Schema.Unknown,
    })));

/** Parameters of {@link getBorrowLendHistory}. */
export interface GetBorrowLendHistoryParams extends HistoryParams {
  /** Kind of movement. */
  readonly type?: "Borrow" | "BorrowRepay" | "Lend" | "LendRedeem";
  /** Comma-separated sources (e.g. `AutoBorrow,Manual`). */
  readonly sources?: string;
  /** Position id. */
  readonly positionId?: string;
  /** Asset symbol. */
  readonly symbol?: string;
}

/**
 * Borrow/lend movements. `GET /wapi/v1/history/borrowLend`, instruction `borrowHistoryQueryAll`.
 */
export const getBorrowLendHistory = (
  params: GetBorrowLendHistoryParams = {},
): Effect.Effect<ReadonlyArray<BorrowLendMovement>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/borrowLend",
      instruction: "borrowHistoryQueryAll",
      row: BorrowLendMovement,
    },
    params,
    () => [
      oneOf("type", params.type, ["Borrow", "BorrowRepay", "Lend", "LendRedeem"]),
      optionalText("sources", params.sources),
      optionalText("symbol", params.symbol),
    ],
  );

/** Parameters of {@link getInterestHistory}. */
export interface GetInterestHistoryParams extends HistoryParams {
  /** Asset symbol. */
  readonly asset?: string;
  /** Market symbol. */
  readonly symbol?: string;
  /** Position id. */
  readonly positionId?: string;
  /** `BorrowLend` interest, or interest on negative `UnrealizedPnl`. */
  readonly source?: "UnrealizedPnl" | "BorrowLend";
}

/** Interest payments. `GET /wapi/v1/history/interest`, instruction `interestHistoryQueryAll`. */
export const getInterestHistory = (
  params: GetInterestHistoryParams = {},
): Effect.Effect<ReadonlyArray<InterestPayment>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/interest",
      instruction: "interestHistoryQueryAll",
      row: InterestPayment,
    },
    params,
    () => [
      oneOf("source", params.source, ["UnrealizedPnl", "BorrowLend"]),
      optionalText("asset", params.asset),
      optionalText("symbol", params.symbol),
    ],
  );

/** Parameters of {@link getBorrowPositionHistory}. */
export interface GetBorrowPositionHistoryParams extends HistoryParams {
  /** Asset symbol. */
  readonly symbol?: string;
  /** `Borrow` or `Lend`. */
  readonly side?: "Borrow" | "Lend";
  /** `Open` or `Closed`. */
  readonly state?: "Open" | "Closed";
}

/**
 * Past and present borrow/lend positions. `GET /wapi/v1/history/borrowLend/positions`, instruction
 * `borrowPositionHistoryQueryAll`.
 */
export const getBorrowPositionHistory = (
  params: GetBorrowPositionHistoryParams = {},
): Effect.Effect<ReadonlyArray<BorrowPositionHistoryEntry>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/borrowLend/positions",
      instruction: "borrowPositionHistoryQueryAll",
      row: BorrowPositionHistoryEntry,
    },
    params,
    () => [
      oneOf("side", params.side, ["Borrow", "Lend"]),
      oneOf("state", params.state, ["Open", "Closed"]),
      optionalText("symbol", params.symbol),
    ],
  );

/** The borrow/lend endpoints, by name (the Promise facade exposes each as a method). */
export interface BorrowLendEndpoints {
  /** {@link getBorrowLendPositions} */
  readonly getBorrowLendPositions: typeof getBorrowLendPositions;
  /** {@link executeBorrowLend} */
  readonly executeBorrowLend: typeof executeBorrowLend;
  /** {@link getBorrowLendHistory} */
  readonly getBorrowLendHistory: typeof getBorrowLendHistory;
  /** {@link getInterestHistory} */
  readonly getInterestHistory: typeof getInterestHistory;
  /** {@link getBorrowPositionHistory} */
  readonly getBorrowPositionHistory: typeof getBorrowPositionHistory;
}

/** The borrow/lend endpoints, by name. */
export const borrowLendEndpoints: BorrowLendEndpoints = {
  getBorrowLendPositions,
  executeBorrowLend,
  getBorrowLendHistory,
  getInterestHistory,
  getBorrowPositionHistory,
};

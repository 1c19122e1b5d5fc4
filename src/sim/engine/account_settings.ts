/**
 * The account settings view (`GET /api/v1/account`) and its update (`PATCH`).
 *
 * @module
 */
import type { Account } from "./accounts.ts";
import { Errors } from "./errors.ts";
import { d, str } from "./num.ts";
import type { SimAccountPatch, SimAccountSettings } from "./account_types.ts";

/** The settings of `account`, with its open limit and trigger order counts. */
export const accountSettings = (account: Account): SimAccountSettings => {
  const maker = str(account.makerFee.mul(10_000));
  const taker = str(account.takerFee.mul(10_000));
  let limitOrders = 0;
  let triggerOrders = 0;
  for (const order of account.openOrders.values()) {
    if (order.status === "TriggerPending") triggerOrders++;
    else limitOrders++;
  }
  return {
    autoBorrowSettlements: account.autoBorrowSettlements,
    autoLend: account.autoLend,
    autoRealizePnl: true,
    autoRepayBorrows: account.autoRepayBorrows,
    borrowLimit: "0",
    positionLimit: "0",
    leverageLimit: str(account.leverageLimit),
    futuresMakerFee: maker,
    futuresTakerFee: taker,
    spotMakerFee: maker,
    spotTakerFee: taker,
    limitOrders,
    triggerOrders,
    liquidating: false,
  };
};

/** Applies `patch`; `leverageLimit` must be a decimal in [1, 100]. */
export const updateAccountSettings = (account: Account, patch: SimAccountPatch): void => {
  if (patch.leverageLimit !== undefined) {
    const text = patch.leverageLimit;
    if (!/^\d+(\.\d+)?$/.test(text) || d(text).lt(1) || d(text).gt(100)) {
      throw Errors.invalidRequest(`Invalid \`leverageLimit\`: ${text}`);
    }
    account.leverageLimit = d(text);
  }
  account.autoBorrowSettlements = patch.autoBorrowSettlements ?? account.autoBorrowSettlements;
  account.autoLend = patch.autoLend ?? account.autoLend;
  account.autoRepayBorrows = patch.autoRepayBorrows ?? account.autoRepayBorrows;
};

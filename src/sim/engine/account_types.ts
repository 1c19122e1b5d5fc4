/**
 * Account state of the exchange simulator's engine as `GET /api/v1/capital`, `/capital/collateral`,
 * `/position` and `/account` return it: balances, the collateral summary, open perp positions with
 * their margin functions, and the account settings with their `PATCH` body. Plain JSON-safe data
 * (convention: `exchange_api.ts`).
 *
 * @module
 */

/** One asset balance of `GET /api/v1/capital`. */
export interface SimBalance {
  /** `available`, as the Backpack object of the same name carries it. */
  readonly available: string;
  /** `locked`, as the Backpack object of the same name carries it. */
  readonly locked: string;
  /** `staked`, as the Backpack object of the same name carries it. */
  readonly staked: string;
}

/** One asset row of the collateral summary. */
export interface SimCollateralAsset {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `assetMarkPrice`, as the Backpack object of the same name carries it. */
  readonly assetMarkPrice: string;
  /** `totalQuantity`, as the Backpack object of the same name carries it. */
  readonly totalQuantity: string;
  /** `balanceNotional`, as the Backpack object of the same name carries it. */
  readonly balanceNotional: string;
  /** `collateralWeight`, as the Backpack object of the same name carries it. */
  readonly collateralWeight: string;
  /** `collateralValue`, as the Backpack object of the same name carries it. */
  readonly collateralValue: string;
  /** `openOrderQuantity`, as the Backpack object of the same name carries it. */
  readonly openOrderQuantity: string;
  /** `lendQuantity`, as the Backpack object of the same name carries it. */
  readonly lendQuantity: string;
  /** `availableQuantity`, as the Backpack object of the same name carries it. */
  readonly availableQuantity: string;
}

/** `GET /api/v1/capital/collateral`. */
export interface SimCollateral {
  /** `assetsValue`, as the Backpack object of the same name carries it. */
  readonly assetsValue: string;
  /** `liabilitiesValue`, as the Backpack object of the same name carries it. */
  readonly liabilitiesValue: string;
  /** `borrowLiability`, as the Backpack object of the same name carries it. */
  readonly borrowLiability: string;
  /** `netEquity`, as the Backpack object of the same name carries it. */
  readonly netEquity: string;
  /** `netEquityAvailable`, as the Backpack object of the same name carries it. */
  readonly netEquityAvailable: string;
  /** `netEquityLocked`, as the Backpack object of the same name carries it. */
  readonly netEquityLocked: string;
  /** `netExposureFutures`, as the Backpack object of the same name carries it. */
  readonly netExposureFutures: string;
  /** `pnlUnrealized`, as the Backpack object of the same name carries it. */
  readonly pnlUnrealized: string;
  /** `unsettledEquity`, as the Backpack object of the same name carries it. */
  readonly unsettledEquity: string;
  /** `imf`, as the Backpack object of the same name carries it. */
  readonly imf: string;
  /** `mmf`, as the Backpack object of the same name carries it. */
  readonly mmf: string;
  /** `null` when the account has no futures exposure. */
  readonly marginFraction: string | null;
  /** `collateral`, as the Backpack object of the same name carries it. */
  readonly collateral: ReadonlyArray<SimCollateralAsset>;
}

/** IMF/MMF function of a perp market. */
export interface SimMarginFunction {
  /** `type`, as the Backpack object of the same name carries it. */
  readonly type: "sqrt";
  /** `base`, as the Backpack object of the same name carries it. */
  readonly base: string;
  /** `factor`, as the Backpack object of the same name carries it. */
  readonly factor: string;
}

/** An open perp position, shaped like `GET /api/v1/position` rows. */
export interface SimPosition {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `positionId`, as the Backpack object of the same name carries it. */
  readonly positionId: string;
  /** `netQuantity`, as the Backpack object of the same name carries it. */
  readonly netQuantity: string;
  /** `netExposureQuantity`, as the Backpack object of the same name carries it. */
  readonly netExposureQuantity: string;
  /** `netExposureNotional`, as the Backpack object of the same name carries it. */
  readonly netExposureNotional: string;
  /** `entryPrice`, as the Backpack object of the same name carries it. */
  readonly entryPrice: string;
  /** `breakEvenPrice`, as the Backpack object of the same name carries it. */
  readonly breakEvenPrice: string;
  /** `markPrice`, as the Backpack object of the same name carries it. */
  readonly markPrice: string;
  /** `estLiquidationPrice`, as the Backpack object of the same name carries it. */
  readonly estLiquidationPrice: string;
  /** `netCost`, as the Backpack object of the same name carries it. */
  readonly netCost: string;
  /** `pnlRealized`, as the Backpack object of the same name carries it. */
  readonly pnlRealized: string;
  /** `pnlUnrealized`, as the Backpack object of the same name carries it. */
  readonly pnlUnrealized: string;
  /** `cumulativeFundingPayment`, as the Backpack object of the same name carries it. */
  readonly cumulativeFundingPayment: string;
  /** `imf`, as the Backpack object of the same name carries it. */
  readonly imf: string;
  /** `mmf`, as the Backpack object of the same name carries it. */
  readonly mmf: string;
  /** `imfFunction`, as the Backpack object of the same name carries it. */
  readonly imfFunction: SimMarginFunction;
  /** `mmfFunction`, as the Backpack object of the same name carries it. */
  readonly mmfFunction: SimMarginFunction;
}

/** `GET /api/v1/account`. */
export interface SimAccountSettings {
  /** `autoBorrowSettlements`, as the Backpack object of the same name carries it. */
  readonly autoBorrowSettlements: boolean;
  /** `autoLend`, as the Backpack object of the same name carries it. */
  readonly autoLend: boolean;
  /** `autoRealizePnl`, as the Backpack object of the same name carries it. */
  readonly autoRealizePnl: boolean;
  /** `autoRepayBorrows`, as the Backpack object of the same name carries it. */
  readonly autoRepayBorrows: boolean;
  /** `borrowLimit`, as the Backpack object of the same name carries it. */
  readonly borrowLimit: string;
  /** `positionLimit`, as the Backpack object of the same name carries it. */
  readonly positionLimit: string;
  /** `leverageLimit`, as the Backpack object of the same name carries it. */
  readonly leverageLimit: string;
  /** `futuresMakerFee`, as the Backpack object of the same name carries it. */
  readonly futuresMakerFee: string;
  /** `futuresTakerFee`, as the Backpack object of the same name carries it. */
  readonly futuresTakerFee: string;
  /** `spotMakerFee`, as the Backpack object of the same name carries it. */
  readonly spotMakerFee: string;
  /** `spotTakerFee`, as the Backpack object of the same name carries it. */
  readonly spotTakerFee: string;
  /** `limitOrders`, as the Backpack object of the same name carries it. */
  readonly limitOrders: number;
  /** `triggerOrders`, as the Backpack object of the same name carries it. */
  readonly triggerOrders: number;
  /** `liquidating`, as the Backpack object of the same name carries it. */
  readonly liquidating: boolean;
}

/** `PATCH /api/v1/account` body. */
export interface SimAccountPatch {
  /** `autoBorrowSettlements`, as the Backpack object of the same name carries it. */
  readonly autoBorrowSettlements?: boolean;
  /** `autoLend`, as the Backpack object of the same name carries it. */
  readonly autoLend?: boolean;
  /** `autoRepayBorrows`, as the Backpack object of the same name carries it. */
  readonly autoRepayBorrows?: boolean;
  /** `leverageLimit`, as the Backpack object of the same name carries it. */
  readonly leverageLimit?: string;
}

/**
 * Which SDK function covers each REST operation of Backpack's API spec (`METHOD path` →
 * function name, or the reason it is not exposed). `scripts/check_coverage.ts` checks this table
 * against the spec's operation list and the SDK's exports, and renders `docs/rest_coverage.md`.
 *
 * @module
 */

/** How one operation is covered: by an endpoint function, or not, for a stated reason. */
export type Coverage = { readonly fn: string } | { readonly reason: string };

const DELAY =
  "web-session endpoint: the spec gives it no API-key instruction (it needs a 2FA token), so an API key cannot sign it";

/**
 * Every operation of the spec, keyed `METHOD path`. The PnL history (`GET /wapi/v1/history/pnl`)
 * was removed upstream on 2025-08-07 and is not in the spec: the SDK exposes nothing for it.
 */
export const OPERATIONS: Readonly<Record<string, Coverage>> = {
  "GET /api/v1/account": { fn: "getAccount" },
  "PATCH /api/v1/account": { fn: "updateAccount" },
  "POST /api/v1/account/convertDust": { fn: "convertDust" },
  "GET /api/v1/account/limits/borrow": { fn: "getMaxBorrowQuantity" },
  "GET /api/v1/account/limits/order": { fn: "getMaxOrderQuantity" },
  "GET /api/v1/account/limits/withdrawal": { fn: "getMaxWithdrawalQuantity" },
  "GET /api/v1/assets": { fn: "getAssets" },
  "GET /api/v1/collateral": { fn: "getCollateralParameters" },
  "GET /api/v1/borrowLend/positions": { fn: "getBorrowLendPositions" },
  "GET /api/v1/borrowLend/position/liquidationPrice": { fn: "estimateBorrowLiquidationPrice" },
  "POST /api/v1/borrowLend": { fn: "executeBorrowLend" },
  "GET /api/v1/borrowLend/markets": { fn: "getBorrowLendMarkets" },
  "GET /api/v1/borrowLend/markets/history": { fn: "getBorrowLendMarketsHistory" },
  "GET /api/v1/borrowLend/apy": { fn: "getApyRates" },
  "GET /api/v1/capital": { fn: "getBalances" },
  "GET /api/v1/capital/collateral": { fn: "getCollateral" },
  "GET /wapi/v1/capital/deposits": { fn: "getDeposits" },
  "GET /wapi/v1/capital/deposit/address": { fn: "getDepositAddress" },
  "GET /api/v1/markets": { fn: "getMarkets" },
  "GET /api/v1/market": { fn: "getMarket" },
  "GET /api/v1/depth": { fn: "getDepth" },
  "GET /api/v1/prediction": { fn: "getPredictionEvents" },
  "GET /api/v1/prediction/tags": { fn: "getPredictionTags" },
  "GET /api/v1/market-sessions": { fn: "getMarketSessions" },
  "GET /api/v1/securities": { fn: "getSecurities" },
  "GET /api/v1/markPrices": { fn: "getMarkPrices" },
  "GET /api/v1/openInterest": { fn: "getOpenInterest" },
  "GET /api/v1/fundingRates": { fn: "getFundingRates" },
  "GET /api/v1/order": { fn: "getOrder" },
  "POST /api/v1/order": { fn: "executeOrder" },
  "DELETE /api/v1/order": { fn: "cancelOrder" },
  "POST /api/v1/orders": { fn: "executeOrders" },
  "GET /api/v1/orders": { fn: "getOpenOrders" },
  "DELETE /api/v1/orders": { fn: "cancelOpenOrders" },
  "GET /api/v1/position": { fn: "getPositions" },
  "POST /api/v1/rfq/quote": { fn: "submitQuote" },
  "GET /api/v1/rfqs": { fn: "getOpenRfqs" },
  "POST /api/v1/rfq": { fn: "submitRfq" },
  "POST /api/v1/rfq/accept": { fn: "acceptQuote" },
  "POST /api/v1/rfq/refresh": { fn: "refreshRfq" },
  "POST /api/v1/rfq/cancel": { fn: "cancelRfq" },
  "GET /api/v1/strategy": { fn: "getStrategy" },
  "POST /api/v1/strategy": { fn: "createStrategy" },
  "DELETE /api/v1/strategy": { fn: "cancelStrategy" },
  "GET /api/v1/strategies": { fn: "getOpenStrategies" },
  "DELETE /api/v1/strategies": { fn: "cancelStrategies" },
  "GET /api/v1/status": { fn: "getStatus" },
  "GET /api/v1/ping": { fn: "ping" },
  "GET /api/v1/time": { fn: "getTime" },
  "GET /api/v1/trades": { fn: "getRecentTrades" },
  "GET /api/v1/trades/history": { fn: "getHistoricalTrades" },
  "GET /api/v1/vaults": { fn: "getVaults" },
  "POST /api/v1/vault/mint": { fn: "mintVault" },
  "POST /api/v1/vault/redeem": { fn: "requestVaultRedeem" },
  "DELETE /api/v1/vault/redeem": { fn: "cancelVaultRedeem" },
  "GET /api/v1/vault/redeems/pending": { fn: "getPendingVaultRedeems" },
  "GET /api/v1/vault/nav": { fn: "getVaultNav" },
  "GET /api/v1/vaults/history": { fn: "getVaultHistory" },
  "GET /api/v1/wallets": { fn: "getWallets" },
  "GET /wapi/v1/capital/withdrawals": { fn: "getWithdrawals" },
  "POST /wapi/v1/capital/withdrawals": { fn: "withdraw" },
  "GET /wapi/v1/capital/withdrawals/delay": { reason: DELAY },
  "POST /wapi/v1/capital/withdrawals/delay": { reason: DELAY },
  "PATCH /wapi/v1/capital/withdrawals/delay": { reason: DELAY },
  "GET /wapi/v1/history/borrowLend": { fn: "getBorrowLendHistory" },
  "GET /wapi/v1/history/interest": { fn: "getInterestHistory" },
  "GET /wapi/v1/history/borrowLend/positions": { fn: "getBorrowPositionHistory" },
  "GET /wapi/v1/history/dust": { fn: "getDustHistory" },
  "GET /wapi/v1/history/fills": { fn: "getFillHistory" },
  "GET /wapi/v1/history/funding": { fn: "getFundingPayments" },
  "GET /wapi/v1/history/orders": { fn: "getOrderHistory" },
  "GET /wapi/v1/history/rfq": { fn: "getRfqHistory" },
  "GET /wapi/v1/history/quote": { fn: "getQuoteHistory" },
  "GET /wapi/v1/history/rfq/fill": { fn: "getRfqFillHistory" },
  "GET /wapi/v1/history/quote/fill": { fn: "getQuoteFillHistory" },
  "GET /wapi/v1/history/settlement": { fn: "getSettlementHistory" },
  "GET /wapi/v1/history/strategies": { fn: "getStrategyHistory" },
  "GET /wapi/v1/history/position": { fn: "getPositionHistory" },
  "GET /api/v1/klines": { fn: "getKlines" },
  "GET /api/v1/ticker": { fn: "getTicker" },
  "GET /api/v1/tickers": { fn: "getTickers" },
};

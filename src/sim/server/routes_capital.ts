/**
 * Capital routes over a small in-memory ledger: deposits (one canned funding deposit per
 * account), deposit addresses, withdrawals (`POST` debits quantity + fee from the available
 * balance; a withdrawal is `pending` for one second of server time, then `confirmed`), the
 * withdrawal delay settings, max borrow / withdrawal limits, dust conversion (non-USDC balances
 * worth less than 1 USDC are converted at the asset's mark) and its history.
 *
 * @module
 */
import { d, str } from "../engine/num.ts";
import type { Route } from "./http_handler.ts";
import { objectBody, optionalBool, optionalInt, optionalString, requireString } from "./params.ts";
import { emptyResponse, HttpError } from "./responses.ts";
import { idSequence, matches, pageRows, positiveDecimal, route } from "./route_kit.ts";
import type { RouteEnv, RouteModule } from "./route_kit.ts";
import { naiveDateTime } from "./serialize.ts";

/** Fee of a withdrawal, in the withdrawn asset (the canned asset list shows the same). */
export const WITHDRAWAL_FEE = "0.01";
/** Balances worth less than this many USDC count as dust. */
const DUST_USDC = d(1);
/** Server time a withdrawal stays `pending`. */
const PENDING_MS = 1000;

interface Withdrawal {
  readonly account: string;
  readonly id: number;
  readonly blockchain: string;
  readonly clientId: string | null;
  readonly quantity: string;
  readonly symbol: string;
  readonly toAddress: string;
  readonly createdAt: number;
}

interface DustConversion {
  readonly account: string;
  readonly id: number;
  readonly quantity: string;
  readonly symbol: string;
  readonly usdcReceived: string;
  readonly timestamp: number;
}

const withdrawalView = (w: Withdrawal, now: number): Record<string, unknown> => ({
  id: w.id,
  blockchain: w.blockchain,
  clientId: w.clientId,
  identifier: null,
  quantity: w.quantity,
  fee: WITHDRAWAL_FEE,
  fiatFee: null,
  fiatState: null,
  fiatSymbol: null,
  providerId: null,
  symbol: w.symbol,
  status: now - w.createdAt >= PENDING_MS ? "confirmed" : "pending",
  subaccountId: null,
  toAddress: w.toAddress,
  transactionHash: now - w.createdAt >= PENDING_MS
    ? `SimWithdrawalTx${String(w.id).padStart(8, "0")}`
    : null,
  createdAt: naiveDateTime(w.createdAt),
  isInternal: false,
  bankName: null,
  bankIdentifier: null,
  accountIdentifier: null,
  triggerAt: null,
});

/** Withdrawal delay settings (`/wapi/v1/capital/withdrawals/delay`, one per simulator). */
interface Delay {
  current: number | null;
  pending: number | null;
  enabledAt: number | null;
}

const delayView = (delay: Delay): Record<string, unknown> => ({
  currentWithdrawalDelayHours: delay.current,
  pendingWithdrawalDelayHours: delay.pending,
  pendingWithdrawalDelayHoursEnabledAt: delay.enabledAt === null
    ? null
    : naiveDateTime(delay.enabledAt),
});

const delayHours = (raw: unknown): number => {
  const body = objectBody(raw);
  requireString(body, "twoFactorToken");
  const hours = optionalInt(body, "withdrawalDelayHours", 24 * 30);
  if (hours === undefined) {
    throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `withdrawalDelayHours`");
  }
  return hours;
};

/** The capital module over `env.exchange`. */
export const capitalRoutes = ({ exchange }: RouteEnv): RouteModule => {
  const withdrawals: Withdrawal[] = [];
  const dust: DustConversion[] = [];
  const delay: Delay = { current: null, pending: null, enabledAt: null };
  const nextId = idSequence(0);
  const available = (account: string, symbol: string): string =>
    exchange.balances(account)[symbol]?.available ?? "0";
  const routes: Route[] = [
    route("GET", "/wapi/v1/capital/deposits", ({ now, query }) =>
      pageRows([{
        id: 1,
        toAddress: "SimDepositAddress1111111111111111111111111",
        fromAddress: "SimExternalWallet111111111111111111111111",
        source: "solana",
        status: "confirmed",
        transactionHash: "SimTransaction11111111111111111111111111111111111111111111111111",
        symbol: "USDC",
        quantity: "100000",
        createdAt: naiveDateTime(now - 86_400_000),
        fiatAmount: null,
        fiatCurrency: null,
        institutionBic: null,
        platformMemo: null,
      }], query)),
    route("GET", "/wapi/v1/capital/deposit/address", ({ query }) => ({
      address: `Sim${requireString(query, "blockchain")}DepositAddress111111111111111`,
    })),
    route("GET", "/wapi/v1/capital/withdrawals", ({ account, query, now }) => {
      const from = optionalInt(query, "from") ?? 0;
      const to = optionalInt(query, "to") ?? Number.MAX_SAFE_INTEGER;
      const mine = withdrawals.filter((w) =>
        w.account === account && matches(query, w, ["id", "clientId"]) &&
        w.createdAt >= from && w.createdAt <= to
      );
      return pageRows(mine, query).map((w) => withdrawalView(w, now));
    }),
    route("POST", "/wapi/v1/capital/withdrawals", ({ account, body, now }) => {
      const b = objectBody(body);
      const quantity = positiveDecimal(b, "quantity");
      const symbol = requireString(b, "symbol");
      const withdrawal: Withdrawal = {
        account,
        id: Number(nextId()),
        blockchain: requireString(b, "blockchain"),
        clientId: optionalString(b, "clientId") ?? null,
        quantity: str(quantity),
        symbol,
        toAddress: requireString(b, "address"),
        createdAt: now,
      };
      exchange.transfer(account, symbol, str(quantity.plus(WITHDRAWAL_FEE).neg()), now);
      withdrawals.push(withdrawal);
      return withdrawalView(withdrawal, now);
    }),
    route("GET", "/wapi/v1/capital/withdrawals/delay", () => delayView(delay)),
    route("POST", "/wapi/v1/capital/withdrawals/delay", ({ body }) => {
      if (delay.current !== null) {
        throw new HttpError(409, "INVALID_CLIENT_REQUEST", "Withdrawal delay already exists");
      }
      delay.current = delayHours(body);
      return emptyResponse(200);
    }),
    route("PATCH", "/wapi/v1/capital/withdrawals/delay", ({ body, now }) => {
      delay.pending = delayHours(body);
      delay.enabledAt = now + 86_400_000;
      return delayView(delay);
    }),
    route("GET", "/api/v1/account/limits/borrow", ({ account, query }) => {
      const symbol = requireString(query, "symbol");
      const price = d(exchange.assetPrice(symbol));
      const equity = d(exchange.collateral(account).netEquityAvailable);
      const max = price.gt(0) && equity.gt(0) ? equity.div(price).toDecimalPlaces(8, 1) : d(0);
      return { symbol, maxBorrowQuantity: str(max) };
    }),
    route("GET", "/api/v1/account/limits/withdrawal", ({ account, query }) => {
      const symbol = requireString(query, "symbol");
      const autoBorrow = optionalBool(query, "autoBorrow");
      const autoLendRedeem = optionalBool(query, "autoLendRedeem");
      const max = d(available(account, symbol)).minus(WITHDRAWAL_FEE);
      return {
        symbol,
        maxWithdrawalQuantity: str(max.gt(0) ? max : d(0)),
        ...(autoBorrow === undefined ? {} : { autoBorrow }),
        ...(autoLendRedeem === undefined ? {} : { autoLendRedeem }),
      };
    }),
    route("POST", "/api/v1/account/convertDust", ({ account, body, now }) => {
      const only = body === undefined ? undefined : optionalString(objectBody(body), "symbol");
      const balances = exchange.balances(account);
      for (const [symbol, balance] of Object.entries(balances)) {
        if (symbol === "USDC" || (only !== undefined && symbol !== only)) continue;
        const quantity = d(balance.available);
        const value = quantity.mul(exchange.assetPrice(symbol)).toDecimalPlaces(6, 1);
        if (quantity.lte(0) || value.gte(DUST_USDC)) continue;
        exchange.transfer(account, symbol, str(quantity.neg()), now);
        exchange.transfer(account, "USDC", str(value), now);
        dust.push({
          account,
          id: Number(nextId()),
          quantity: str(quantity),
          symbol,
          usdcReceived: str(value),
          timestamp: now,
        });
      }
      return emptyResponse(200);
    }),
    route("GET", "/wapi/v1/history/dust", ({ account, query }) =>
      pageRows(
        dust.filter((row) => row.account === account && matches(query, row, ["id", "symbol"])),
        query,
      ).map(({ account: _, timestamp, ...row }) => ({
        ...row,
        timestamp: naiveDateTime(timestamp),
      }))),
  ];
  return { routes };
};

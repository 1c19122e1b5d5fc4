/**
 * Borrow / lend over an in-memory position book: `POST /api/v1/borrowLend` lends (debits the
 * available balance; repays an open borrow first) or borrows (credits it; redeems an open lend
 * first); positions, movements and position history are listed from that book. Interest does
 * not accrue (interest history is empty) and market rates are canned. Borrowed quantities are
 * limited by `GET /api/v1/account/limits/borrow` (available net equity at the asset's mark).
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d, min, str, ZERO } from "../engine/num.ts";
import type { Route } from "./http_handler.ts";
import { objectBody, optionalEnum, requireString } from "./params.ts";
import { emptyResponse, HttpError } from "./responses.ts";
import { idSequence, matches, pageRows, positiveDecimal, route } from "./route_kit.ts";
import type { RouteEnv, RouteModule } from "./route_kit.ts";
import { naiveDateTime } from "./serialize.ts";

const BORROW_RATE = "0.05";
const LEND_RATE = "0.03";
const IMF = { type: "sqrt", base: "0.02", factor: "0.00006" } as const;
const MMF = { type: "sqrt", base: "0.0135", factor: "0.000036" } as const;
const HISTORY_INTERVALS = ["1d", "1w", "1month", "1year"] as const;

type EventType = "Borrow" | "BorrowRepay" | "Lend" | "LendRedeem";

interface BorrowLendPosition {
  readonly account: string;
  readonly id: string;
  readonly symbol: string;
  /** + lent, − borrowed. */
  net: Decimal;
  readonly createdAt: number;
}

interface Movement {
  readonly account: string;
  readonly eventType: EventType;
  readonly positionId: string;
  readonly positionQuantity: string;
  readonly quantity: string;
  readonly symbol: string;
  readonly timestamp: number;
}

const invalid = (message: string): HttpError =>
  new HttpError(400, "INVALID_CLIENT_REQUEST", message);

/** Decodes the `borrow` query of the liquidation-price estimate (base64 JSON). */
const decodeBorrow = (text: string): { symbol: string; side: string; quantity: string } => {
  try {
    const value = JSON.parse(atob(text)) as Record<string, unknown>;
    const { symbol, side, quantity } = value;
    if (typeof symbol === "string" && typeof side === "string" && typeof quantity === "string") {
      return { symbol, side, quantity };
    }
  } catch {
    // answered below
  }
  throw invalid("Invalid parameter `borrow`");
};

/** The borrow/lend module over `env.exchange`. */
export const borrowLendRoutes = ({ exchange }: RouteEnv): RouteModule => {
  const positions: BorrowLendPosition[] = [];
  const movements: Movement[] = [];
  const nextId = idSequence(7_000_000);
  const assets = (): string[] =>
    [...new Set(exchange.markets().flatMap((m) => [m.baseSymbol, m.quoteSymbol]))].sort();
  const open = (account: string, symbol: string): BorrowLendPosition | undefined =>
    positions.find((p) => p.account === account && p.symbol === symbol && !p.net.isZero());
  const totals = (symbol: string): { borrowed: Decimal; lent: Decimal } => {
    let borrowed = ZERO;
    let lent = ZERO;
    for (const p of positions) {
      if (p.symbol !== symbol) continue;
      if (p.net.isNegative()) borrowed = borrowed.plus(p.net.abs());
      else lent = lent.plus(p.net);
    }
    return { borrowed, lent };
  };
  const utilization = (symbol: string): string => {
    const { borrowed, lent } = totals(symbol);
    return lent.isZero() ? "0" : str(borrowed.div(lent).toDecimalPlaces(6));
  };
  const record = (
    position: BorrowLendPosition,
    eventType: EventType,
    quantity: Decimal,
    now: number,
  ): void => {
    if (quantity.isZero()) return;
    position.net = position.net.plus(
      eventType === "Lend" || eventType === "BorrowRepay" ? quantity : quantity.neg(),
    );
    movements.push({
      account: position.account,
      eventType,
      positionId: position.id,
      positionQuantity: str(position.net.abs()),
      quantity: str(quantity),
      symbol: position.symbol,
      timestamp: now,
    });
  };
  const positionView = (p: BorrowLendPosition): Record<string, unknown> => {
    const mark = d(exchange.assetPrice(p.symbol));
    return {
      id: p.id,
      symbol: p.symbol,
      netQuantity: str(p.net),
      netExposureQuantity: str(p.net),
      netExposureNotional: str(p.net.mul(mark)),
      markPrice: str(mark),
      imf: IMF.base,
      imfFunction: IMF,
      mmf: MMF.base,
      mmfFunction: MMF,
      cumulativeInterest: "0",
      estLiquidationPrice: "0",
    };
  };
  const marketRow = (symbol: string, now: number): Record<string, unknown> => {
    const { borrowed, lent } = totals(symbol);
    return {
      symbol,
      state: "Open",
      assetMarkPrice: exchange.assetPrice(symbol),
      borrowInterestRate: BORROW_RATE,
      lendInterestRate: LEND_RATE,
      borrowedQuantity: str(borrowed),
      lentQuantity: str(lent),
      utilization: utilization(symbol),
      optimalUtilization: "0.8",
      maxUtilization: "0.95",
      openBorrowLendLimit: "1000000000",
      fee: "0",
      stepSize: "0.0001",
      throttleUtilizationThreshold: "0.9",
      throttleUtilizationBound: "0.95",
      throttleUpdateFraction: "0.1",
      timestamp: new Date(now).toISOString(),
    };
  };
  const routes: Route[] = [
    route("POST", "/api/v1/borrowLend", ({ account, body, now }) => {
      const b = objectBody(body);
      const symbol = requireString(b, "symbol");
      const side = optionalEnum(b, "side", ["Borrow", "Lend"]);
      if (side === undefined) throw invalid("Missing parameter `side`");
      const quantity = positiveDecimal(b, "quantity");
      if (!assets().includes(symbol)) throw invalid("Invalid parameter `symbol`");
      let position = open(account, symbol);
      if (position === undefined) {
        position = { account, id: nextId(), symbol, net: ZERO, createdAt: now };
        positions.push(position);
      }
      if (side === "Lend") {
        exchange.transfer(account, symbol, str(quantity.neg()), now);
        const repaid = position.net.isNegative() ? min(quantity, position.net.abs()) : ZERO;
        record(position, "BorrowRepay", repaid, now);
        record(position, "Lend", quantity.minus(repaid), now);
      } else {
        const redeemed = position.net.isPositive() ? min(quantity, position.net) : ZERO;
        const borrowed = quantity.minus(redeemed);
        const price = d(exchange.assetPrice(symbol));
        const equity = d(exchange.collateral(account).netEquityAvailable);
        if (borrowed.gt(0) && (price.isZero() || borrowed.mul(price).gt(equity))) {
          throw new HttpError(400, "INSUFFICIENT_MARGIN", "Insufficient margin");
        }
        record(position, "LendRedeem", redeemed, now);
        record(position, "Borrow", borrowed, now);
        exchange.transfer(account, symbol, str(quantity), now);
      }
      return emptyResponse(200);
    }),
    route(
      "GET",
      "/api/v1/borrowLend/positions",
      ({ account }) =>
        positions.filter((p) => p.account === account && !p.net.isZero()).map(positionView),
    ),
    route("GET", "/wapi/v1/history/borrowLend", ({ account, query }) => {
      const type = optionalEnum(query, "type", ["Borrow", "BorrowRepay", "Lend", "LendRedeem"]);
      const rows = movements.filter((m) =>
        m.account === account && (type === undefined || m.eventType === type) &&
        matches(query, m, ["positionId", "symbol"])
      );
      return pageRows(rows, query).map(({ account: _, timestamp, ...m }) => ({
        ...m,
        source: "Manual",
        timestamp: naiveDateTime(timestamp),
        spotMarginOrderId: null,
      }));
    }),
    route("GET", "/wapi/v1/history/interest", ({ query }) => pageRows([], query)),
    route("GET", "/wapi/v1/history/borrowLend/positions", ({ account, query }) => {
      const side = optionalEnum(query, "side", ["Borrow", "Lend"]);
      const state = optionalEnum(query, "state", ["Open", "Closed"]);
      const rows = positions.filter((p) =>
        p.account === account && matches(query, p, ["symbol"]) &&
        (side === undefined || (side === "Lend") === p.net.gte(0)) &&
        (state === undefined || (state === "Open") === !p.net.isZero())
      );
      return pageRows(rows, query).map((p) => ({
        positionId: p.id,
        quantity: str(p.net.abs()),
        symbol: p.symbol,
        source: "Manual",
        cumulativeInterest: "0",
        avgInterestRate: p.net.isNegative() ? BORROW_RATE : LEND_RATE,
        side: p.net.isNegative() ? "Borrow" : "Lend",
        createdAt: naiveDateTime(p.createdAt),
      }));
    }),
    route("GET", "/api/v1/borrowLend/markets", ({ now }) => assets().map((a) => marketRow(a, now))),
    route("GET", "/api/v1/borrowLend/markets/history", ({ query, now }) => {
      const interval = optionalEnum(query, "interval", HISTORY_INTERVALS);
      if (interval === undefined) throw invalid("Missing parameter `interval`");
      const symbol = query.symbol === undefined ? "USDC" : requireString(query, "symbol");
      return [2, 1, 0].map((hoursAgo) => {
        const { borrowed, lent } = totals(symbol);
        return {
          borrowInterestRate: BORROW_RATE,
          borrowedQuantity: str(borrowed),
          lendInterestRate: LEND_RATE,
          lentQuantity: str(lent),
          timestamp: new Date(now - hoursAgo * 3_600_000).toISOString(),
          utilization: utilization(symbol),
        };
      });
    }),
    route("GET", "/api/v1/borrowLend/apy", () => ({
      borrowLend: assets().map((symbol) => ({
        symbol,
        borrowRate: BORROW_RATE,
        lendRate: LEND_RATE,
      })),
      staking: [{ symbol: "SOL", dilutionFactor: "0.05", stakingRate: "0.07" }],
    })),
    route("GET", "/api/v1/borrowLend/position/liquidationPrice", ({ query }) => {
      const borrow = decodeBorrow(requireString(query, "borrow"));
      const mark = d(exchange.assetPrice(borrow.symbol));
      // canned estimate: a borrow is liquidated when the asset doubles, a lend never
      const liquidation = borrow.side === "Borrow" ? mark.mul(2) : ZERO;
      return { liquidationPrice: str(liquidation), markPrice: str(mark) };
    }),
  ];
  return { routes };
};

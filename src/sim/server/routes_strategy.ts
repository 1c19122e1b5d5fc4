/**
 * Scheduled (TWAP-like) strategies. `POST /api/v1/strategy` registers a `Running` strategy; on
 * every simulator tick whose time reached the next slice, the strategy submits one slice
 * (`quantity × interval / duration`, the remainder on the last) as an IOC order of the account —
 * a limit at `price` when given, else a market order. It ends `Completed` once the quantity is
 * executed or the duration elapsed, `Terminated` when the engine rejects a slice, `Cancelled`
 * by `DELETE`. Slices are ordinary orders (their `strategyId` is not linked).
 *
 * @module
 */
import { d, floorTo, str } from "../engine/num.ts";
import type { SimError } from "../engine/sim_error.ts";
import type { Route } from "./http_handler.ts";
import * as param from "./params.ts";
import { HttpError } from "./responses.ts";
import { idSequence, matches, pageRows, positiveDecimal, route } from "./route_kit.ts";
import type { RouteEnv, RouteModule } from "./route_kit.ts";
import { naiveDateTime } from "./serialize.ts";

const DEFAULT_DURATION_MS = 600_000;
const DEFAULT_INTERVAL_MS = 60_000;

type Status = "Running" | "Completed" | "Cancelled" | "Terminated";

interface Strategy {
  readonly account: string;
  readonly id: string;
  readonly clientStrategyId: number | null;
  readonly symbol: string;
  readonly side: "Bid" | "Ask";
  readonly quantity: string;
  readonly price: string | null;
  readonly reduceOnly: boolean;
  readonly postOnly: boolean;
  readonly selfTradePrevention: "RejectTaker" | "RejectMaker" | "RejectBoth";
  readonly timeInForce: "GTC" | "IOC" | "FOK";
  readonly duration: number;
  readonly interval: number;
  readonly randomizedIntervalQuantity: boolean;
  readonly createdAt: number;
  nextSliceAt: number;
  executedQuantity: string;
  executedQuoteQuantity: string;
  status: Status;
}

const view = (s: Strategy): Record<string, unknown> => ({
  strategyType: "Scheduled",
  id: s.id,
  clientStrategyId: s.clientStrategyId,
  createdAt: s.createdAt,
  executedQuantity: s.executedQuantity,
  executedQuoteQuantity: s.executedQuoteQuantity,
  quantity: s.quantity,
  reduceOnly: s.reduceOnly,
  selfTradePrevention: s.selfTradePrevention,
  status: s.status,
  side: s.side,
  symbol: s.symbol,
  timeInForce: s.timeInForce,
  duration: s.duration,
  interval: s.interval,
  randomizedIntervalQuantity: s.randomizedIntervalQuantity,
  slippageTolerance: null,
  slippageToleranceType: null,
});

/** The strategies module over `env.exchange`. */
export const strategyRoutes = ({ exchange }: RouteEnv): RouteModule => {
  const strategies: Strategy[] = [];
  const nextId = idSequence(3_000_000);
  const select = (account: string, source: Readonly<Record<string, unknown>>): Strategy => {
    const symbol = param.requireString(source, "symbol");
    const strategyId = param.optionalString(source, "strategyId");
    const clientStrategyId = param.optionalInt(source, "clientStrategyId", 4_294_967_295);
    const found = [...strategies].reverse().find((s) =>
      s.account === account && s.symbol === symbol &&
      (strategyId === undefined || s.id === strategyId) &&
      (clientStrategyId === undefined || s.clientStrategyId === clientStrategyId)
    );
    if (found === undefined || (strategyId === undefined && clientStrategyId === undefined)) {
      throw new HttpError(404, "RESOURCE_NOT_FOUND", "Strategy not found");
    }
    return found;
  };
  const slice = (s: Strategy, now: number): void => {
    const market = exchange.markets().find((m) => m.symbol === s.symbol)!;
    const left = d(s.quantity).minus(s.executedQuantity);
    const last = now >= s.createdAt + s.duration;
    const share = d(s.quantity).mul(s.interval).div(s.duration);
    const size = last ? left : floorTo(share.gt(left) ? left : share, d(market.stepSize));
    s.nextSliceAt += s.interval;
    if (size.gt(0)) {
      try {
        const order = exchange.executeOrder(s.account, {
          symbol: s.symbol,
          side: s.side,
          orderType: s.price === null ? "Market" : "Limit",
          quantity: str(size),
          ...(s.price === null ? {} : { price: s.price, timeInForce: "IOC" as const }),
          ...(s.reduceOnly ? { reduceOnly: true } : {}),
          selfTradePrevention: s.selfTradePrevention,
        }, now);
        s.executedQuantity = str(d(s.executedQuantity).plus(order.executedQuantity));
        s.executedQuoteQuantity = str(
          d(s.executedQuoteQuantity).plus(order.executedQuoteQuantity),
        );
      } catch (error) {
        if ((error as SimError).code === undefined) throw error;
        s.status = "Terminated";
        return;
      }
    }
    if (last || d(s.executedQuantity).gte(s.quantity)) s.status = "Completed";
  };
  const tick = (now: number): void => {
    for (const s of strategies) {
      while (s.status === "Running" && now >= s.nextSliceAt) slice(s, now);
    }
  };
  const routes: Route[] = [
    route("POST", "/api/v1/strategy", ({ account, body, now }) => {
      const b = param.objectBody(body);
      if (param.optionalEnum(b, "strategyType", ["Scheduled"]) === undefined) {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `strategyType`");
      }
      const side = param.optionalEnum(b, "side", ["Bid", "Ask"]);
      if (side === undefined) {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `side`");
      }
      const symbol = param.requireString(b, "symbol");
      if (!exchange.markets().some((m) => m.symbol === symbol)) {
        throw new HttpError(400, "INVALID_MARKET", "Market not found");
      }
      const duration = param.optionalInt(b, "duration") ?? DEFAULT_DURATION_MS;
      const interval = param.optionalInt(b, "interval") ?? DEFAULT_INTERVAL_MS;
      if (interval <= 0 || duration < interval) {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Invalid `duration` or `interval`");
      }
      const strategy: Strategy = {
        account,
        id: nextId(),
        clientStrategyId: param.optionalInt(b, "clientStrategyId", 4_294_967_295) ?? null,
        symbol,
        side,
        quantity: str(positiveDecimal(b, "quantity")),
        price: b.price === undefined ? null : str(positiveDecimal(b, "price")),
        reduceOnly: param.optionalBool(b, "reduceOnly") ?? false,
        postOnly: param.optionalBool(b, "postOnly") ?? false,
        selfTradePrevention: param.optionalEnum(b, "selfTradePrevention", [
          "RejectTaker",
          "RejectMaker",
          "RejectBoth",
        ]) ?? "RejectTaker",
        timeInForce: param.optionalEnum(b, "timeInForce", ["GTC", "IOC", "FOK"]) ?? "GTC",
        duration,
        interval,
        randomizedIntervalQuantity: param.optionalBool(b, "randomizedIntervalQuantity") ?? false,
        createdAt: now,
        nextSliceAt: now + interval,
        executedQuantity: "0",
        executedQuoteQuantity: "0",
        status: "Running",
      };
      strategies.push(strategy);
      return view(strategy);
    }),
    route("GET", "/api/v1/strategy", ({ account, query }) => view(select(account, query))),
    route("DELETE", "/api/v1/strategy", ({ account, body }) => {
      const strategy = select(account, param.objectBody(body));
      if (strategy.status !== "Running") {
        throw new HttpError(404, "RESOURCE_NOT_FOUND", "Strategy not found");
      }
      strategy.status = "Cancelled";
      return view(strategy);
    }),
    route(
      "GET",
      "/api/v1/strategies",
      ({ account, query }) =>
        strategies.filter((s) =>
          s.account === account && s.status === "Running" && matches(query, s, ["symbol"])
        ).map(view),
    ),
    route("DELETE", "/api/v1/strategies", ({ account, body }) => {
      const symbol = param.requireString(param.objectBody(body), "symbol");
      const running = strategies.filter((s) =>
        s.account === account && s.symbol === symbol && s.status === "Running"
      );
      for (const s of running) s.status = "Cancelled";
      return running.map(view);
    }),
    route("GET", "/wapi/v1/history/strategies", ({ account, query }) =>
      pageRows(
        strategies.filter((s) =>
          s.account === account && matches({ ...query, id: query.strategyId }, s, [
            "id",
            "symbol",
          ])
        ),
        query,
      ).map((s) => ({
        ...view(s),
        createdAt: naiveDateTime(s.createdAt),
        cancelReason: null,
      }))),
  ];
  return { routes, tick };
};

/**
 * Signed REST routes backed by the engine: account, balances, collateral, orders (single and
 * batch), positions, order limits and the fill / order / funding / settlement / position
 * histories. Capital movements, borrow/lend, RFQ, strategies and vaults live in their own route
 * modules.
 *
 * Batch answers (`POST /api/v1/orders`) are aligned with the request: an order object tagged
 * `operation: "Ok"`, or `{operation: "Err", code, message}` for a rejected element.
 *
 * @module
 */
import type { SimExchange } from "../engine/exchange_api.ts";
import type { SimHistoryFilter } from "../engine/history_types.ts";
import type { SimOrder, SimOrderRequest, SimOrderSelector } from "../engine/order_types.ts";
import type { SimError } from "../engine/sim_error.ts";
import type { Route, RouteContext } from "./http_handler.ts";
import {
  objectBody,
  optionalBool,
  optionalEnum,
  optionalInt,
  optionalString,
  requireString,
} from "./params.ts";
import { emptyResponse, HttpError } from "./responses.ts";
import { d } from "../engine/num.ts";
import {
  naiveDateTime,
  serializeFill,
  serializeFundingPayment,
  serializeOrder,
  serializeOrderHistory,
  serializePosition,
} from "./serialize.ts";

const ORDER_FIELDS_STRING = [
  "price",
  "quantity",
  "quoteQuantity",
  "triggerPrice",
  "triggerQuantity",
  "takeProfitTriggerPrice",
  "takeProfitLimitPrice",
  "stopLossTriggerPrice",
  "stopLossLimitPrice",
] as const;
const TRIGGER_BY = ["LastPrice", "MarkPrice", "IndexPrice"] as const;

/** Reads a `POST /api/v1/order` body into the engine's order request. */
export const orderRequest = (raw: unknown): SimOrderRequest => {
  const body = objectBody(raw);
  const strings = Object.fromEntries(
    ORDER_FIELDS_STRING.map((k) => [k, optionalString(body, k)]).filter(([, v]) => v !== undefined),
  );
  const side = optionalEnum(body, "side", ["Bid", "Ask"]);
  const orderType = optionalEnum(body, "orderType", ["Limit", "Market"]);
  if (side === undefined) {
    throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `side`");
  }
  if (orderType === undefined) {
    throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `orderType`");
  }
  const optional = {
    timeInForce: optionalEnum(body, "timeInForce", ["GTC", "IOC", "FOK"]),
    postOnly: optionalBool(body, "postOnly"),
    reduceOnly: optionalBool(body, "reduceOnly"),
    clientId: optionalInt(body, "clientId", 4_294_967_295),
    selfTradePrevention: optionalEnum(body, "selfTradePrevention", [
      "RejectTaker",
      "RejectMaker",
      "RejectBoth",
    ]),
    triggerBy: optionalEnum(body, "triggerBy", TRIGGER_BY),
    takeProfitTriggerBy: optionalEnum(body, "takeProfitTriggerBy", TRIGGER_BY),
    stopLossTriggerBy: optionalEnum(body, "stopLossTriggerBy", TRIGGER_BY),
  };
  const defined = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return { symbol: requireString(body, "symbol"), side, orderType, ...strings, ...defined };
};

const selector = (source: Readonly<Record<string, unknown>>): SimOrderSelector => {
  const orderId = optionalString(source, "orderId");
  const clientId = optionalInt(source, "clientId", 4_294_967_295);
  if ((orderId === undefined) === (clientId === undefined)) {
    throw new HttpError(
      400,
      "INVALID_CLIENT_REQUEST",
      "Must specify either `clientId` or `orderId`",
    );
  }
  return {
    symbol: requireString(source, "symbol"),
    ...(orderId === undefined ? {} : { orderId }),
    ...(clientId === undefined ? {} : { clientId }),
  };
};

const historyFilter = (query: Readonly<Record<string, string>>): SimHistoryFilter => {
  const filter = {
    symbol: optionalString(query, "symbol"),
    orderId: optionalString(query, "orderId"),
    from: optionalInt(query, "from"),
    to: optionalInt(query, "to"),
    limit: optionalInt(query, "limit", 1000),
    offset: optionalInt(query, "offset"),
    sortDirection: optionalEnum(query, "sortDirection", ["Asc", "Desc"]),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
};

const batchElement = (result: SimOrder | SimError): Record<string, unknown> =>
  result instanceof Error
    ? { operation: "Err", code: result.code, message: result.message }
    : { operation: "Ok", ...serializeOrder(result) };

/** The signed routes; `userIdOf` maps an account id to its numeric `userId`. */
export const privateRoutes = (
  exchange: SimExchange,
  userIdOf: (account: string) => number,
): Route[] => {
  const get = (path: string, handle: (ctx: RouteContext) => unknown): Route => ({
    method: "GET",
    path,
    handle,
  });
  return [
    get("/api/v1/account", ({ account }) => exchange.account(account)),
    {
      method: "PATCH",
      path: "/api/v1/account",
      handle: ({ account, body }) => {
        const b = objectBody(body ?? {});
        const patch = {
          autoBorrowSettlements: optionalBool(b, "autoBorrowSettlements"),
          autoLend: optionalBool(b, "autoLend"),
          autoRepayBorrows: optionalBool(b, "autoRepayBorrows"),
          leverageLimit: optionalString(b, "leverageLimit"),
        };
        exchange.updateAccount(
          account,
          Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        );
        return emptyResponse(200);
      },
    },
    get("/api/v1/capital", ({ account }) => exchange.balances(account)),
    get("/api/v1/capital/collateral", ({ account }) => exchange.collateral(account)),
    get(
      "/api/v1/order",
      ({ account, query }) => serializeOrder(exchange.getOpenOrder(account, selector(query))),
    ),
    {
      method: "POST",
      path: "/api/v1/order",
      handle: ({ account, body, now }) =>
        serializeOrder(exchange.executeOrder(account, orderRequest(body), now)),
    },
    {
      method: "DELETE",
      path: "/api/v1/order",
      handle: ({ account, body, now }) =>
        serializeOrder(exchange.cancelOrder(account, selector(objectBody(body)), now)),
    },
    get(
      "/api/v1/orders",
      ({ account, query }) =>
        exchange.openOrders(account, optionalString(query, "symbol")).map(serializeOrder),
    ),
    {
      method: "POST",
      path: "/api/v1/orders",
      handle: ({ account, body, now }) => {
        if (!Array.isArray(body) || body.length === 0) {
          throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Expected a JSON array of orders");
        }
        return exchange.executeBatch(account, body.map(orderRequest), now).map(batchElement);
      },
    },
    {
      method: "DELETE",
      path: "/api/v1/orders",
      handle: ({ account, body, now }) => {
        const b = objectBody(body);
        const orderType = optionalEnum(b, "orderType", ["RestingLimitOrder", "ConditionalOrder"]);
        return exchange.cancelAll(account, {
          symbol: requireString(b, "symbol"),
          ...(orderType === undefined ? {} : { orderType }),
        }, now).map(serializeOrder);
      },
    },
    get(
      "/api/v1/position",
      ({ account, query }) =>
        exchange.positions(account, optionalString(query, "symbol")).map((p) =>
          serializePosition(p, userIdOf(account))
        ),
    ),
    get("/api/v1/account/limits/order", ({ account, query }) => {
      const symbol = requireString(query, "symbol");
      const side = optionalEnum(query, "side", ["Bid", "Ask"]);
      if (side === undefined) {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `side`");
      }
      const mark = exchange.markPrices().find((p) => p.symbol === symbol)?.markPrice;
      const price = Number(optionalString(query, "price") ?? mark ?? "0");
      const equity = Number(exchange.collateral(account).netEquityAvailable);
      const leverage = Number(exchange.account(account).leverageLimit);
      const max = price > 0 ? Math.max(0, (equity * leverage) / price) : 0;
      return { symbol, side, maxOrderQuantity: max.toFixed(8) };
    }),
    get(
      "/wapi/v1/history/fills",
      ({ account, query }) => exchange.fills(account, historyFilter(query)).map(serializeFill),
    ),
    get(
      "/wapi/v1/history/orders",
      ({ account, query }) =>
        exchange.orderHistory(account, historyFilter(query)).map(serializeOrderHistory),
    ),
    get("/wapi/v1/history/settlement", ({ account, query }) => {
      const source = optionalEnum(query, "source", ["RealizePnl", "FundingPayment", "TradingFees"]);
      return exchange.settlementHistory(account, {
        ...historyFilter(query),
        ...(source === undefined ? {} : { source }),
      }).map((row) => ({
        ...row,
        subaccountId: null,
        timestamp: naiveDateTime(row.timestamp),
        userId: userIdOf(account),
      }));
    }),
    get("/wapi/v1/history/position", ({ account, query }) => {
      const state = optionalEnum(query, "state", ["Open", "Closed"]);
      const leverage = exchange.account(account).leverageLimit;
      return exchange.positionHistory(account, {
        ...historyFilter(query),
        ...(state === undefined ? {} : { state }),
      }).map(({ openedAt, closedAt, ...row }) => ({
        ...row,
        netExposureQuantity: row.netQuantity.replace("-", ""),
        netExposureNotional: d(row.netQuantity).abs().mul(row.markPrice).toFixed(),
        interest: "0",
        accountLeverage: leverage,
        openedAt: naiveDateTime(openedAt),
        closedAt: closedAt === null ? null : naiveDateTime(closedAt),
      }));
    }),
    get(
      "/wapi/v1/history/funding",
      ({ account, query }) =>
        exchange.fundingHistory(account, historyFilter(query)).map((p) =>
          serializeFundingPayment(p, userIdOf(account))
        ),
    ),
  ];
};

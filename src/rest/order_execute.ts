/**
 * Placing orders (signed): one order (`POST /api/v1/order`) or a batch (`POST /api/v1/orders`),
 * both instruction `orderExecute` (a batch signs one segment per element).
 *
 * Nothing is sent unless every order passes {@link validateOrder} (shape and combinations) and then
 * the market's rules (price on tick, quantity on step and ≥ minimum) from the `MarketCache`.
 * `X-Broker-Id` is sent only when the client was configured with a `brokerId`; a `brokerId` body
 * field only when the order has one. An HTTP 202, 5xx or timeout fails with
 * `OrderOutcomeUnknownError` (with the order's `clientId`): reconcile before retrying.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import { InvalidInputError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import { MarketCache } from "../markets/market_cache.ts";
import {
  checkOrderForMarket,
  type ExecuteOrderParams,
  type OrderBody,
  validateOrder,
} from "../orders/validate_order.ts";
import {
  BatchOrderElements,
  type BatchOrderResult,
  Order,
  toBatchOrderResult,
} from "../schema/order.ts";
import { type BackpackHttp, signedCall } from "./http.ts";

/**
 * Validates one order fully (shape, then market rules) and sends the market's own symbol (the cache
 * resolves `SOL-USDC-PERP`, `SOL/USDC:USDC`... to `SOL_USDC_PERP`); `field` prefixes error fields.
 */
const checkedBody = (
  params: ExecuteOrderParams,
  field?: string,
): Effect.Effect<OrderBody, BackpackError, MarketCache> =>
  Effect.gen(function* () {
    const body = yield* Effect.fromResult(validateOrder(params, field));
    const market = yield* MarketCache.use((cache) => cache.get(body.symbol));
    const problem = checkOrderForMarket(body, market, field);
    return problem === undefined ? { ...body, symbol: market.symbol } : yield* Effect.fail(problem);
  });

const clientIdOf = (body: OrderBody): number | undefined =>
  typeof body.clientId === "number" ? body.clientId : undefined;

/**
 * Places an order. `POST /api/v1/order`, instruction `orderExecute`.
 *
 * @example
 * ```ts
 * import { executeOrder } from "./order_execute.ts";
 * const order = executeOrder({
 *   symbol: "SOL_USDC_PERP",
 *   side: "Bid",
 *   orderType: "Limit",
 *   price: "120.5",
 *   quantity: "0.1",
 *   postOnly: true,
 *   clientId: 42,
 * });
 * ```
 */
export const executeOrder = (
  params: ExecuteOrderParams,
): Effect.Effect<Order, BackpackError, BackpackHttp | MarketCache> =>
  Effect.flatMap(checkedBody(params), (body) =>
    signedCall({
      method: "POST",
      path: "/api/v1/order",
      instruction: "orderExecute",
      body,
      schema: Order,
      mutating: true,
      clientId: clientIdOf(body),
      brokerHeader: true,
    }));

/**
 * Places several orders in one request. `POST /api/v1/orders`, instruction `orderExecute` per
 * element. Every order is validated first; one bad order fails the call before anything is sent
 * (`InvalidInputError.field` is e.g. `orders[2].price`). The answer is aligned with the request:
 * `{ ok: true, order }` or `{ ok: false, error: { code, message } }` per element.
 */
export const executeOrders = (
  orders: ReadonlyArray<ExecuteOrderParams>,
): Effect.Effect<ReadonlyArray<BatchOrderResult>, BackpackError, BackpackHttp | MarketCache> =>
  Effect.suspend(() =>
    Array.isArray(orders) && orders.length > 0 ? Effect.succeed(orders) : Effect.fail(
      new InvalidInputError({
        field: "orders",
        reason: "Missing",
        detail: "a non-empty array of orders is required",
      }),
    )
  ).pipe(
    Effect.flatMap((list) =>
      Effect.forEach(list, (params, index) => checkedBody(params, `orders[${index}]`))
    ),
    Effect.flatMap((bodies) =>
      signedCall({
        method: "POST",
        path: "/api/v1/orders",
        instruction: "orderExecute",
        body: bodies,
        schema: BatchOrderElements,
        mutating: true,
        clientId: bodies.length === 1 ? clientIdOf(bodies[0]) : undefined,
        brokerHeader: true,
      })
    ),
    Effect.map((elements) => elements.map(toBatchOrderResult)),
  );

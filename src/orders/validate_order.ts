/**
 * Order parameters and their validation before anything is sent.
 *
 * {@link validateOrder} is pure: it checks the shape of the parameters (types, enums, ranges, the
 * combinations Backpack rejects) and returns the JSON body to sign and send, or the first problem as
 * a typed error. {@link checkOrderForMarket} adds the market rules (price on tick, quantity on step
 * and above the minimum) once the market is known.
 *
 * Rules enforced by {@link validateOrder}:
 * - `symbol`, `side` (`Bid`/`Ask`), `orderType` (`Limit`/`Market`) are required;
 * - decimals are decimal strings or `Decimal`s (never `number`) and greater than zero;
 * - `Limit` needs `price` and `quantity` (a trigger order: `triggerQuantity` instead);
 * - `Market` needs exactly one of `quantity` / `quoteQuantity` (a trigger order: `triggerQuantity`),
 *   and takes no `price`; `quoteQuantity` is for `Market` orders only;
 * - `triggerPrice` and `triggerQuantity` come together; `triggerQuantity` (a decimal or `"NN%"` of
 *   the position) replaces `quantity`; `triggerBy` needs `triggerPrice`;
 * - `postOnly` cannot be combined with `IOC`, `FOK` or a `Market` order;
 * - a take-profit / stop-loss limit price or trigger-by needs its trigger price;
 * - `slippageTolerance` and `slippageToleranceType` come together;
 * - flags are booleans, `clientId` a uint32, `brokerId` a uint16;
 * - unknown keys are rejected (a typo such as `reduceonly` is never silently dropped), and hedge-mode
 *   keys (`positionSide`, `hedgeMode`, ...) fail with `UnsupportedError`: Backpack is one-way.
 *
 * @module
 */
import * as Result from "effect/Result";
import type { SignParams } from "../auth/signing_string.ts";
import { Decimal, type DecimalInput } from "../decimal.ts";
import { InvalidInputError, UnsupportedError } from "../error_classes.ts";
import { checkPrice, checkQuantity, type FilterSource } from "../markets/filters.ts";
import {
  decimalInput,
  oneOf,
  type Problem,
  requiredText,
  uint16,
  uint32,
} from "../rest/validate.ts";
import type {
  OrderSide,
  OrderType,
  SelfTradePrevention,
  SlippageToleranceType,
  TimeInForce,
  TriggerBy,
} from "../schema/order.ts";

/** Parameters of an order (`POST /api/v1/order`, and each element of a batch). */
export interface ExecuteOrderParams {
  /** Market symbol, e.g. `SOL_USDC_PERP`. */
  readonly symbol: string;
  /** `Bid` buys, `Ask` sells. */
  readonly side: OrderSide;
  /** `Limit` or `Market`. Stop / take-profit orders are either type with a `triggerPrice`. */
  readonly orderType: OrderType;
  /** Limit price (required for `Limit`, refused on `Market`). */
  readonly price?: DecimalInput;
  /** Base quantity (not on trigger orders, which use `triggerQuantity`). */
  readonly quantity?: DecimalInput;
  /** Quote amount to spend (`Bid`) or receive (`Ask`); `Market` orders only. */
  readonly quoteQuantity?: DecimalInput;
  /** Time in force (server default `GTC`). */
  readonly timeInForce?: TimeInForce;
  /** Maker only: expires instead of taking. Not with `IOC`/`FOK`/`Market`. */
  readonly postOnly?: boolean;
  /** Only reduce the position (futures). */
  readonly reduceOnly?: boolean;
  /** Your id for the order, a uint32 unique among your open orders (see `makeClientIdGenerator`). */
  readonly clientId?: number;
  /** Self-trade prevention (server default `RejectTaker`). */
  readonly selfTradePrevention?: SelfTradePrevention;
  /** Makes this a conditional order, placed when the reference price crosses it. */
  readonly triggerPrice?: DecimalInput;
  /** Quantity of a trigger order: a decimal, or a percentage of the position such as `"50%"`. */
  readonly triggerQuantity?: DecimalInput;
  /** Reference price of the trigger. */
  readonly triggerBy?: TriggerBy;
  /** Attached take-profit: trigger price. */
  readonly takeProfitTriggerPrice?: DecimalInput;
  /** Attached take-profit: limit price (absent: fires as a market order). */
  readonly takeProfitLimitPrice?: DecimalInput;
  /** Attached take-profit: reference price. */
  readonly takeProfitTriggerBy?: TriggerBy;
  /** Attached stop-loss: trigger price. */
  readonly stopLossTriggerPrice?: DecimalInput;
  /** Attached stop-loss: limit price (absent: fires as a market order). */
  readonly stopLossLimitPrice?: DecimalInput;
  /** Attached stop-loss: reference price. */
  readonly stopLossTriggerBy?: TriggerBy;
  /** Lend the proceeds (spot margin). */
  readonly autoLend?: boolean;
  /** Redeem lent funds to pay for the order (spot margin). */
  readonly autoLendRedeem?: boolean;
  /** Borrow to pay for the order (spot margin). */
  readonly autoBorrow?: boolean;
  /** Repay borrows with the proceeds (spot margin). */
  readonly autoBorrowRepay?: boolean;
  /** Largest accepted slippage, in `slippageToleranceType` units. */
  readonly slippageTolerance?: DecimalInput;
  /** Unit of `slippageTolerance`. */
  readonly slippageToleranceType?: SlippageToleranceType;
  /** Broker id (uint16), signed in the body. Sent only when given. */
  readonly brokerId?: number;
}

/** What {@link validateOrder} can fail with. */
export type OrderInputError = InvalidInputError | UnsupportedError;

/** A validated order body, ready to sign and send (decimals as `Decimal`, absent keys omitted). */
export type OrderBody = SignParams & { readonly symbol: string };

const DECIMAL_KEYS = [
  "price",
  "quantity",
  "quoteQuantity",
  "triggerPrice",
  "takeProfitTriggerPrice",
  "takeProfitLimitPrice",
  "stopLossTriggerPrice",
  "stopLossLimitPrice",
  "slippageTolerance",
] as const;

const FLAG_KEYS = [
  "postOnly",
  "reduceOnly",
  "autoLend",
  "autoLendRedeem",
  "autoBorrow",
  "autoBorrowRepay",
] as const;

const TRIGGER_BY: ReadonlyArray<TriggerBy> = ["LastPrice", "MarkPrice", "IndexPrice"];

const ENUM_KEYS: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["side", ["Bid", "Ask"]],
  ["orderType", ["Limit", "Market"]],
  ["timeInForce", ["GTC", "IOC", "FOK"]],
  ["selfTradePrevention", ["RejectTaker", "RejectMaker", "RejectBoth"]],
  ["triggerBy", TRIGGER_BY],
  ["takeProfitTriggerBy", TRIGGER_BY],
  ["stopLossTriggerBy", TRIGGER_BY],
  ["slippageToleranceType", ["TickSize", "Percent"]],
];

const KNOWN_KEYS: ReadonlySet<string> = new Set([
  "symbol",
  "clientId",
  "brokerId",
  "triggerQuantity",
  ...DECIMAL_KEYS,
  ...FLAG_KEYS,
  ...ENUM_KEYS.map(([key]) => key),
]);

/** Keys of hedge-mode APIs (Binance, Bybit, OKX, ccxt); Backpack positions are one-way. */
const HEDGE_KEYS: ReadonlyArray<string> = [
  "positionSide",
  "posSide",
  "hedgeMode",
  "hedged",
  "positionIdx",
];

const PERCENT = /^(\d+(\.\d+)?)%$/;

const problem = (
  field: string,
  reason: InvalidInputError["reason"],
  detail: string,
): InvalidInputError => new InvalidInputError({ field, reason, detail });

const given = (value: unknown): boolean => value !== undefined && value !== null;

/** `value` (when given) must be a boolean (`"true"` or `1` are refused: they sign differently). */
export const booleanInput = (field: string, value: unknown): Problem =>
  !given(value) || typeof value === "boolean"
    ? undefined
    : problem(field, "Malformed", `${field} must be true or false`);

const triggerQuantityProblem = (field: string, value: unknown): Problem => {
  if (typeof value === "string") {
    const percent = PERCENT.exec(value);
    if (percent !== null) {
      const share = new Decimal(percent[1]);
      return share.gt(0) && share.lte(100) ? undefined : problem(
        field,
        "OutOfRange",
        `${value} must be a percentage in (0%, 100%]`,
      );
    }
  }
  return decimalInput(field, value, { positive: true });
};

const first = (...problems: ReadonlyArray<Problem>): Problem =>
  problems.find((p) => p !== undefined);

const shapeProblems = (p: Readonly<Record<string, unknown>>, at: (k: string) => string): Problem =>
  first(
    requiredText(at("symbol"), p.symbol),
    given(p.side) ? undefined : problem(at("side"), "Missing", "side (Bid or Ask) is required"),
    given(p.orderType)
      ? undefined
      : problem(at("orderType"), "Missing", "orderType (Limit or Market) is required"),
    ...ENUM_KEYS.map(([key, allowed]) => oneOf(at(key), p[key], allowed)),
    ...DECIMAL_KEYS.map((key) => decimalInput(at(key), p[key], { positive: true })),
    given(p.triggerQuantity)
      ? triggerQuantityProblem(at("triggerQuantity"), p.triggerQuantity)
      : undefined,
    ...FLAG_KEYS.map((key) => booleanInput(at(key), p[key])),
    uint32(at("clientId"), p.clientId),
    uint16(at("brokerId"), p.brokerId),
  );

const comboProblems = (
  p: Readonly<Record<string, unknown>>,
  at: (k: string) => string,
): Problem => {
  const trigger = given(p.triggerPrice);
  const market = p.orderType === "Market";
  const needs = (key: string, other: string, why: string): Problem =>
    given(p[key]) && !given(p[other]) ? problem(at(other), "Missing", why) : undefined;
  const refuse = (key: string, when: boolean, why: string): Problem =>
    when && given(p[key]) ? problem(at(key), "Malformed", why) : undefined;
  return first(
    needs("triggerPrice", "triggerQuantity", "a trigger order needs triggerQuantity"),
    needs("triggerQuantity", "triggerPrice", "triggerQuantity needs triggerPrice"),
    needs("triggerBy", "triggerPrice", "triggerBy needs triggerPrice"),
    refuse("quantity", trigger, "a trigger order takes triggerQuantity instead of quantity"),
    refuse("quoteQuantity", trigger, "a trigger order takes triggerQuantity, not quoteQuantity"),
    refuse("quoteQuantity", !market, "quoteQuantity is for Market orders only"),
    refuse("price", market, "a Market order takes no price (use a Limit order)"),
    !market && !given(p.price)
      ? problem(at("price"), "Missing", "a Limit order needs a price")
      : undefined,
    !market && !trigger && !given(p.quantity)
      ? problem(at("quantity"), "Missing", "a Limit order needs a quantity")
      : undefined,
    market && !trigger && !given(p.quantity) && !given(p.quoteQuantity)
      ? problem(at("quantity"), "Missing", "a Market order needs quantity or quoteQuantity")
      : undefined,
    market && given(p.quantity) && given(p.quoteQuantity)
      ? problem(at("quoteQuantity"), "Malformed", "give quantity or quoteQuantity, not both")
      : undefined,
    p.postOnly === true && (market || p.timeInForce === "IOC" || p.timeInForce === "FOK")
      ? problem(
        at("postOnly"),
        "Malformed",
        "postOnly rests on the book: not with Market, IOC or FOK",
      )
      : undefined,
    needs(
      "takeProfitLimitPrice",
      "takeProfitTriggerPrice",
      "a take-profit limit price needs its trigger price",
    ),
    needs(
      "takeProfitTriggerBy",
      "takeProfitTriggerPrice",
      "takeProfitTriggerBy needs takeProfitTriggerPrice",
    ),
    needs(
      "stopLossLimitPrice",
      "stopLossTriggerPrice",
      "a stop-loss limit price needs its trigger price",
    ),
    needs(
      "stopLossTriggerBy",
      "stopLossTriggerPrice",
      "stopLossTriggerBy needs stopLossTriggerPrice",
    ),
    needs(
      "slippageTolerance",
      "slippageToleranceType",
      "slippageTolerance needs slippageToleranceType",
    ),
    needs(
      "slippageToleranceType",
      "slippageTolerance",
      "slippageToleranceType needs slippageTolerance",
    ),
  );
};

const keyProblems = (
  p: Readonly<Record<string, unknown>>,
  at: (k: string) => string,
): OrderInputError | undefined => {
  const hedge = HEDGE_KEYS.find((key) => given(p[key]));
  if (hedge !== undefined) {
    return new UnsupportedError({
      feature: "hedge mode",
      detail: `${
        at(hedge)
      }: Backpack futures are one-way (one netted position per symbol); close with an opposite order, optionally reduceOnly`,
    });
  }
  const unknown = Object.keys(p).find((key) => !KNOWN_KEYS.has(key) && p[key] !== undefined);
  return unknown === undefined
    ? undefined
    : problem(at(unknown), "Malformed", `${unknown} is not an order parameter`);
};

const toBody = (p: Readonly<Record<string, unknown>>): OrderBody => {
  const body: Record<string, SignParams[string]> = {};
  for (const [key, value] of Object.entries(p)) {
    if (!given(value)) continue;
    const percent = key === "triggerQuantity" && PERCENT.test(String(value));
    body[key] = percent
      ? String(value)
      : key === "triggerQuantity" || (DECIMAL_KEYS as ReadonlyArray<string>).includes(key)
      ? new Decimal(value as DecimalInput)
      : value as SignParams[string];
  }
  return body as OrderBody;
};

/**
 * Checks order parameters without the market and returns the body to send (decimals normalised to
 * plain text when rendered, absent keys dropped). `field` prefixes error field names (batch:
 * `"orders[2]"` → `orders[2].price`). Pure.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { validateOrder } from "./validate_order.ts";
 * const bad = validateOrder({ symbol: "SOL_USDC", side: "Bid", orderType: "Limit", quantity: "1" });
 * if (Result.isFailure(bad)) console.log(bad.failure.message); // Invalid price (Missing): ...
 * ```
 */
export const validateOrder = (
  params: ExecuteOrderParams,
  field?: string,
): Result.Result<OrderBody, OrderInputError> => {
  const at = (key: string): string => (field === undefined ? key : `${field}.${key}`);
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    return Result.fail(problem(field ?? "params", "Missing", "order parameters object required"));
  }
  const p = params as unknown as Readonly<Record<string, unknown>>;
  const found = keyProblems(p, at) ?? shapeProblems(p, at) ?? comboProblems(p, at);
  return found === undefined ? Result.succeed(toBody(p)) : Result.fail(found);
};

const failureOf = (result: Result.Result<Decimal, InvalidInputError>): Problem =>
  Result.isFailure(result) ? result.failure : undefined;

const PRICE_KEYS = [
  "price",
  "triggerPrice",
  "takeProfitTriggerPrice",
  "takeProfitLimitPrice",
  "stopLossTriggerPrice",
  "stopLossLimitPrice",
] as const;

/**
 * Checks a validated body against the market's filters: every price on `tickSize` and within
 * `[minPrice, maxPrice]`, `quantity` and an absolute `triggerQuantity` on `stepSize` and at least
 * `minQuantity`. Returns the first problem, or `undefined`. Pure.
 */
export const checkOrderForMarket = (
  body: OrderBody,
  market: FilterSource,
  field?: string,
): InvalidInputError | undefined => {
  const at = (key: string): string => (field === undefined ? key : `${field}.${key}`);
  const quantities = ["quantity", "triggerQuantity"].filter((key) => body[key] instanceof Decimal);
  return first(
    ...PRICE_KEYS.filter((key) => body[key] instanceof Decimal).map((key) =>
      failureOf(checkPrice(market, body[key] as Decimal, at(key)))
    ),
    ...quantities.map((key) => failureOf(checkQuantity(market, body[key] as Decimal, at(key)))),
  );
};

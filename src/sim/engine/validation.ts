/**
 * Validation of an order request against its market: field presence, tick/step precision,
 * filters and price band. Produces the normalized request the engine executes.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { Errors } from "./errors.ts";
import type { Market } from "./markets.ts";
import { d } from "./num.ts";
import type { AttachedLeg } from "./orders.ts";
import type {
  OrderType,
  SelfTradePrevention,
  Side,
  SimOrderRequest,
  TimeInForce,
  TriggerBy,
} from "./order_types.ts";

/** A validated order request. */
export interface ValidOrder {
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly price: Decimal | null;
  readonly quantity: Decimal | null;
  readonly quoteQuantity: Decimal | null;
  readonly timeInForce: TimeInForce;
  readonly postOnly: boolean;
  readonly reduceOnly: boolean;
  readonly clientId: number | null;
  readonly selfTradePrevention: SelfTradePrevention;
  readonly triggerPrice: Decimal | null;
  /** Absolute (`"0.5"`) or percent (`"50%"`) text, as sent. */
  readonly triggerQuantity: string | null;
  readonly triggerBy: TriggerBy | null;
  readonly takeProfit: AttachedLeg | null;
  readonly stopLoss: AttachedLeg | null;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const PERCENT = /^\d+(\.\d+)?%$/;
const SIDES: ReadonlySet<string> = new Set(["Bid", "Ask"]);
const TYPES: ReadonlySet<string> = new Set(["Limit", "Market"]);
const TIFS: ReadonlySet<string> = new Set(["GTC", "IOC", "FOK"]);
const STPS: ReadonlySet<string> = new Set(["RejectTaker", "RejectMaker", "RejectBoth"]);
const TRIGGER_BYS: ReadonlySet<string> = new Set(["LastPrice", "MarkPrice", "IndexPrice"]);

const decimal = (text: string | undefined, field: string): Decimal | null => {
  if (text === undefined) return null;
  if (typeof text !== "string" || !DECIMAL.test(text)) {
    throw Errors.invalidRequest(`Invalid \`${field}\`: ${String(text)}`);
  }
  return d(text);
};

const enumValue = <T extends string>(
  value: T | undefined,
  allowed: ReadonlySet<string>,
  field: string,
): T | undefined => {
  if (value !== undefined && !allowed.has(value)) {
    throw Errors.invalidRequest(`Invalid \`${field}\`: ${String(value)}`);
  }
  return value;
};

/** Checks a price against tick precision, filters and the band around `mark`. */
export const checkPrice = (market: Market, price: Decimal, mark: Decimal): void => {
  if (price.decimalPlaces() > market.priceDecimals) throw Errors.priceDecimalTooLong();
  if (!price.mod(market.tickSize).isZero()) {
    throw Errors.invalidPrice("Price must be a multiple of the tick size");
  }
  if (price.lt(market.minPrice)) throw Errors.invalidPrice("Price is below the minimum price");
  if (market.maxPrice !== null && price.gt(market.maxPrice)) {
    throw Errors.invalidPrice("Price is above the maximum price");
  }
  if (price.gt(mark.mul(market.maxMultiplier)) || price.lt(mark.mul(market.minMultiplier))) {
    throw Errors.priceBand();
  }
};

/** Checks a base quantity against step precision and min/max filters. */
export const checkQuantity = (market: Market, quantity: Decimal): void => {
  if (quantity.decimalPlaces() > market.quantityDecimals) throw Errors.quantityDecimalTooLong();
  if (!quantity.mod(market.stepSize).isZero()) {
    throw Errors.invalidQuantity("Quantity must be a multiple of the step size");
  }
  if (quantity.lt(market.minQuantity)) {
    throw Errors.invalidQuantity("Quantity is below the minimum allowed value");
  }
  if (market.maxQuantity !== null && quantity.gt(market.maxQuantity)) {
    throw Errors.invalidQuantity("Quantity is above the maximum allowed value");
  }
};

const leg = (
  market: Market,
  mark: Decimal,
  trigger: string | undefined,
  limit: string | undefined,
  by: TriggerBy | undefined,
  name: string,
): AttachedLeg | null => {
  const triggerPrice = decimal(trigger, `${name}TriggerPrice`);
  const limitPrice = decimal(limit, `${name}LimitPrice`);
  enumValue(by, TRIGGER_BYS, `${name}TriggerBy`);
  if (triggerPrice === null) {
    if (limitPrice !== null) {
      throw Errors.invalidRequest(`\`${name}LimitPrice\` requires \`${name}TriggerPrice\``);
    }
    return null;
  }
  checkPrice(market, triggerPrice, mark);
  if (limitPrice !== null) checkPrice(market, limitPrice, mark);
  return { triggerPrice, limitPrice, triggerBy: by ?? "LastPrice" };
};

/** Validates `req` for `market` (`mark` is the reference of the price band). */
export const validateOrder = (market: Market, req: SimOrderRequest, mark: Decimal): ValidOrder => {
  if (!SIDES.has(req.side)) throw Errors.invalidRequest(`Invalid \`side\`: ${String(req.side)}`);
  if (!TYPES.has(req.orderType)) {
    throw Errors.invalidRequest(`Invalid \`orderType\`: ${String(req.orderType)}`);
  }
  const timeInForce = enumValue(req.timeInForce, TIFS, "timeInForce") ?? "GTC";
  const selfTradePrevention = enumValue(req.selfTradePrevention, STPS, "selfTradePrevention") ??
    "RejectTaker";
  const triggerBy = enumValue(req.triggerBy, TRIGGER_BYS, "triggerBy");
  if (
    req.clientId !== undefined &&
    (!Number.isInteger(req.clientId) || req.clientId < 0 || req.clientId > 0xffffffff)
  ) {
    throw Errors.invalidRequest(`Invalid \`clientId\`: ${String(req.clientId)}`);
  }
  let price = decimal(req.price, "price");
  let quantity = decimal(req.quantity, "quantity");
  const quoteQuantity = decimal(req.quoteQuantity, "quoteQuantity");
  const triggerPrice = decimal(req.triggerPrice, "triggerPrice");
  const triggerQuantity = req.triggerQuantity ?? null;
  if ((triggerPrice === null) !== (triggerQuantity === null)) throw Errors.triggerPair();
  if (triggerQuantity !== null) {
    if (!DECIMAL.test(triggerQuantity) && !PERCENT.test(triggerQuantity)) {
      throw Errors.invalidRequest(`Invalid \`triggerQuantity\`: ${triggerQuantity}`);
    }
    if (PERCENT.test(triggerQuantity)) {
      const pct = d(triggerQuantity.slice(0, -1));
      if (pct.lte(0) || pct.gt(100)) {
        throw Errors.invalidQuantity("Trigger quantity percentage must be in (0, 100]");
      }
      quantity = null;
    } else {
      quantity = d(triggerQuantity);
    }
    checkPrice(market, triggerPrice!, mark);
  }
  if (req.orderType === "Limit") {
    if (price === null) throw Errors.invalidRequest("Limit orders must specify a `price`");
    if (quantity === null && triggerQuantity === null) {
      throw Errors.invalidRequest("Limit orders must specify a `quantity`");
    }
    if (quoteQuantity !== null) {
      throw Errors.invalidRequest("Limit orders cannot specify a `quoteQuantity`");
    }
    checkPrice(market, price, mark);
  } else {
    if (quantity === null && quoteQuantity === null && triggerQuantity === null) {
      throw Errors.marketNeedsQuantity();
    }
    if (req.postOnly === true) throw Errors.invalidOrder("Market orders cannot be post only");
    price = null;
    if (quoteQuantity !== null && quoteQuantity.lte(0)) {
      throw Errors.invalidQuantity("Quote quantity must be positive");
    }
  }
  if (quantity !== null) checkQuantity(market, quantity);
  if (req.reduceOnly === true && !market.perp) {
    throw Errors.invalidOrder("Reduce only orders are only supported on futures markets");
  }
  if (req.postOnly === true && timeInForce !== "GTC") {
    throw Errors.invalidOrder("Post only orders must be GTC");
  }
  return {
    symbol: market.symbol,
    side: req.side,
    orderType: req.orderType,
    price,
    quantity,
    quoteQuantity: req.orderType === "Market" ? quoteQuantity : null,
    timeInForce,
    postOnly: req.postOnly === true,
    reduceOnly: req.reduceOnly === true,
    clientId: req.clientId ?? null,
    selfTradePrevention,
    triggerPrice,
    triggerQuantity,
    triggerBy: triggerPrice === null ? null : triggerBy ?? "LastPrice",
    takeProfit: leg(
      market,
      mark,
      req.takeProfitTriggerPrice,
      req.takeProfitLimitPrice,
      req.takeProfitTriggerBy,
      "takeProfit",
    ),
    stopLoss: leg(
      market,
      mark,
      req.stopLossTriggerPrice,
      req.stopLossLimitPrice,
      req.stopLossTriggerBy,
      "stopLoss",
    ),
  };
};

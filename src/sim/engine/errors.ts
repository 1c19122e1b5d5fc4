/**
 * The engine's error constructors, with Backpack's real codes and messages where they are known
 * (REFERENCE §4.3). Where the real text is not recorded the message is marked "sim" in the JSDoc.
 *
 * @module
 */
import { SimError } from "./sim_error.ts";

const bad = (code: string, message: string): SimError => new SimError(400, code, message);

/** Engine errors by situation. */
export const Errors = {
  /** Unknown market symbol (sim text; the real server fails request parsing). */
  invalidMarket: (symbol: string): SimError => bad("INVALID_MARKET", `Invalid market: ${symbol}`),
  /** Real text. */
  priceDecimalTooLong: (): SimError => bad("INVALID_CLIENT_REQUEST", "Price decimal too long"),
  /** Real text. */
  quantityDecimalTooLong: (): SimError =>
    bad("INVALID_CLIENT_REQUEST", "Quantity decimal too long"),
  /** Real text. */
  marketNeedsQuantity: (): SimError =>
    bad("INVALID_CLIENT_REQUEST", "Market orders must specify a `quantity` or `quoteQuantity`"),
  /** Real text. */
  triggerPair: (): SimError =>
    bad(
      "INVALID_CLIENT_REQUEST",
      "Must specify both `triggerPrice` and `triggerQuantity` or neither",
    ),
  /** Real text. */
  needId: (): SimError =>
    bad("INVALID_CLIENT_REQUEST", "Must specify either `clientId` or `orderId`"),
  /** Real text. */
  clientIdExists: (clientId: number): SimError =>
    bad("INVALID_ORDER", `Order with client ID already exists: ${clientId}`),
  /** Real code; text as seen in client code matching on "Order would immediately match". */
  postOnlyTaker: (): SimError => bad("INVALID_ORDER", "Order would immediately match and take"),
  /** Real text. */
  priceBand: (): SimError => bad("INVALID_PRICE", "Price is too far from the last active price"),
  /** Malformed request field (sim text). */
  invalidRequest: (message: string): SimError => bad("INVALID_CLIENT_REQUEST", message),
  /** Price outside the market filters (sim text). */
  invalidPrice: (message: string): SimError => bad("INVALID_PRICE", message),
  /** Quantity outside the market filters (sim text). */
  invalidQuantity: (message: string): SimError => bad("INVALID_QUANTITY", message),
  /** Order not allowed (sim text). */
  invalidOrder: (message: string): SimError => bad("INVALID_ORDER", message),
  /** Not enough balance (sim text). */
  insufficientFunds: (): SimError => bad("INSUFFICIENT_FUNDS", "Insufficient funds"),
  /** Not enough margin (sim text). */
  insufficientMargin: (): SimError => bad("INSUFFICIENT_MARGIN", "Insufficient margin"),
  /** Order not open (Backpack answers 404 RESOURCE_NOT_FOUND). */
  notFound: (): SimError => new SimError(404, "RESOURCE_NOT_FOUND", "Order not found"),
  /** Unknown account (the server should have rejected the key first). */
  unknownAccount: (): SimError => new SimError(401, "UNAUTHORIZED", "Unknown account"),
} as const;

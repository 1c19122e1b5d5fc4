/**
 * Request-for-quote over an in-memory state machine. `POST /api/v1/rfq` opens an RFQ (`New`,
 * expires after {@link RFQ_TTL_MS}) and the simulator's system quoter answers it at once around
 * the market's mark price; other accounts may quote too (`POST /api/v1/rfq/quote`). Accepting a
 * quote fills the RFQ: the requester's base and quote balances move at the quote's price (and the
 * quoter's the other way when the quoter is an account); the other quotes are cancelled.
 * `executionMode: "Immediate"` fills against the system quote right away when it is within the
 * request's `price`. RFQ symbols are the underlying market's (`SOL_USDC`) or with `_RFQ`.
 * Every step is sent on `account.rfqUpdate` (payloads in `rfq_events.ts`): `rfqAccepted`,
 * `rfqRefreshed`, `rfqCancelled`, `rfqCandidate` (one per quote) and `rfqFilled` to the requester;
 * `rfqActive` to every other account; `quoteAccepted`, `quoteCancelled` and `rfqFilled` to a
 * quoting account. Expiry is applied lazily (on the next RFQ request) and sends no event.
 * RFQ fills carry no fee.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d, roundTo, str } from "../engine/num.ts";
import type { SimMarketConfig } from "../engine/config_types.ts";
import type { Route } from "./http_handler.ts";
import { objectBody, optionalEnum, optionalInt, optionalString, requireString } from "./params.ts";
import { HttpError } from "./responses.ts";
import { idSequence, matches, pageRows, positiveDecimal, route } from "./route_kit.ts";
import type { RouteEnv, RouteModule } from "./route_kit.ts";
import { quoteState, rfqActive, rfqCandidate, rfqFilled, rfqState } from "./rfq_events.ts";
import { naiveDateTime } from "./serialize.ts";

/** Lifetime of an RFQ, ms. */
export const RFQ_TTL_MS = 30_000;
/** Account id of the system quoter. */
const SYSTEM_QUOTER = "";
/** Half spread of the system quote around the mark. */
const SYSTEM_HALF_SPREAD = d("0.001");

type Status = "New" | "Filled" | "Cancelled" | "Expired";

interface Rfq {
  readonly account: string;
  readonly rfqId: string;
  readonly clientId: number | null;
  readonly symbol: string;
  readonly market: SimMarketConfig;
  readonly side: "Bid" | "Ask";
  readonly price: string | null;
  readonly quantity: string | null;
  readonly quoteQuantity: string | null;
  readonly executionMode: "AwaitAccept" | "Immediate";
  readonly submissionTime: number;
  expiryTime: number;
  status: Status;
}

interface Quote {
  readonly account: string;
  readonly rfqId: string;
  readonly quoteId: string;
  readonly clientId: number | null;
  readonly bidPrice: string;
  readonly askPrice: string;
  readonly createdAt: number;
  status: Status;
}

interface Fill {
  readonly rfq: Rfq;
  readonly quote: Quote;
  readonly quantity: string;
  readonly price: string;
  readonly filledAt: number;
}

const notFound = (what: string): HttpError =>
  new HttpError(404, "RESOURCE_NOT_FOUND", `${what} not found`);

const rfqView = (r: Rfq): Record<string, unknown> => ({
  rfqId: r.rfqId,
  clientId: r.clientId,
  symbol: r.symbol,
  side: r.side,
  price: r.price,
  quantity: r.quantity,
  quoteQuantity: r.quoteQuantity,
  submissionTime: r.submissionTime,
  expiryTime: r.expiryTime,
  status: r.status,
  executionMode: r.executionMode,
  createdAt: r.submissionTime,
});

const quoteView = (q: Quote): Record<string, unknown> => ({
  rfqId: q.rfqId,
  quoteId: q.quoteId,
  clientId: q.clientId,
  bidPrice: q.bidPrice,
  askPrice: q.askPrice,
  status: q.status,
  createdAt: q.createdAt,
});

/** The RFQ module over `env.exchange`. */
export const rfqRoutes = ({ exchange, accounts, publishPrivate }: RouteEnv): RouteModule => {
  const rfqs: Rfq[] = [];
  const quotes: Quote[] = [];
  const fills: Fill[] = [];
  const nextId = idSequence(9_000_000);
  const notify = (account: string, rfq: Rfq, data: unknown): void => {
    if (account !== SYSTEM_QUOTER) publishPrivate("account.rfqUpdate", rfq.symbol, account, data);
  };
  /** Tells the other accounts about an open RFQ. */
  const broadcast = (rfq: Rfq, now: number): void => {
    for (const other of accounts) {
      if (other !== rfq.account) notify(other, rfq, rfqActive(rfq, now));
    }
  };
  /** Ends the open quotes of `rfq` other than `except`. */
  const cancelQuotes = (rfq: Rfq, now: number, except?: Quote): void => {
    for (const other of quotes) {
      if (other.rfqId !== rfq.rfqId || other.status !== "New" || other === except) continue;
      other.status = "Cancelled";
      notify(other.account, rfq, quoteState("quoteCancelled", rfq, other, now));
    }
  };
  const marketOf = (symbol: string): SimMarketConfig => {
    const base = symbol.endsWith("_RFQ") ? symbol.slice(0, -4) : symbol;
    const market = exchange.markets().find((m) => m.symbol === base);
    if (market === undefined) throw new HttpError(400, "INVALID_MARKET", "Market not found");
    return market;
  };
  const expire = (now: number): void => {
    for (const r of rfqs) {
      if (r.status === "New" && now > r.expiryTime) r.status = "Expired";
    }
    for (const q of quotes) {
      const rfq = rfqs.find((r) => r.rfqId === q.rfqId)!;
      if (q.status === "New" && rfq.status !== "New") {
        q.status = rfq.status === "Filled" ? "Cancelled" : rfq.status;
      }
    }
  };
  const find = (account: string, rfqId?: string, clientId?: number): Rfq => {
    const found = rfqs.find((r) =>
      r.account === account && (rfqId === undefined || r.rfqId === rfqId) &&
      (clientId === undefined || r.clientId === clientId)
    );
    if (found === undefined || (rfqId === undefined && clientId === undefined)) {
      throw notFound("RFQ");
    }
    return found;
  };
  const systemQuote = (rfq: Rfq, now: number): Quote => {
    const mark = d(exchange.markPrices().find((p) => p.symbol === rfq.market.symbol)!.markPrice);
    const tick = d(rfq.market.tickSize);
    const quote: Quote = {
      account: SYSTEM_QUOTER,
      rfqId: rfq.rfqId,
      quoteId: nextId(),
      clientId: null,
      bidPrice: str(roundTo(mark.mul(d(1).minus(SYSTEM_HALF_SPREAD)), tick)),
      askPrice: str(roundTo(mark.mul(d(1).plus(SYSTEM_HALF_SPREAD)), tick)),
      createdAt: now,
      status: "New",
    };
    quotes.push(quote);
    notify(rfq.account, rfq, rfqCandidate(rfq, quote, now));
    return quote;
  };
  /** Settles `rfq` against `quote` (throws INSUFFICIENT_FUNDS before any balance moves). */
  const fill = (rfq: Rfq, quote: Quote, now: number): void => {
    const price = d(rfq.side === "Bid" ? quote.askPrice : quote.bidPrice);
    const step = d(rfq.market.stepSize);
    const quantity: Decimal = rfq.quantity !== null
      ? d(rfq.quantity)
      : d(rfq.quoteQuantity!).div(price).div(step).floor().mul(step);
    const value = quantity.mul(price);
    const { baseSymbol: base, quoteSymbol: quoteAsset } = rfq.market;
    const buyer = rfq.side === "Bid" ? rfq.account : quote.account;
    const seller = rfq.side === "Bid" ? quote.account : rfq.account;
    const legs: Array<[string, string, Decimal]> = [
      [buyer, quoteAsset, value.neg()],
      [seller, base, quantity.neg()],
      [buyer, base, quantity],
      [seller, quoteAsset, value],
    ];
    for (const [account, asset, amount] of legs) {
      if (account === SYSTEM_QUOTER || amount.gte(0)) continue;
      const available = d(exchange.balances(account)[asset]?.available ?? "0");
      if (available.plus(amount).isNegative()) {
        throw new HttpError(400, "INSUFFICIENT_FUNDS", "Insufficient funds");
      }
    }
    for (const [account, asset, amount] of legs) {
      if (account !== SYSTEM_QUOTER) exchange.transfer(account, asset, str(amount), now);
    }
    rfq.status = "Filled";
    quote.status = "Filled";
    cancelQuotes(rfq, now, quote);
    notify(rfq.account, rfq, rfqFilled(rfq, quote, now, false));
    notify(quote.account, rfq, rfqFilled(rfq, quote, now, true));
    fills.push({ rfq, quote, quantity: str(quantity), price: str(price), filledAt: now });
  };
  const routes: Route[] = [
    route("POST", "/api/v1/rfq", ({ account, body, now }) => {
      expire(now);
      const b = objectBody(body);
      const symbol = requireString(b, "symbol");
      const side = optionalEnum(b, "side", ["Bid", "Ask"]);
      if (side === undefined) {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `side`");
      }
      const quantity = b.quantity === undefined ? null : str(positiveDecimal(b, "quantity"));
      const quoteQuantity = b.quoteQuantity === undefined
        ? null
        : str(positiveDecimal(b, "quoteQuantity"));
      if ((quantity === null) === (quoteQuantity === null)) {
        throw new HttpError(
          400,
          "INVALID_CLIENT_REQUEST",
          "Must specify exactly one of `quantity` or `quoteQuantity`",
        );
      }
      const executionMode = optionalEnum(b, "executionMode", ["AwaitAccept", "Immediate"]) ??
        "AwaitAccept";
      const rfq: Rfq = {
        account,
        rfqId: nextId(),
        clientId: optionalInt(b, "clientId", 4_294_967_295) ?? null,
        symbol,
        market: marketOf(symbol),
        side,
        price: b.price === undefined ? null : str(positiveDecimal(b, "price")),
        quantity,
        quoteQuantity,
        executionMode,
        submissionTime: now,
        expiryTime: now + RFQ_TTL_MS,
        status: "New",
      };
      rfqs.push(rfq);
      notify(account, rfq, rfqState("rfqAccepted", rfq, now));
      broadcast(rfq, now);
      const quote = systemQuote(rfq, now);
      if (executionMode === "Immediate") {
        const price = d(side === "Bid" ? quote.askPrice : quote.bidPrice);
        const within = rfq.price === null ||
          (side === "Bid" ? price.lte(rfq.price) : price.gte(rfq.price));
        if (within) fill(rfq, quote, now);
        else rfq.status = "Expired";
      }
      return rfqView(rfq);
    }),
    route("POST", "/api/v1/rfq/quote", ({ account, body, now }) => {
      expire(now);
      const b = objectBody(body);
      const rfqId = requireString(b, "rfqId");
      const rfq = rfqs.find((r) => r.rfqId === rfqId && r.status === "New");
      if (rfq === undefined) throw notFound("RFQ");
      const quote: Quote = {
        account,
        rfqId,
        quoteId: nextId(),
        clientId: optionalInt(b, "clientId", 4_294_967_295) ?? null,
        bidPrice: str(positiveDecimal(b, "bidPrice")),
        askPrice: str(positiveDecimal(b, "askPrice")),
        createdAt: now,
        status: "New",
      };
      quotes.push(quote);
      notify(account, rfq, quoteState("quoteAccepted", rfq, quote, now));
      notify(rfq.account, rfq, rfqCandidate(rfq, quote, now));
      return quoteView(quote);
    }),
    route("POST", "/api/v1/rfq/accept", ({ account, body, now }) => {
      expire(now);
      const b = objectBody(body);
      const quoteId = requireString(b, "quoteId");
      const quote = quotes.find((q) => q.quoteId === quoteId);
      const rfq = quote === undefined
        ? undefined
        : rfqs.find((r) => r.rfqId === quote.rfqId && r.account === account);
      if (quote === undefined || rfq === undefined) throw notFound("Quote");
      const rfqId = optionalString(b, "rfqId");
      if (rfqId !== undefined && rfqId !== rfq.rfqId) throw notFound("Quote");
      if (rfq.status !== "New" || quote.status !== "New") {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", `RFQ is ${rfq.status}`);
      }
      fill(rfq, quote, now);
      return rfqView(rfq);
    }),
    route("POST", "/api/v1/rfq/refresh", ({ account, body, now }) => {
      expire(now);
      const rfq = find(account, requireString(objectBody(body), "rfqId"));
      if (rfq.status !== "New") {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", `RFQ is ${rfq.status}`);
      }
      rfq.expiryTime = now + RFQ_TTL_MS;
      notify(account, rfq, rfqState("rfqRefreshed", rfq, now));
      broadcast(rfq, now);
      systemQuote(rfq, now);
      return rfqView(rfq);
    }),
    route("POST", "/api/v1/rfq/cancel", ({ account, body, now }) => {
      expire(now);
      const b = objectBody(body ?? {});
      const rfq = find(account, optionalString(b, "rfqId"), optionalInt(b, "clientId"));
      if (rfq.status !== "New") {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", `RFQ is ${rfq.status}`);
      }
      rfq.status = "Cancelled";
      cancelQuotes(rfq, now);
      notify(account, rfq, rfqState("rfqCancelled", rfq, now));
      return rfqView(rfq);
    }),
    route("GET", "/api/v1/rfqs", ({ account, query, now }) => {
      expire(now);
      return rfqs.filter((r) =>
        r.account === account && r.status === "New" && matches(query, r, ["symbol", "rfqId"])
      ).map((r) => ({
        rfq: rfqView(r),
        quotes: quotes.filter((q) => q.rfqId === r.rfqId && q.status === "New").map(quoteView),
      }));
    }),
    route("GET", "/wapi/v1/history/rfq", ({ account, query, now }) => {
      expire(now);
      const rows = rfqs.filter((r) =>
        r.account === account && matches(query, r, ["rfqId", "symbol", "status", "side"])
      );
      return pageRows(rows, query).map((r) => ({
        ...rfqView(r),
        submissionTime: naiveDateTime(r.submissionTime),
        expiryTime: naiveDateTime(r.expiryTime),
        createdAt: naiveDateTime(r.submissionTime),
        deferredSettlementQuoteId: null,
      }));
    }),
    route("GET", "/wapi/v1/history/quote", ({ account, query, now }) => {
      expire(now);
      const rows = quotes.filter((q) =>
        q.account === account &&
        matches(query, { ...q, symbol: rfqs.find((r) => r.rfqId === q.rfqId)!.symbol }, [
          "quoteId",
          "symbol",
          "status",
        ])
      );
      return pageRows(rows, query).map((q) => ({
        ...quoteView(q),
        createdAt: naiveDateTime(q.createdAt),
        deferredSettlement: false,
      }));
    }),
    route("GET", "/wapi/v1/history/rfq/fill", ({ account, query }) =>
      pageRows(
        fills.filter((f) =>
          f.rfq.account === account &&
          matches(query, { ...f.rfq, quoteId: f.quote.quoteId }, ["quoteId", "symbol", "side"])
        ),
        query,
      ).map((f) => ({
        rfqId: f.rfq.rfqId,
        clientId: f.rfq.clientId,
        quoteId: f.quote.quoteId,
        symbol: f.rfq.symbol,
        side: f.rfq.side,
        quantity: f.quantity,
        quoteQuantity: str(d(f.quantity).mul(f.price)),
        fillPrice: f.price,
        createdAt: naiveDateTime(f.rfq.submissionTime),
        filledAt: naiveDateTime(f.filledAt),
        systemOrderType: null,
      }))),
    route("GET", "/wapi/v1/history/quote/fill", ({ account, query }) =>
      pageRows(
        fills.filter((f) =>
          f.quote.account === account &&
          matches(query, { ...f.rfq, quoteId: f.quote.quoteId }, ["quoteId", "symbol"])
        ),
        query,
      ).map((f) => ({
        clientId: f.quote.clientId,
        quoteId: f.quote.quoteId,
        rfqId: f.rfq.rfqId,
        symbol: f.rfq.symbol,
        side: f.rfq.side === "Bid" ? "Ask" : "Bid",
        quantity: f.quantity,
        fillPrice: f.price,
        fee: "0",
        feeSymbol: f.rfq.market.quoteSymbol,
        createdAt: naiveDateTime(f.quote.createdAt),
        filledAt: naiveDateTime(f.filledAt),
      }))),
  ];
  return { routes };
};

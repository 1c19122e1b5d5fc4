/**
 * `account.rfqUpdate` payloads (REFERENCE §6.9) of the simulator's RFQ state machine. `E`/`T` are
 * µs, `w`/`W` ms, `R`/`u` numbers, `C` the client id as a string (left out when the RFQ or quote
 * has none), and exactly one of `q` (base) / `Q` (quote) quantity, as the RFQ was requested.
 * The simulator accepts quotes until the RFQ expires, so the quote deadline `w` equals the expiry
 * `W`. RFQs are never system-initiated here, so `o` never appears.
 *
 * @module
 */
import { d, str } from "../engine/num.ts";

/** What the payloads need of an RFQ. */
export interface RfqFacts {
  /** Requesting account. */
  readonly account: string;
  /** RFQ id. */
  readonly rfqId: string;
  /** Requester's client id. */
  readonly clientId: number | null;
  /** Symbol as requested. */
  readonly symbol: string;
  /** Requester's side. */
  readonly side: "Bid" | "Ask";
  /** Base quantity, or `null` when sized by quote. */
  readonly quantity: string | null;
  /** Quote quantity, or `null` when sized by base. */
  readonly quoteQuantity: string | null;
  /** Expiry, ms. */
  readonly expiryTime: number;
  /** Status. */
  readonly status: string;
}

/** What the payloads need of a quote. */
export interface QuoteFacts {
  /** Quoting account (`""` = the system quoter). */
  readonly account: string;
  /** Quote id. */
  readonly quoteId: string;
  /** Quoter's client id. */
  readonly clientId: number | null;
  /** Bid price. */
  readonly bidPrice: string;
  /** Ask price. */
  readonly askPrice: string;
  /** Status. */
  readonly status: string;
}

type Data = Record<string, unknown>;

const client = (id: number | null): Data => id === null ? {} : { C: String(id) };
const size = (r: RfqFacts): Data =>
  r.quantity !== null ? { q: r.quantity } : { Q: r.quoteQuantity };
const head = (e: string, r: RfqFacts, nowMs: number): Data => ({
  e,
  E: nowMs * 1000,
  R: Number(r.rfqId),
});
const window = (r: RfqFacts): Data => ({ w: r.expiryTime, W: r.expiryTime });

/** The price the requester trades at with `quote`. */
export const quotePrice = (r: RfqFacts, q: QuoteFacts): string =>
  r.side === "Bid" ? q.askPrice : q.bidPrice;

/** `rfqActive`, broadcast to the other accounts (no side, no client id). */
export const rfqActive = (r: RfqFacts, nowMs: number): Data => ({
  ...head("rfqActive", r, nowMs),
  s: r.symbol,
  ...size(r),
  ...window(r),
  X: r.status,
  T: nowMs * 1000,
});

/** `rfqAccepted` / `rfqRefreshed` / `rfqCancelled`, to the requester. */
export const rfqState = (
  e: "rfqAccepted" | "rfqRefreshed" | "rfqCancelled",
  r: RfqFacts,
  nowMs: number,
): Data => ({
  ...head(e, r, nowMs),
  ...client(r.clientId),
  s: r.symbol,
  S: r.side,
  ...size(r),
  ...window(r),
  X: r.status,
  T: nowMs * 1000,
});

/** `rfqCandidate`: a new quote, to the requester (base and quote quantity at the quote's price). */
export const rfqCandidate = (r: RfqFacts, q: QuoteFacts, nowMs: number): Data => {
  const price = d(quotePrice(r, q));
  const base = r.quantity !== null ? d(r.quantity) : d(r.quoteQuantity!).div(price);
  return {
    ...head("rfqCandidate", r, nowMs),
    u: Number(q.quoteId),
    ...client(r.clientId),
    s: r.symbol,
    S: r.side,
    q: str(base),
    Q: str(r.quoteQuantity !== null ? d(r.quoteQuantity) : base.mul(price)),
    p: str(price),
    X: q.status,
    T: nowMs * 1000,
  };
};

/** `rfqFilled`: the requester's view (side and size) or the quoter's (`toQuoter`). */
export const rfqFilled = (
  r: RfqFacts,
  q: QuoteFacts,
  nowMs: number,
  toQuoter: boolean,
): Data => ({
  ...head("rfqFilled", r, nowMs),
  u: Number(q.quoteId),
  ...client(toQuoter ? q.clientId : r.clientId),
  s: r.symbol,
  ...(toQuoter ? {} : { S: r.side, ...size(r) }),
  p: quotePrice(r, q),
  X: r.status,
  T: nowMs * 1000,
});

/** `quoteAccepted` / `quoteCancelled`, to the quoter. */
export const quoteState = (
  e: "quoteAccepted" | "quoteCancelled",
  r: RfqFacts,
  q: QuoteFacts,
  nowMs: number,
): Data => ({
  ...head(e, r, nowMs),
  u: Number(q.quoteId),
  ...client(q.clientId),
  s: r.symbol,
  X: q.status,
  T: nowMs * 1000,
});

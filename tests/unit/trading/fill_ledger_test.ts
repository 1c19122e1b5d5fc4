/** Fill dedupe across the stream and the history, and the reconciliation cursor. */
import assert from "node:assert/strict";
import { Decimal } from "../../../src/decimal.ts";
import type { OrderUpdate } from "../../../src/schema/ws_account.ts";
import type { Fill } from "../../../src/schema/history.ts";
import { fillFromHistory, fillFromUpdate, FillLedger } from "../../../src/trading/fill_ledger.ts";

const at = new Date(1_700_000_000_000);
const update = (tradeId: string): OrderUpdate & { symbol: string } => ({
  type: "orderFill",
  symbol: "SOL_USDC_PERP",
  eventTimeUs: at.getTime() * 1000,
  eventTime: at,
  engineTimeUs: at.getTime() * 1000,
  engineTime: at,
  orderId: "9",
  clientId: 4,
  side: "Ask",
  orderType: "Limit",
  timeInForce: "GTC",
  status: "PartiallyFilled",
  executedQuantity: new Decimal("1"),
  executedQuoteQuantity: new Decimal("100"),
  selfTradePrevention: "RejectTaker",
  origin: "USER",
  fill: {
    tradeId,
    quantity: new Decimal("1"),
    price: new Decimal("100"),
    isMaker: true,
    fee: new Decimal("0.02"),
    feeSymbol: "USDC",
  },
});
const history = (tradeId: string | null, ms = at.getTime()): Fill => ({
  tradeId,
  orderId: "9",
  clientId: "4",
  symbol: "SOL_USDC_PERP",
  side: "Ask",
  price: new Decimal("100"),
  quantity: new Decimal("1"),
  fee: new Decimal("0.02"),
  feeSymbol: "USDC",
  isMaker: true,
  timestamp: new Date(ms),
});
const tracked = <T extends object>(input: T | undefined) => ({
  ...input!,
  estimatedFee: new Decimal("0.02"),
});

Deno.test("ledger: a stream fill and the same history fill count once", () => {
  const ledger = new FillLedger();
  const fromStream = fillFromUpdate(update("77"));
  assert.equal(fromStream?.source, "stream");
  assert.equal(fromStream?.side, "Ask");
  assert.equal(ledger.add(tracked(fromStream)), true);
  const fromHistory = fillFromHistory(history("77"));
  assert.equal(fromHistory?.clientId, 4);
  assert.equal(ledger.add(tracked(fromHistory)), false);
  assert.equal(ledger.add(tracked(fillFromUpdate(update("77")))), false);
  assert.equal(ledger.list().length, 1);
  assert.equal(ledger.list()[0]?.source, "stream");
  assert.equal(ledger.duplicates, 2);
  assert.equal(ledger.add(tracked(fillFromHistory(history("78")))), true);
  assert.deepEqual(ledger.list().map((f) => f.tradeId), ["77", "78"]);
  assert.equal(ledger.list("BTC_USDC_PERP").length, 0);
});

Deno.test("ledger: non-fill updates and history rows without trade id are not fills", () => {
  assert.equal(fillFromUpdate({ ...update("1"), fill: undefined }), undefined);
  assert.equal(fillFromHistory(history(null)), undefined);
});

Deno.test("ledger: cursor is the latest fill time minus the overlap, or the fallback", () => {
  const ledger = new FillLedger();
  assert.equal(ledger.cursor(5000, 123), 123);
  ledger.add(tracked(fillFromHistory(history("1", 1_000_000))));
  ledger.add(tracked(fillFromHistory(history("2", 900_000))));
  assert.equal(ledger.cursor(5000, 123), 995_000);
});

/**
 * The scenario behind the conformance tests: one simulator with three accounts and four sockets,
 * driven through every situation a recorded fixture shows (resting, filled, trigger and cancelled
 * orders, rejected orders, a batch, withdrawals, a liquidation, RFQs with a second account as
 * quoter, a funding settlement, closed candles). The answers of the mutating calls are kept by
 * name; read-only requests are made by the checks themselves.
 */
import assert from "node:assert/strict";
import { type Simulator, startSimulator } from "../../../../src/sim/mod.ts";
import { type Answer, signed, WsClient } from "./client.ts";
import { fixture, sign } from "./helpers.ts";

/** The perp market of the scenario. */
export const PERP = "SOL_USDC_PERP";
/** Client id of the order submitted twice (the recorded error message names it). */
const DUPLICATE_CLIENT_ID = 123456739;

/** A running scenario. */
export interface Scenario {
  /** The simulator. */
  readonly sim: Simulator;
  /** Public streams of {@link PERP}, `liquidation` and one invalid stream. */
  readonly pub: WsClient;
  /** `account.orderUpdate`, `account.positionUpdate`, `account.rfqUpdate` of account 0. */
  readonly trader: WsClient;
  /** `account.rfqUpdate` of account 1 (the quoter). */
  readonly quoter: WsClient;
  /** Subscribed with the recorded request messages (`ws-*.request.json`). */
  readonly requests: WsClient;
  /** Frames `requests` received while subscribed, before the recorded UNSUBSCRIBE. */
  readonly beforeUnsubscribe: number;
  /** Answers of the mutating requests, by name. */
  readonly answers: Readonly<Record<string, Answer>>;
  /** Closes the sockets and the simulator. */
  readonly close: () => Promise<void>;
}

const ok = (answer: Answer): Answer => {
  assert.ok(answer.status >= 200 && answer.status < 300, JSON.stringify(answer.body));
  return answer;
};

/** Fills the placeholders of the recorded private SUBSCRIBE with a real signature. */
const signedRecordedSubscribe = async (sim: Simulator): Promise<unknown> => {
  const recorded = await fixture("ws-subscribe-private.request.json") as Record<string, unknown>;
  const { apiKey, apiSecret } = sim.accounts[0]!;
  const ts = String(Date.now());
  const signature = await sign(apiSecret, `instruction=subscribe&timestamp=${ts}&window=5000`);
  return { ...recorded, signature: [apiKey, signature, ts, "5000"] };
};

/** Starts the simulator and plays the scenario. */
export const playScenario = async (): Promise<Scenario> => {
  const sim = await startSimulator({
    port: 0,
    tickMs: 0,
    seed: 7,
    accounts: [{}, {}, { balances: { USDC: "1000" }, leverageLimit: "20" }],
  });
  const answers: Record<string, Answer> = {};
  const call = async (
    name: string,
    method: string,
    path: string,
    instruction: string,
    params: Parameters<typeof signed>[4] = {},
    account = 0,
  ): Promise<
    Answer
  > => (answers[name] = await signed(sim, method, path, instruction, params, account));
  const order = (name: string, params: Record<string, string | number | boolean>, account = 0) =>
    call(name, "POST", "/api/v1/order", "orderExecute", params, account);
  const cancel = (name: string, placed: Answer) =>
    call(name, "DELETE", "/api/v1/order", "orderCancel", {
      symbol: PERP,
      orderId: (placed.body as { id: string }).id,
    });
  const rfq = (name: string, path: string, instruction: string, params: object, account = 0) =>
    call(name, "POST", path, instruction, params as Record<string, string | number>, account);

  const [pub, trader, quoter, requests] = await Promise.all([
    WsClient.open(sim),
    WsClient.open(sim),
    WsClient.open(sim),
    WsClient.open(sim),
  ]);
  const kinds = ["depth", "depth.200ms", "depth.600ms", "depth.1000ms", "trade", "bookTicker"];
  const more = ["markPrice", "ticker", "openInterest", "kline.1m", "kline.2h"];
  await pub.subscribe(sim, [...[...kinds, ...more].map((k) => `${k}.${PERP}`), "liquidation"]);
  await pub.subscribe(sim, ["depth.NOPE"]);
  const privateStreams = ["account.orderUpdate", "account.positionUpdate", "account.rfqUpdate"];
  await trader.subscribe(sim, privateStreams, true);
  await quoter.subscribe(sim, ["account.rfqUpdate"], true, 1);
  requests.send(await fixture("ws-subscribe-public.request.json"));
  requests.send(await signedRecordedSubscribe(sim));
  await pub.until(() => pub.frames.some((f) => "error" in f));

  for (let i = 0; i < 5; i++) sim.advance(Date.now());
  // orders: filled market, IOC limit, resting post-only limit, trigger orders
  ok(await order("marketFill", { symbol: PERP, side: "Bid", orderType: "Market", quantity: "1" }));
  const limit = { symbol: PERP, side: "Bid", orderType: "Limit", quantity: "0.5" };
  ok(await order("ioc", { ...limit, price: "200", timeInForce: "IOC" }));
  ok(await order("iocExpired", { ...limit, price: "140", timeInForce: "IOC" }));
  const resting = { ...limit, price: "100", postOnly: true, clientId: DUPLICATE_CLIENT_ID };
  ok(await order("resting", resting));
  const trigger = { symbol: PERP, side: "Ask", triggerPrice: "300" };
  ok(
    await order("triggerLimit", {
      ...trigger,
      orderType: "Limit",
      price: "299",
      triggerQuantity: "0.5",
    }),
  );
  const pct = ok(
    await order("triggerPct", { ...trigger, orderType: "Market", triggerQuantity: "80%" }),
  );
  ok(await cancel("cancel", pct));
  ok(await cancel("cancelLimit", ok(await order("cancellable", { ...limit, price: "99" }))));
  const marketWithId = { symbol: PERP, side: "Bid", orderType: "Market", clientId: 55555 };
  ok(await order("marketClientId", { ...marketWithId, quantity: "0.1" }));
  ok(
    await order("spot", {
      symbol: "SOL_USDC",
      side: "Bid",
      orderType: "Limit",
      price: "100",
      quantity: "1",
    }),
  );
  ok(await order("stp", { ...limit, price: "101", selfTradePrevention: "RejectBoth" }));
  ok(
    await order("attached", {
      ...limit,
      price: "200",
      takeProfitTriggerPrice: "400",
      takeProfitLimitPrice: "399",
      stopLossTriggerPrice: "50",
      stopLossLimitPrice: "51",
    }),
  );
  // rejections
  await order("errClientId", resting);
  await order("errMarketQty", { symbol: PERP, side: "Bid", orderType: "Market" });
  await order("errPriceBand", { ...limit, price: "10" });
  await order("errTriggerQty", { ...limit, price: "100", triggerPrice: "90" });
  await order("errInvalidOrder", {
    symbol: PERP,
    side: "Bid",
    orderType: "Market",
    quantity: "1",
    postOnly: true,
  });
  await call("errNeedId", "DELETE", "/api/v1/order", "orderCancel", { symbol: PERP });
  const batch = await fixture("rest-order-batch.request.docs.json") as Array<
    Record<string, string>
  >;
  ok(await call("batch", "POST", "/api/v1/orders", "orderExecute", batch));
  // capital
  const withdrawal = { blockchain: "Solana", address: "SimAddress1", twoFactorToken: "000000" };
  ok(
    await call("withdraw", "POST", "/wapi/v1/capital/withdrawals", "withdraw", {
      ...withdrawal,
      symbol: "USDC",
      quantity: "10",
    }),
  );
  // a liquidation: account 2 opens 1 SOL at 20x and withdraws its margin
  ok(
    await order(
      "toLiquidate",
      { symbol: PERP, side: "Bid", orderType: "Market", quantity: "1" },
      2,
    ),
  );
  const left = (await signed(sim, "GET", "/api/v1/capital", "balanceQuery", {}, 2)).body as Record<
    string,
    { available: string }
  >;
  const drain = (Number(left.USDC!.available) - 1).toFixed(2);
  ok(
    await call("drain", "POST", "/wapi/v1/capital/withdrawals", "withdraw", {
      ...withdrawal,
      symbol: "USDC",
      quantity: drain,
    }, 2),
  );

  // RFQs (account 1 quotes): one sized in base then cancelled, one in quote filled, one in quote cancelled
  const base = ok(
    await rfq("rfqBase", "/api/v1/rfq", "rfqSubmit", {
      symbol: "SOL_USDC_RFQ",
      side: "Bid",
      quantity: "1",
      clientId: 123,
    }),
  );
  const baseId = (base.body as { rfqId: string }).rfqId;
  ok(
    await rfq("quoteBase", "/api/v1/rfq/quote", "quoteSubmit", {
      rfqId: baseId,
      bidPrice: "140",
      askPrice: "160",
      clientId: 123,
    }, 1),
  );
  ok(await rfq("refresh", "/api/v1/rfq/refresh", "rfqRefresh", { rfqId: baseId }));
  ok(await rfq("cancelBase", "/api/v1/rfq/cancel", "rfqCancel", { rfqId: baseId }));
  const byQuote = { symbol: "SOL_USDC_RFQ", side: "Bid", quoteQuantity: "150", clientId: 123 };
  const filled = ok(await rfq("rfqQuote", "/api/v1/rfq", "rfqSubmit", byQuote));
  const filledId = (filled.body as { rfqId: string }).rfqId;
  const quote = ok(
    await rfq("quote", "/api/v1/rfq/quote", "quoteSubmit", {
      rfqId: filledId,
      bidPrice: "140",
      askPrice: "151",
      clientId: 123,
    }, 1),
  );
  ok(
    await rfq("accept", "/api/v1/rfq/accept", "quoteAccept", {
      quoteId: (quote.body as { quoteId: string }).quoteId,
    }),
  );
  const cancelled = ok(await rfq("rfqCancelled", "/api/v1/rfq", "rfqSubmit", byQuote));
  ok(
    await rfq("cancelQuote", "/api/v1/rfq/cancel", "rfqCancel", {
      rfqId: (cancelled.body as { rfqId: string }).rfqId,
    }),
  );

  // time: steps (closed 1m candles, liquidation), then past the funding hour
  for (let i = 1; i <= 70; i++) sim.advance(Date.now() + i * 1000);
  sim.advance(Date.now() + 3_660_000);
  await pub.until(() => pub.of("liquidation").length > 0 && pub.of(`kline.2h.${PERP}`).length > 0);
  await requests.until(() => requests.frames.some((f) => f.stream === "account.orderUpdate"));
  requests.send(await fixture("ws-unsubscribe.request.json"));
  const beforeUnsubscribe = requests.frames.length;
  return {
    sim,
    pub,
    trader,
    quoter,
    requests,
    beforeUnsubscribe,
    answers,
    close: async () => {
      await Promise.all([pub, trader, quoter, requests].map((ws) => ws.close()));
      await sim.close();
    },
  };
};

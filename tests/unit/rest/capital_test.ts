import assert from "node:assert/strict";
import { createClient } from "../../../src/client/create_client.ts";
import { fakeFetch, json, TEST_SECRET } from "./support.ts";

const fixture = async (name: string): Promise<unknown> =>
  JSON.parse(await Deno.readTextFile(new URL(`./fixtures/${name}`, import.meta.url)));

/** ccxt's recorded withdrawal (ids as strings, as ccxt stores them) and funding payment. */
const WITHDRAWAL = {
  accountIdentifier: null,
  bankIdentifier: null,
  bankName: null,
  blockchain: "Ethereum",
  clientId: null,
  createdAt: "2025-08-13T19:27:13.817",
  fee: "3",
  fiatFee: null,
  fiatState: null,
  fiatSymbol: null,
  id: "5479929",
  identifier: null,
  isInternal: false,
  providerId: null,
  quantity: "10",
  status: "confirmed",
  subaccountId: null,
  symbol: "USDC",
  toAddress: "0x0ad42b8e602c2d3d475ae52d678cf63d84ab2749",
  transactionHash: "0x658b6d082af4afa0d3cf85caf344ff7c19d980117726bf193b00d8850f8746a1",
  triggerAt: null,
};

Deno.test("recorded deposits, deposit address and withdrawals decode; query strings and signature headers", async () => {
  const deposits = await fixture("rest-deposits.ccxt.json");
  const address = await fixture("rest-deposit-address.ccxt.json");
  const { seen, fetch } = fakeFetch((req) => {
    const path = new URL(req.url).pathname;
    if (path === "/wapi/v1/capital/deposits") return json(deposits);
    if (path === "/wapi/v1/capital/deposit/address") return json(address);
    return json([WITHDRAWAL]);
  });
  await using client = createClient({ apiSecret: TEST_SECRET, fetch, rateLimit: false });
  const [deposit] = await client.getDeposits({ from: 1, to: 2, limit: 5 });
  assert.equal(deposit.id, "6695353");
  assert.equal(deposit.quantity.toFixed(), "120");
  assert.equal(deposit.createdAt.toISOString(), "2025-07-23T13:55:54.267Z");
  assert.equal(deposit.fiatAmount, null);
  assert.equal(
    (await client.getDepositAddress({ blockchain: "Ethereum" })).address,
    "0xfBe7CbfCde93c8a4204a4be6B56732Eb32690170",
  );
  const [w] = await client.getWithdrawals();
  assert.equal(w.id, "5479929");
  assert.equal(w.fee.toFixed(), "3");
  assert.equal(w.isInternal, false);
  assert.equal(
    seen[0].url,
    "https://api.backpack.exchange/wapi/v1/capital/deposits?from=1&limit=5&to=2",
  );
  assert.equal(
    seen[1].url,
    "https://api.backpack.exchange/wapi/v1/capital/deposit/address?blockchain=Ethereum",
  );
  assert.ok(seen.every((s) => s.headers.get("X-Signature") !== null));
});

Deno.test("withdraw sends decimals as strings and omits unset fields", async () => {
  const { seen, fetch } = fakeFetch(() => json(WITHDRAWAL));
  await using client = createClient({ apiSecret: TEST_SECRET, fetch, rateLimit: false });
  await client.withdraw({
    address: "0xabc",
    blockchain: "Ethereum",
    quantity: "10",
    symbol: "USDC",
  });
  assert.equal(seen[0].method, "POST");
  assert.deepEqual(JSON.parse(seen[0].body!), {
    address: "0xabc",
    blockchain: "Ethereum",
    quantity: "10",
    symbol: "USDC",
  });
});

Deno.test("bad input is rejected before any request", async () => {
  const { seen, fetch } = fakeFetch(() => json([]));
  await using client = createClient({ apiSecret: TEST_SECRET, fetch, rateLimit: false });
  const cases: ReadonlyArray<[() => Promise<unknown>, string]> = [
    [() => client.getDeposits({ from: 10, to: 1 }), "from"],
    [() => client.getDeposits({ limit: 0 }), "limit"],
    [() => client.getWithdrawals({ offset: -1 }), "offset"],
    [() => client.getFillHistory({ sortDirection: "Up" as never }), "sortDirection"],
    [() => client.getCollateral({ subaccountId: 70_000 }), "subaccountId"],
    [() => client.getDepositAddress({ blockchain: "" }), "blockchain"],
    [
      () =>
        client.withdraw({
          address: "a",
          blockchain: "Solana",
          quantity: 1 as never,
          symbol: "USDC",
        }),
      "quantity",
    ],
    [
      () => client.withdraw({ address: "a", blockchain: "Solana", quantity: "-1", symbol: "USDC" }),
      "quantity",
    ],
    [
      () => client.executeBorrowLend({ symbol: "USDC", side: "Repay" as never, quantity: "1" }),
      "side",
    ],
    [() => client.submitRfq({ symbol: "SOL_USDC_RFQ", side: "Bid" } as never), "quantity"],
    [
      () =>
        client.submitRfq({
          symbol: "SOL_USDC_RFQ",
          side: "Bid",
          quantity: "1",
          quoteQuantity: "1",
        }),
      "quoteQuantity",
    ],
    [
      () =>
        client.submitRfq({ symbol: "SOL_USDC_RFQ", side: "Bid", quantity: "1", clientId: 2 ** 32 }),
      "clientId",
    ],
    [() => client.cancelRfq({}), "rfqId"],
    [() => client.submitQuote({ rfqId: "1", bidPrice: "1", askPrice: "x" }), "askPrice"],
    [
      () =>
        client.createStrategy({
          symbol: "SOL_USDC",
          side: "Bid",
          strategyType: "Scheduled",
          duration: 1.5,
        }),
      "duration",
    ],
    [
      () => client.getStrategy({ symbol: "SOL_USDC", strategyId: "1", clientStrategyId: 1 }),
      "clientStrategyId",
    ],
    [() => client.mintVault({ vaultId: -1, symbol: "USDC", quantity: "1" }), "vaultId"],
    [() => client.getPendingVaultRedeems({} as never), "vaultId"],
    [() => client.getFillHistory(null as never), "params"],
  ];
  for (const [call, field] of cases) {
    await assert.rejects(call(), { _tag: "InvalidInputError", field }, field);
  }
  assert.equal(seen.length, 0);
});

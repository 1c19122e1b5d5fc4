import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import { InvalidInputError } from "../../../src/error_classes.ts";
import {
  convertDust,
  getAccount,
  getMaxBorrowQuantity,
  getMaxOrderQuantity,
  getMaxWithdrawalQuantity,
  updateAccount,
  type UpdateAccountParams,
} from "../../../src/rest/account.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { assertSigned, outcome, pathAndQuery, testLayer } from "../orders/support.ts";
import { ACCOUNT_WIRE, fakeFetch, json } from "./support.ts";

Deno.test("getAccount: signed accountQuery, fees and leverage as Decimal", async () => {
  const { seen, fetch } = fakeFetch(() => json(ACCOUNT_WIRE));
  const result = await outcome(getAccount(), { fetch });
  assert.ok(result.ok);
  assert.equal(result.value.leverageLimit.toFixed(), "10");
  assert.equal(result.value.futuresMakerFee.toFixed(), "-1");
  assert.equal(result.value.limitOrders, 2);
  assert.equal(seen[0].method, "GET");
  assert.equal(pathAndQuery(seen[0]), "/api/v1/account");
  await assertSigned(seen[0], "accountQuery", {});
});

Deno.test("updateAccount: PATCH with a decimal-string leverage, empty 200 answer", async () => {
  const { seen, fetch } = fakeFetch(() => new Response(null, { status: 200 }));
  const result = await outcome(updateAccount({ leverageLimit: "5", autoLend: false }), { fetch });
  assert.deepEqual(result, { ok: true, value: undefined });
  assert.equal(seen[0].method, "PATCH");
  assert.deepEqual(JSON.parse(seen[0].body ?? ""), { leverageLimit: "5", autoLend: false });
  await assertSigned(seen[0], "accountUpdate", { leverageLimit: "5", autoLend: false });
});

Deno.test("updateAccount: bad input is refused before any request", async () => {
  const cases: ReadonlyArray<[unknown, string, InvalidInputError["reason"]]> = [
    [{}, "leverageLimit", "Missing"],
    [{ leverageLimit: 5 }, "leverageLimit", "Malformed"],
    [{ leverageLimit: "0" }, "leverageLimit", "OutOfRange"],
    [{ autoLend: "yes" }, "autoLend", "Malformed"],
  ];
  const { seen, fetch } = fakeFetch(() => json({}));
  for (const [params, field, reason] of cases) {
    const result = await outcome(updateAccount(params as UpdateAccountParams), { fetch });
    assert.ok(!result.ok && result.error instanceof InvalidInputError, JSON.stringify(params));
    assert.equal(result.error.field, field);
    assert.equal(result.error.reason, reason);
  }
  assert.equal(seen.length, 0);
});

Deno.test("convertDust and the three limits: paths, queries, instructions, decoding", async () => {
  const { seen, fetch } = fakeFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith("/order")) {
      return json({ symbol: "SOL_USDC", side: "Bid", maxOrderQuantity: "12.5", price: "100" });
    }
    if (path.endsWith("/borrow")) return json({ symbol: "USDC", maxBorrowQuantity: "500" });
    if (path.endsWith("/withdrawal")) {
      return json({ symbol: "USDC", maxWithdrawalQuantity: "99.5", autoBorrow: false });
    }
    return new Response("", { status: 200 });
  });
  const results = await Effect.runPromise(
    Effect.all([
      convertDust({ symbol: "SOL" }),
      getMaxOrderQuantity({ symbol: "SOL_USDC", side: "Bid", price: "100", reduceOnly: false }),
      getMaxBorrowQuantity({ symbol: "USDC" }),
      getMaxWithdrawalQuantity({ symbol: "USDC", autoBorrow: false }),
    ]).pipe(
      Effect.provide(testLayer({ fetch })),
    ),
  );
  assert.equal(results[0], undefined);
  assert.equal(results[1].maxOrderQuantity.toFixed(), "12.5");
  assert.equal(results[2].maxBorrowQuantity.toFixed(), "500");
  assert.equal(results[3].maxWithdrawalQuantity.toFixed(), "99.5");
  assert.deepEqual(seen.map((r) => `${r.method} ${pathAndQuery(r)}`), [
    "POST /api/v1/account/convertDust",
    "GET /api/v1/account/limits/order?price=100&reduceOnly=false&side=Bid&symbol=SOL_USDC",
    "GET /api/v1/account/limits/borrow?symbol=USDC",
    "GET /api/v1/account/limits/withdrawal?autoBorrow=false&symbol=USDC",
  ]);
  await assertSigned(seen[0], "convertDust", { symbol: "SOL" });
  await assertSigned(seen[1], "maxOrderQuantity", {
    symbol: "SOL_USDC",
    side: "Bid",
    price: "100",
    reduceOnly: false,
  });
  await assertSigned(seen[2], "maxBorrowQuantity", { symbol: "USDC" });
  await assertSigned(seen[3], "maxWithdrawalQuantity", { symbol: "USDC", autoBorrow: false });
});

Deno.test("limits: bad input is refused before any request", async () => {
  const { seen, fetch } = fakeFetch(() => json({}));
  const bad = [
    getMaxOrderQuantity({ symbol: "SOL_USDC", side: "Buy" as never }),
    getMaxOrderQuantity({ symbol: "SOL_USDC", side: "Bid", price: 100 as never }),
    getMaxBorrowQuantity({ symbol: "" }),
    getMaxWithdrawalQuantity({ symbol: "USDC", autoLendRedeem: 1 as never }),
    convertDust({ symbol: "S O L" }),
  ];
  for (const effect of bad) {
    const result = await outcome(effect as Effect.Effect<unknown, unknown, never>, { fetch });
    assert.ok(!result.ok && result.error instanceof InvalidInputError);
  }
  assert.equal(seen.length, 0);
});

Deno.test("simulator: account, leverage cap round trip, limits and dust conversion", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0, syntheticLiquidity: false });
  try {
    const options = { baseUrl: sim.restUrl, apiSecret: sim.accounts[0].apiSecret };
    const before = await outcome(getAccount(), options);
    assert.ok(before.ok);
    assert.equal(before.value.leverageLimit.toFixed(), "10");
    assert.deepEqual(await outcome(updateAccount({ leverageLimit: "3" }), options), {
      ok: true,
      value: undefined,
    });
    const after = await outcome(getAccount(), options);
    assert.ok(after.ok);
    assert.equal(after.value.leverageLimit.toFixed(), "3");
    const max = await outcome(
      getMaxOrderQuantity({ symbol: "SOL_USDC_PERP", side: "Bid" }),
      options,
    );
    assert.ok(max.ok && max.value.maxOrderQuantity.gt(0));
    const borrow = await outcome(getMaxBorrowQuantity({ symbol: "USDC" }), options);
    assert.ok(borrow.ok && borrow.value.symbol === "USDC");
    const withdraw = await outcome(getMaxWithdrawalQuantity({ symbol: "USDC" }), options);
    assert.ok(withdraw.ok && withdraw.value.maxWithdrawalQuantity.gt(0));
    assert.deepEqual(await outcome(convertDust({}), options), { ok: true, value: undefined });
  } finally {
    await sim.close();
  }
});

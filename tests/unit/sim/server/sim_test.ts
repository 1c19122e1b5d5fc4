/** End-to-end behaviour of `startSimulator` over loopback: limits, faults, private streams. */
import assert from "node:assert/strict";
import { startSimulator } from "../../../../src/sim/mod.ts";
import { publicGet, signed, WsClient } from "./client.ts";

const PERP = "SOL_USDC_PERP";

Deno.test("sim: 429 with Retry-After once the historical budget is spent", async () => {
  const sim = await startSimulator({ tickMs: 0, rateLimits: { general: 100, historical: 2 } });
  try {
    const start = Math.floor(Date.now() / 1000) - 60;
    const path = `/api/v1/klines?symbol=${PERP}&interval=1m&startTime=${start}`;
    assert.equal((await publicGet(sim, path)).status, 200);
    assert.equal((await publicGet(sim, path)).status, 200);
    const limited = await publicGet(sim, path);
    assert.equal(limited.status, 429);
    assert.equal((limited.body as { code: string }).code, "TOO_MANY_REQUESTS");
    assert.ok(Number(limited.headers.get("Retry-After")) >= 1);
    assert.equal((await publicGet(sim, `/api/v1/depth?symbol=${PERP}`)).status, 200);
  } finally {
    await sim.close();
  }
});

Deno.test("sim: a 202 order fault still places the order; 503 does not", async () => {
  const sim = await startSimulator({ tickMs: 0, faults: { restAccepted: 1 } });
  try {
    const order = {
      symbol: PERP,
      side: "Bid",
      orderType: "Limit",
      price: "100",
      quantity: "1",
      clientId: 7,
    };
    const accepted = await signed(sim, "POST", "/api/v1/order", "orderExecute", order);
    assert.deepEqual([accepted.status, accepted.body], [202, {}]);
    const open = await signed(sim, "GET", "/api/v1/order", "orderQuery", {
      symbol: PERP,
      clientId: 7,
    });
    assert.equal(open.status, 200);
    assert.equal((open.body as { clientId: number }).clientId, 7);
    sim.setFaults({ restServerError: 1 });
    const failed = await signed(sim, "POST", "/api/v1/order", "orderExecute", {
      ...order,
      clientId: 8,
    });
    assert.equal(failed.status, 503);
    sim.setFaults({});
    const none = await signed(sim, "GET", "/api/v1/order", "orderQuery", {
      symbol: PERP,
      clientId: 8,
    });
    assert.equal(none.status, 404);
    assert.deepEqual(
      [sim.faultCounts().restAccepted, sim.faultCounts().restServerError],
      [1, 1],
    );
  } finally {
    await sim.close();
  }
});

Deno.test("sim: unknown route, engine errors and batch answers use Backpack bodies", async () => {
  const sim = await startSimulator({ tickMs: 0 });
  try {
    const missing = await publicGet(sim, "/api/v1/unknown");
    assert.equal(missing.status, 404);
    assert.equal((missing.body as { code: string }).code, "RESOURCE_NOT_FOUND");
    const noQty = await signed(sim, "POST", "/api/v1/order", "orderExecute", {
      symbol: PERP,
      side: "Bid",
      orderType: "Market",
    });
    assert.equal(noQty.status, 400);
    assert.equal((noQty.body as { code: string }).code, "INVALID_CLIENT_REQUEST");
    const batch = [
      { symbol: PERP, side: "Bid", orderType: "Limit", price: "100", quantity: "1" },
      { symbol: PERP, side: "Bid", orderType: "Limit", price: "100", quantity: "0.001" },
    ];
    const answer = await signed(sim, "POST", "/api/v1/orders", "orderExecute", batch);
    assert.equal(answer.status, 200);
    const [first, second] = answer.body as Array<Record<string, unknown>>;
    assert.equal(first!.operation, "Ok");
    assert.equal(first!.status, "New");
    assert.equal(second!.operation, "Err");
    assert.equal(typeof second!.code, "string");
    const cancelled = await signed(sim, "DELETE", "/api/v1/orders", "orderCancelAll", {
      symbol: PERP,
    });
    assert.equal((cancelled.body as unknown[]).length, 1);
  } finally {
    await sim.close();
  }
});

Deno.test("sim: WS close-after-N fault and positionUpdate snapshot on subscribe", async () => {
  const sim = await startSimulator({ tickMs: 0 });
  try {
    await signed(sim, "POST", "/api/v1/order", "orderExecute", {
      symbol: PERP,
      side: "Bid",
      orderType: "Market",
      quantity: "1",
    });
    const ws = await WsClient.open(sim);
    await ws.subscribe(sim, ["account.positionUpdate"], true);
    await ws.until(() => ws.frames.length > 0);
    const snapshot = ws.frames[0]!.data as Record<string, unknown>;
    assert.equal(snapshot.s, PERP);
    assert.equal("e" in snapshot, false);
    sim.setFaults({ wsCloseAfterFrames: 3 });
    await ws.subscribe(sim, [`depth.${PERP}`]);
    await ws.until(() => ws.of(`depth.${PERP}`).length > 0 || ws.closed, 200).catch(() => {});
    for (let i = 1; i <= 50 && !ws.closed; i++) {
      sim.advance(Date.now() + i * 100);
      await new Promise((r) => setTimeout(r, 1));
    }
    await ws.until(() => ws.closed);
    assert.equal(sim.faultCounts().wsClose, 1);
    await ws.close();
  } finally {
    await sim.close();
  }
});

Deno.test("sim: the ticker advances the engine and streams depth; close stops everything", async () => {
  const sim = await startSimulator({ tickMs: 20 });
  const ws = await WsClient.open(sim);
  try {
    await ws.subscribe(sim, [`depth.${PERP}`, `bookTicker.${PERP}`]);
    await ws.until(() => ws.of(`depth.${PERP}`).length >= 2);
    const [a, b] = ws.of(`depth.${PERP}`).map((f) => f.data as { U: number; u: number });
    assert.equal(b!.U, a!.u + 1, "consecutive depth events chain U = previous u + 1");
  } finally {
    await ws.close();
    await sim.close();
  }
});

import assert from "node:assert/strict";
import { getPublicKeyAsync } from "@noble/ed25519";
import { encodeBase64 } from "../../../../src/auth/base64.ts";
import { FaultInjector, type Faults } from "../../../../src/sim/server/faults.ts";
import { WsHub } from "../../../../src/sim/server/ws_hub.ts";
import { sign } from "./helpers.ts";

const seed = new Uint8Array(32).fill(3);
const secret = encodeBase64(seed);

const setup = async (faults: Faults = {}) => {
  const apiKey = encodeBase64(await getPublicKeyAsync(seed));
  const injector = new FaultInjector(faults, 42);
  const hub = new WsHub({
    auth: { keys: new Map([[apiKey, "acct"]]), now: () => Date.now() },
    faults: injector,
    catalog: {
      isValid: (s) => ["depth.SOL_USDC", "trade.SOL_USDC", "account.orderUpdate"].includes(s),
      initialData: () => [{ snapshot: true }],
    },
  });
  const sent: unknown[] = [];
  let closed: number | undefined;
  const session = hub.connect({
    send: (t) => sent.push(JSON.parse(t)),
    close: (code) => (closed = code),
  });
  return { hub, session, sent, injector, apiKey, closed: () => closed };
};

Deno.test("ws hub: subscribe, publish, unsubscribe", async () => {
  const { hub, session, sent } = await setup();
  await session.receive(JSON.stringify({ method: "SUBSCRIBE", params: ["trade.SOL_USDC"] }));
  hub.publish("trade.SOL_USDC", { p: "1" });
  hub.publish("depth.SOL_USDC", { u: 1 });
  await session.receive(JSON.stringify({ method: "UNSUBSCRIBE", params: ["trade.SOL_USDC"] }));
  hub.publish("trade.SOL_USDC", { p: "2" });
  assert.deepEqual(sent, [{ stream: "trade.SOL_USDC", data: { p: "1" } }]);
});

Deno.test("ws hub: invalid stream and invalid message answer error frames", async () => {
  const { session, sent } = await setup();
  await session.receive(JSON.stringify({ method: "SUBSCRIBE", params: ["depth.NOPE"] }));
  await session.receive("not json");
  assert.deepEqual(sent, [
    { id: null, error: { code: 4006, message: "Invalid stream" } },
    { id: null, error: { code: 4000, message: "Invalid message" } },
  ]);
  assert.equal(session.streams.size, 0);
});

Deno.test("ws hub: private streams need a valid signature; then get the snapshot and own events", async () => {
  const { hub, session, sent, apiKey } = await setup();
  await session.receive(JSON.stringify({ method: "SUBSCRIBE", params: ["account.orderUpdate"] }));
  const ts = Date.now();
  const badSig = await sign(secret, `instruction=subscribe&timestamp=${ts + 1}&window=5000`);
  await session.receive(JSON.stringify({
    method: "SUBSCRIBE",
    params: ["account.orderUpdate"],
    signature: [apiKey, badSig, String(ts), "5000"],
  }));
  assert.deepEqual(sent, [
    { id: null, error: { code: 4001, message: "Missing signature" } },
    { id: null, error: { code: 4001, message: "Invalid signature" } },
  ]);
  const sig = await sign(secret, `instruction=subscribe&timestamp=${ts}&window=5000`);
  await session.receive(JSON.stringify({
    method: "SUBSCRIBE",
    params: ["account.orderUpdate"],
    signature: [apiKey, sig, String(ts), "5000"],
  }));
  hub.publishPrivate("account.orderUpdate", "SOL_USDC", "other", { mine: false });
  hub.publishPrivate("account.orderUpdate", "SOL_USDC", "acct", { mine: true });
  assert.deepEqual(sent.slice(2), [
    { stream: "account.orderUpdate", data: { snapshot: true } },
    { stream: "account.orderUpdate", data: { mine: true } },
  ]);
});

const depthFrames = async (faults: Faults, n = 200) => {
  const ctx = await setup(faults);
  await ctx.session.receive(JSON.stringify({ method: "SUBSCRIBE", params: ["depth.SOL_USDC"] }));
  for (let u = 1; u <= n; u++) ctx.hub.publish("depth.SOL_USDC", { u });
  return { ...ctx, us: ctx.sent.map((f) => (f as { data: { u: number } }).data.u) };
};

Deno.test("ws faults: drop, duplicate and reorder depth frames, counted", async () => {
  const drop = await depthFrames({ wsDropDepth: 0.3 });
  assert.ok(drop.us.length < 200 && drop.us.length > 100);
  assert.equal(drop.injector.counts().wsDrop, 200 - drop.us.length);
  const dup = await depthFrames({ wsDuplicateDepth: 0.3 });
  assert.equal(dup.us.length, 200 + dup.injector.counts().wsDuplicate);
  assert.ok(dup.injector.counts().wsDuplicate > 0);
  const re = await depthFrames({ wsReorderDepth: 0.3 });
  const swaps = re.us.filter((u, i) => i > 0 && u < re.us[i - 1]!).length;
  assert.ok(swaps > 0);
  assert.equal(swaps, re.injector.counts().wsReorder - (re.us.length < 200 ? 1 : 0));
});

Deno.test("ws faults: close after N frames, silence", async () => {
  const closing = await depthFrames({ wsCloseAfterFrames: 5 });
  assert.deepEqual(closing.us, [1, 2, 3, 4, 5]);
  assert.equal(closing.closed(), 1011);
  assert.equal(closing.injector.counts().wsClose, 1);
  assert.equal(closing.hub.sessions.size, 0);
  const silent = await depthFrames({ wsSilent: true }, 10);
  assert.deepEqual(silent.us, []);
  assert.equal(silent.injector.counts().wsSilenced, 10);
});

Deno.test("ws faults: delayed frames keep their order and are cancelled on detach", async () => {
  const ctx = await depthFrames({ wsDelayMs: 5 }, 3);
  assert.deepEqual(ctx.us, []);
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(ctx.sent.map((f) => (f as { data: { u: number } }).data.u), [1, 2, 3]);
  ctx.hub.publish("depth.SOL_USDC", { u: 4 });
  ctx.session.detach(); // pending timer cleared: the test's op sanitizer would fail otherwise
  assert.equal(ctx.injector.counts().wsDelay, 4);
});

Deno.test("ws hub: idle() waits for a signed subscribe still being verified", async () => {
  const { hub, session, sent, apiKey } = await setup();
  const ts = Date.now();
  const signature = await sign(secret, `instruction=subscribe&timestamp=${ts}&window=5000`);
  const handling = session.receive(JSON.stringify({
    method: "SUBSCRIBE",
    params: ["account.orderUpdate"],
    signature: [apiKey, signature, String(ts), "5000"],
  }));
  assert.equal(session.account, undefined, "verification is asynchronous");
  await hub.idle();
  assert.equal(session.account, "acct");
  assert.deepEqual(sent, [{ stream: "account.orderUpdate", data: { snapshot: true } }]);
  await handling;
  await hub.idle(); // nothing pending: resolves at once
});

/** Subscribes `ctx.session` to depth and to the signed private stream (snapshot sent, no faults). */
const subscribeAll = async (ctx: Awaited<ReturnType<typeof setup>>) => {
  const ts = Date.now();
  const signature = await sign(secret, `instruction=subscribe&timestamp=${ts}&window=5000`);
  await ctx.session.receive(JSON.stringify({
    method: "SUBSCRIBE",
    params: ["depth.SOL_USDC", "account.orderUpdate"],
    signature: [ctx.apiKey, signature, String(ts), "5000"],
  }));
  assert.deepEqual(ctx.sent.splice(0), [{
    stream: "account.orderUpdate",
    data: { snapshot: true },
  }]);
};

/**
 * Publishes `n` private frames `{i}` interleaved with `n` depth frames `{u}` under `faults` set on
 * the connection (`server` false) or server-wide; returns what the client got, as `o<i>` / `d<u>`.
 */
const mixedFrames = async (faults: Faults, n = 200, server = false) => {
  const ctx = await setup();
  await subscribeAll(ctx);
  if (server) ctx.injector.set(faults);
  else assert.ok(ctx.hub.setConnectionFaults(ctx.session.id, faults));
  for (let i = 1; i <= n; i++) {
    ctx.hub.publishPrivate("account.orderUpdate", "SOL_USDC", "acct", { i });
    ctx.hub.publish("depth.SOL_USDC", { u: i });
  }
  const seen = ctx.sent.map((f) => {
    const { data } = f as { data: { i?: number; u?: number } };
    return data.i === undefined ? `d${data.u}` : `o${data.i}`;
  });
  const orders = seen.filter((s) => s.startsWith("o"));
  return { ...ctx, seen, orders, depth: seen.filter((s) => s.startsWith("d")) };
};

const upTo = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

Deno.test("ws private faults: drop rate 1 delivers no private frame, depth untouched, counted", async () => {
  const ctx = await mixedFrames({ wsDropPrivate: 1 }, 20);
  assert.deepEqual(ctx.orders, []);
  assert.deepEqual(ctx.depth, upTo(20, "d"));
  assert.equal(ctx.injector.counts().wsDropPrivate, 20);
  assert.equal(ctx.injector.counts().wsDrop, 0);
});

Deno.test("ws private faults: duplicate rate 1 sends each private frame twice, in a row", async () => {
  const ctx = await mixedFrames({ wsDuplicatePrivate: 1 }, 20, true);
  assert.deepEqual(ctx.orders, upTo(20, "o").flatMap((o) => [o, o]));
  assert.deepEqual(ctx.depth, upTo(20, "d"));
  assert.equal(ctx.injector.counts().wsDuplicatePrivate, 20);
});

Deno.test("ws private faults: reorder rate 1 swaps adjacent private frames", async () => {
  const ctx = await mixedFrames({ wsReorderPrivate: 1 }, 7);
  // 1 held, 2 releases it (2 then 1), 3 held, ...; the odd last one stays held.
  assert.deepEqual(ctx.orders, ["o2", "o1", "o4", "o3", "o6", "o5"]);
  assert.deepEqual(ctx.depth, upTo(7, "d"));
  assert.equal(ctx.injector.counts().wsReorderPrivate, 4);
});

Deno.test("ws private faults: a zero rate draws nothing, so other faults replay identically", async () => {
  const base = await mixedFrames({ wsDropDepth: 0.3, wsReorderDepth: 0.2 });
  const zeros = await mixedFrames({
    wsDropDepth: 0.3,
    wsReorderDepth: 0.2,
    wsDropPrivate: 0,
    wsDuplicatePrivate: 0,
    wsReorderPrivate: 0,
  });
  assert.deepEqual(zeros.seen, base.seen);
  assert.deepEqual(zeros.orders, upTo(200, "o"));
  assert.deepEqual(zeros.injector.counts(), base.injector.counts());
  assert.ok(base.injector.counts().wsDrop > 0);
});

Deno.test("ws private faults: same seed, same faults, same frames", async () => {
  const faults = { wsDropPrivate: 0.2, wsDuplicatePrivate: 0.2, wsReorderPrivate: 0.2 };
  const a = await mixedFrames(faults);
  const b = await mixedFrames(faults);
  assert.deepEqual(a.seen, b.seen);
  assert.deepEqual(a.injector.counts(), b.injector.counts());
  const counts = a.injector.counts();
  assert.ok(
    counts.wsDropPrivate > 0 && counts.wsDuplicatePrivate > 0 && counts.wsReorderPrivate > 0,
  );
  assert.notDeepEqual(a.orders, upTo(200, "o"));
  // Every frame arrived (twice when duplicated) or was dropped; at most the last held one waits.
  const waiting = 200 - counts.wsDropPrivate + counts.wsDuplicatePrivate - a.orders.length;
  assert.ok(waiting === 0 || waiting === 1, `${waiting} frames unaccounted for`);
});

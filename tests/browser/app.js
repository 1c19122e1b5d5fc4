// The browser test page's app, bundled by tests/browser/run.mjs with esbuild: the built package
// ("@backpack-edge/sdk") for REST and signing, and the order book ("#orderbook") in a Web Worker.
// Each check's outcome goes to `window.__result`; `window.bookTop()` reads the worker's book.
import { createClient } from "@backpack-edge/sdk";
import { createOrderBook } from "#orderbook";

const cfg = JSON.parse(document.getElementById("config").textContent);
const checks = {};
const check = async (name, fn) => {
  try {
    checks[name] = { ok: true, value: await fn() };
  } catch (e) {
    checks[name] = { ok: false, error: String(e?.stack ?? e) };
  }
};
const fromB64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const toB64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

await check("webcrypto ed25519 signing vector", async () => {
  const prefix = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04];
  const pkcs8 = new Uint8Array([...prefix, 0x22, 0x04, 0x20, ...fromB64(cfg.vector.seed)]);
  const key = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, ["sign"]);
  const signature = toB64(
    await crypto.subtle.sign("Ed25519", key, new TextEncoder().encode(cfg.vector.message)),
  );
  if (signature !== cfg.vector.signature) throw new Error(`got ${signature}`);
  return signature.slice(0, 12);
});

const client = createClient({ baseUrl: cfg.restUrl, apiSecret: cfg.apiSecret });
await check("public REST from the page (CORS)", async () => {
  const depth = await client.getDepth({ symbol: cfg.symbol, limit: 5 });
  return { bid: depth.bids[0]?.[0].toFixed(), ask: depth.asks[0]?.[0].toFixed() };
});
await check("signed REST (SDK signature accepted)", async () => {
  const balances = await client.getBalances();
  return Object.keys(balances).length;
});
await client.close();

let book;
await check("order book live in a Web Worker (WebSocket)", async () => {
  book = await createOrderBook({
    symbol: cfg.symbol,
    restUrl: cfg.restUrl,
    wsUrl: cfg.wsUrl,
    mode: "worker",
  });
  const deadline = Date.now() + 20000;
  for (;;) {
    const status = await book.status();
    if (status.phase === "Live") return { mode: book.mode, phase: status.phase };
    if (Date.now() > deadline) throw new Error(`not Live: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

globalThis.bookTop = async () => {
  const top = await book.snapshot(1);
  return {
    bid: top.bids[0]?.map((d) => d.toFixed()),
    ask: top.asks[0]?.map((d) => d.toFixed()),
    lastUpdateId: top.lastUpdateId,
  };
};
// The synchronous read: shared memory with the worker (the page is cross-origin isolated).
globalThis.peekTop = () => {
  const top = book.peekTop();
  return {
    isolated: globalThis.crossOriginIsolated,
    bid: top?.bid?.map((d) => d.toFixed()),
    ask: top?.ask?.map((d) => d.toFixed()),
    lastUpdateId: top?.lastUpdateId,
  };
};
document.getElementById("out").textContent = JSON.stringify(checks, null, 2);
globalThis.__result = checks;

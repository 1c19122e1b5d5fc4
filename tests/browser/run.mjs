// Browser suite: headless Chromium (Debian's chromium-headless-shell or chromium, driven by
// playwright-core through `executablePath`; `.ci/run` installs it with apt) loads a page that runs
// the esbuild-bundled built package against the simulator: WebCrypto Ed25519 signing vector,
// public REST over CORS, a signed REST call, the order book kept in a module Web Worker over the
// simulator's WebSocket, and its top of book compared with the simulator's `GET /api/v1/depth`.
// Saves a screenshot to test-output/browser/. Prints `chromium: N passed, M failed`.
//
// Run after scripts/build_npm.ts: `node tests/browser/run.mjs`. No browser → the suite FAILS.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = `${ROOT}test-output/browser`;
const SYMBOL = "SOL_USDC_PERP";
const BROWSERS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let passed = 0;
let failed = 0;
const record = (name, ok, detail = "") => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
};
const done = () => {
  console.log(`chromium: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
};

/** Starts `deno task sim`'s script on a free port and reads its printed URLs and test secret. */
const startSimulator = () =>
  new Promise((resolve, reject) => {
    const child = spawn(
      `${ROOT}node_modules/.bin/deno`,
      ["run", "-A", "scripts/sim.ts", "--port", "0", "--seed", "3", "--tick-ms", "1000"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let text = "";
    child.stderr.on("data", (chunk) => (text += chunk));
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${text}`)), 30000);
    child.on("exit", (code) => reject(new Error(`simulator exited with ${code}: ${text}`)));
    child.stdout.on("data", (chunk) => {
      text += chunk;
      const rest = /REST\s+(http\S+)/.exec(text)?.[1];
      const ws = /WS\s+(ws\S+)/.exec(text)?.[1];
      const secret = /secret\s+(\S+)/.exec(text)?.[1];
      if (rest && ws && secret) {
        clearTimeout(timer);
        resolve({ child, restUrl: rest, wsUrl: ws, apiSecret: secret });
      }
    });
  });

/** The order book from the built package when it exports it, else from the sources. */
const orderBookModule = () => {
  const built = readFileSync(`${ROOT}npm/mod.js`, "utf8");
  return /\bcreateOrderBook\b/.test(built) ? `${ROOT}npm/mod.js` : `${ROOT}src/orderbook/client.ts`;
};

/** Resolves the page's two aliases and the packages the sources import (from the npm build). */
const resolver = {
  name: "backpack-edge-test",
  setup(build) {
    build.onResolve({ filter: /^@backpack-edge\/sdk$/ }, () => ({ path: `${ROOT}npm/mod.js` }));
    build.onResolve({ filter: /^#orderbook$/ }, () => ({ path: orderBookModule() }));
    build.onResolve({ filter: /^comlink$/ }, () => {
      const installed = `${ROOT}npm/node_modules/comlink/dist/esm/comlink.mjs`;
      const cached = `${ROOT}.deno/npm/registry.npmjs.org/comlink/4.4.2/dist/esm/comlink.mjs`;
      return { path: existsSync(installed) ? installed : cached };
    });
  },
};

const bundle = async (entry) => {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    nodePaths: [`${ROOT}npm/node_modules`],
    plugins: [resolver],
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
};

const workerEntry = () => {
  const built = `${ROOT}npm/workers/orderbook.worker.js`;
  return existsSync(built) ? built : `${ROOT}workers/orderbook.worker.ts`;
};

const page = (config) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>backpack-edge</title></head>
<body><h1>backpack-edge in Chromium</h1><pre id="out">running…</pre>
<script id="config" type="application/json">${JSON.stringify(config)}</script>
<script type="module" src="/app.js"></script></body></html>`;

const serve = (files) =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = new URL(req.url, "http://x").pathname;
      // The order-book client starts its worker from `new URL("../../workers/orderbook.worker.ts",
      // import.meta.url)`: any path ending in the worker's name gets the worker bundle.
      const key = /orderbook\.worker\.[jt]s$/.test(path) ? "worker" : path;
      const file = files[key];
      if (file === undefined) {
        res.writeHead(404).end();
        return;
      }
      // Cross-origin isolated (COOP + COEP), so the page may share memory with its worker.
      res.writeHead(200, {
        "content-type": file.type,
        "cache-control": "no-store",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      }).end(file.body);
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });

/** `118.50` → `118.5`, so the raw API strings compare with `Decimal#toFixed()`. */
const canonical = (text) => text.includes(".") ? text.replace(/\.?0+$/, "") : text;

/** Best bid and ask of the simulator's raw depth answer (Backpack sends bids ascending). */
const simTop = async (restUrl) => {
  const depth = await (await fetch(`${restUrl}/api/v1/depth?symbol=${SYMBOL}`)).json();
  const by = (levels, better) =>
    levels.reduce(
      (best, l) => (best === undefined || better(+l[0], +best[0]) ? l : best),
      undefined,
    );
  const bid = by(depth.bids, (a, b) => a > b);
  const ask = by(depth.asks, (a, b) => a < b);
  return {
    bid: bid?.map(canonical),
    ask: ask?.map(canonical),
    lastUpdateId: String(depth.lastUpdateId),
  };
};

const executablePath = BROWSERS.find((path) => existsSync(path));
if (executablePath === undefined) {
  record("a Chromium is installed", false, `none of ${BROWSERS.join(", ")} (see .ci/run)`);
  done();
}

mkdirSync(OUT, { recursive: true });
const sim = await startSimulator();
// However this process ends (a crash included), the simulator goes with it.
process.on("exit", () => sim.child.kill("SIGTERM"));
const vectors = JSON.parse(
  readFileSync(`${ROOT}tests/unit/auth/signing_vectors.generated.json`, "utf8"),
);
const files = {
  "/": {
    type: "text/html; charset=utf-8",
    body: page({
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      apiSecret: sim.apiSecret,
      symbol: SYMBOL,
      vector: {
        seed: vectors.seed_b64,
        message: vectors.vectors[0].message,
        signature: vectors.vectors[0].signature_b64,
      },
    }),
  },
  "/app.js": { type: "text/javascript", body: await bundle(`${ROOT}tests/browser/app.js`) },
  worker: { type: "text/javascript", body: await bundle(workerEntry()) },
};
const server = await serve(files);
const origin = `http://127.0.0.1:${server.address().port}`;
let browser;
try {
  browser = await chromium.launch({ executablePath, args: FLAGS });
  const tab = await browser.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(String(e)));
  tab.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await tab.goto(`${origin}/`);
  await tab.waitForFunction(() => globalThis.__result !== undefined, null, { timeout: 60000 })
    .catch(() => {});
  const checks = (await tab.evaluate(() => globalThis.__result)) ?? {};
  if (Object.keys(checks).length === 0) record("the page ran", false, errors.join("; "));
  for (const [name, c] of Object.entries(checks)) {
    record(name, c.ok, c.ok ? JSON.stringify(c.value) : c.error);
  }
  if (checks["order book live in a Web Worker (WebSocket)"]?.ok) {
    // The simulator ticks once a second: compare when both sides are at the same update id.
    let last;
    for (let i = 0; i < 40; i++) {
      const ours = await tab.evaluate(() => globalThis.bookTop());
      const theirs = await simTop(sim.restUrl);
      last = { ours, theirs };
      if (ours.lastUpdateId === theirs.lastUpdateId) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const same = last.ours.lastUpdateId === last.theirs.lastUpdateId &&
      JSON.stringify(last.ours) === JSON.stringify(last.theirs);
    record("worker top of book = simulator GET /api/v1/depth", same, JSON.stringify(last));
    // peekTop() reads the worker's shared memory: once the book is at the simulator's update id,
    // it says so without a message.
    let peeked;
    for (let i = 0; i < 40; i++) {
      peeked = {
        ours: await tab.evaluate(() => globalThis.peekTop()),
        theirs: await simTop(sim.restUrl),
      };
      if (peeked.ours.lastUpdateId === peeked.theirs.lastUpdateId) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { isolated, ...peek } = peeked.ours;
    record(
      "peekTop() from shared memory (cross-origin isolated page) = simulator GET /api/v1/depth",
      isolated === true && JSON.stringify(peek) === JSON.stringify(peeked.theirs),
      JSON.stringify(peeked),
    );
  } else {
    record("worker top of book = simulator GET /api/v1/depth", false, "no live book");
  }
  await tab.screenshot({ path: `${OUT}/page.png`, fullPage: true });
  record("screenshot", existsSync(`${OUT}/page.png`), "test-output/browser/page.png");
} catch (e) {
  record("browser run", false, String(e?.stack ?? e));
} finally {
  await browser?.close();
  server.close();
  sim.child.removeAllListeners("exit");
}
done();

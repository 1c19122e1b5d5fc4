// deno-lint-ignore-file explicit-module-boundary-types -- plain JS: types are in JSDoc
/**
 * The smoke checks every runtime (Node, Bun, workerd) runs against the BUILT npm package.
 *
 * A runner imports every entry point of the package by its npm name, `effect/Effect` and the
 * fixtures, then calls {@link runSmoke}. Each case is one passed or failed item; the last line
 * printed is `<runtime>: N passed, M failed`, which scripts/test.sh reads.
 *
 * @module
 */
import assert from "node:assert/strict";

/**
 * @typedef {object} SmokeInput
 * @property {Record<string, Record<string, any>>} entries each entry point's module, by subpath
 * @property {Record<string, any>} Effect the `effect/Effect` module
 * @property {{ vectors: { secret_64byte_b64: string, seed_b64: string, public_key_b64: string,
 *   vectors: { message: string, signature_b64: string }[] }, depth: any, balances: any }} fixtures
 * @property {(options: object) => Promise<import("./sim_remote.mjs").SimHandle>} startSimulator
 *   a simulator of the built package (in-process on Node/Bun, in the runner's Node for workerd)
 */

const BASE_URL = "https://api.backpack.test";

/** Looks an export up in the entry points, `"."` first; a missing export fails the case. */
const exported = (entries, name) => {
  const subpaths = Object.keys(entries).sort((a, b) => (a === "." ? -1 : b === "." ? 1 : 0));
  const subpath = subpaths.find((s) => name in entries[s]);
  assert.ok(subpath !== undefined, `no entry point of the package exports "${name}"`);
  return entries[subpath][name];
};

const json = (body, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A fake `fetch` answering by path; every request it sees is pushed to `seen`. */
const fakeFetch = (routes, seen) => (input, init) => {
  const request = new Request(input, init);
  seen.push(request);
  const route = routes[new URL(request.url).pathname];
  return Promise.resolve(
    route ? route(request) : json({ code: "RESOURCE_NOT_FOUND", message: "no route" }, 404),
  );
};

const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Checks an Ed25519 signature with WebCrypto (an implementation independent of the SDK's). */
const verifyEd25519 = async (publicKeyB64, signatureB64, message) => {
  const key = await crypto.subtle.importKey(
    "raw",
    fromBase64(publicKeyB64),
    { name: "Ed25519" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify(
    { name: "Ed25519" },
    key,
    fromBase64(signatureB64),
    new TextEncoder().encode(message),
  );
};

/** Runs `use(client, seen)` with a client over a fake fetch, closing the client afterwards. */
const withClient = async (entries, options, routes, use) => {
  const seen = [];
  const client = exported(entries, "createClient")({
    baseUrl: BASE_URL,
    ...options,
    fetch: fakeFetch(routes, seen),
  });
  try {
    await use(client, seen);
  } finally {
    await client.close();
  }
};

/** Asserts that `promise` rejects with the SDK error class `tag` (by `_tag` and `instanceof`). */
const rejectsWith = (entries, promise, tag) =>
  assert.rejects(promise, (err) => {
    assert.equal(err?._tag, tag, `expected ${tag}, got ${err?._tag}: ${err}`);
    assert.ok(err instanceof exported(entries, tag));
    return true;
  });

/** The market the simulator cases use. */
const SYMBOL = "SOL_USDC_PERP";

/** Where `createOrderBook` in `auto` mode runs its feed, by runtime. */
const BOOK_BACKEND = {
  node: "worker_threads",
  node22: "worker_threads",
  bun: "Web Worker",
  workerd: "inline",
};

/** Runs `use(sim)` with a fresh simulator, closing it afterwards. */
const withSimulator = async (startSimulator, options, use) => {
  const sim = await startSimulator({ seed: 7, ...options });
  try {
    await use(sim);
  } finally {
    await sim.close();
  }
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Steps the (manual-time) simulator until the book reaches the engine's update id, then checks the
 * best bid and ask against the engine's book at that id. A fresh book only goes Live with the frame
 * after its snapshot, so it may take a few steps; gives up after 10 s.
 */
const assertBookMatches = async (sim, book) => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await sim.advance();
    const truth = await sim.trueBook(SYMBOL);
    const settle = Date.now() + 500;
    let status = await book.status();
    while (status.lastUpdateId !== truth.lastUpdateId && Date.now() < settle) {
      await sleep(5);
      status = await book.status();
    }
    if (status.phase === "Live" && status.lastUpdateId === truth.lastUpdateId) {
      const [bid, ask] = [await book.bestBid(), await book.bestAsk()];
      assertLevel(bid, truth.bids[0], "best bid");
      assertLevel(ask, truth.asks[0], "best ask");
      // The synchronous read (shared memory from a worker, the feed itself inline) agrees.
      const top = book.peekTop();
      assert.equal(top?.lastUpdateId, truth.lastUpdateId, "peekTop() update id");
      assertLevel(top.bid, truth.bids[0], "peekTop() bid");
      assertLevel(top.ask, truth.asks[0], "peekTop() ask");
      return;
    }
    assert.ok(Date.now() < deadline, `the book never caught up: ${JSON.stringify(status)}`);
  }
};

/** `[Decimal, Decimal]` equals the engine's `[string, string]` level. */
const assertLevel = (actual, [price, quantity], label) =>
  assert.ok(
    actual !== undefined && actual[0].eq(price) && actual[1].eq(quantity),
    `${label}: ${actual?.map(String)} vs the simulator's ${price}@${quantity}`,
  );

/**
 * @param {SmokeInput} input
 * @param {string} runtime
 */
const cases = (
  { entries, Effect, fixtures: { vectors, depth, balances }, startSimulator },
  runtime,
) => [
  {
    name: "parseSecret derives the X-API-Key of the test secret and hides the seed",
    run: async () => {
      const key = await Effect.runPromise(
        exported(entries, "parseSecret")(vectors.secret_64byte_b64),
      );
      assert.equal(key.apiKey, vectors.public_key_b64);
      assert.ok(!JSON.stringify(key).includes(vectors.seed_b64.slice(0, 16)));
      assert.ok(!String(key).includes(vectors.seed_b64.slice(0, 16)));
    },
  },
  {
    name: "Signer.make signs every test vector with the expected signature",
    run: async () => {
      const key = await Effect.runPromise(exported(entries, "parseSecret")(vectors.seed_b64));
      const signer = await exported(entries, "Signer").make(key);
      assert.equal(signer.apiKey, vectors.public_key_b64);
      for (const { message, signature_b64 } of vectors.vectors) {
        assert.equal(await Effect.runPromise(signer.sign(message)), signature_b64, message);
      }
    },
  },
  {
    name: "a malformed secret fails with InvalidInputError and is not echoed",
    run: async () => {
      const secret = `not-base64!${vectors.seed_b64.slice(0, 20)}`;
      const result = await Effect.runPromise(
        Effect.result(exported(entries, "parseSecret")(secret)),
      );
      assert.equal(result._tag, "Failure");
      assert.equal(result.failure._tag, "InvalidInputError");
      assert.ok(result.failure instanceof exported(entries, "InvalidInputError"));
      assert.ok(!JSON.stringify(result.failure).includes(secret));
    },
  },
  {
    name: "createClient().getDepth decodes the recorded depth through a fake fetch",
    run: () =>
      withClient(entries, {}, { "/api/v1/depth": () => json(depth) }, async (client, seen) => {
        const book = await client.getDepth({ symbol: "BTC_USDC", limit: 5 });
        assert.equal(book.bids[0][0].toFixed(), "12.9");
        assert.equal(book.asks[0][0].toFixed(), "118318.3");
        assert.ok(book.bids[0][1] instanceof exported(entries, "Decimal"));
        assert.equal(book.lastUpdateId, "1504999670");
        assert.equal(seen.length, 1);
        const url = new URL(seen[0].url);
        assert.equal(`${url.origin}${url.pathname}`, `${BASE_URL}/api/v1/depth`);
        assert.equal(url.searchParams.get("symbol"), "BTC_USDC");
        assert.equal(url.searchParams.get("limit"), "5");
      }),
  },
  {
    name: "getBalances sends X-API-Key and an Ed25519 signature over the balanceQuery string",
    run: () =>
      withClient(
        entries,
        { apiSecret: vectors.seed_b64 },
        {
          "/api/v1/capital": () => json(balances),
          "/api/v1/time": () => new Response(String(Date.now())),
        },
        async (client, seen) => {
          const result = await client.getBalances();
          assert.equal(result.USDC.available.toFixed(), "120");
          const request = seen.find((r) => new URL(r.url).pathname === "/api/v1/capital");
          assert.ok(request, "no request to /api/v1/capital");
          const header = (name) => request.headers.get(name);
          assert.equal(header("X-API-Key"), vectors.public_key_b64);
          const message = `instruction=balanceQuery&timestamp=${header("X-Timestamp")}&window=${
            header("X-Window")
          }`;
          assert.ok(await verifyEd25519(vectors.public_key_b64, header("X-Signature"), message));
        },
      ),
  },
  {
    name: "a Backpack 404 error body rejects with the tagged NotFoundError",
    run: () =>
      withClient(
        entries,
        {},
        {
          "/api/v1/depth": () =>
            json({ code: "RESOURCE_NOT_FOUND", message: "Market not found" }, 404),
        },
        (client) => rejectsWith(entries, client.getDepth({ symbol: "NOPE_USDC" }), "NotFoundError"),
      ),
  },
  {
    name: "a malformed answer rejects with the tagged DecodeError",
    run: () =>
      withClient(
        entries,
        {},
        { "/api/v1/depth": () => json({ asks: "none", bids: [] }) },
        (client) => rejectsWith(entries, client.getDepth({ symbol: "BTC_USDC" }), "DecodeError"),
      ),
  },
  {
    name: "invalid input rejects with InvalidInputError before any request",
    run: () =>
      withClient(entries, {}, {}, async (client, seen) => {
        await rejectsWith(
          entries,
          client.getDepth({ symbol: "BTC_USDC", limit: 7 }),
          "InvalidInputError",
        );
        assert.equal(seen.length, 0);
      }),
  },
  {
    name: "the simulator (sim entry) serves getStatus, getDepth and a signed getBalances",
    run: () =>
      withSimulator(startSimulator, { tickMs: 0 }, async (sim) => {
        const { apiKey, apiSecret } = sim.accounts[0];
        const client = exported(entries, "createClient")({
          baseUrl: sim.restUrl,
          apiKey,
          apiSecret,
        });
        try {
          assert.equal((await client.getStatus()).status, "Ok");
          const book = await client.getDepth({ symbol: SYMBOL, limit: 5 });
          assert.ok(book.bids.length > 0 && book.asks.length > 0);
          assert.ok(book.bids[0][0].lt(book.asks[0][0]));
          const balances = await client.getBalances();
          assert.equal(balances.USDC.available.toFixed(), "100000");
        } finally {
          await client.close();
        }
      }),
  },
  {
    name: `createStreams().trades decodes trade.${SYMBOL} from the simulator (isows)`,
    run: () =>
      withSimulator(startSimulator, { tickMs: 20 }, async (sim) => {
        const streams = exported(entries, "createStreams")({ wsUrl: sim.wsUrl });
        try {
          const seen = [];
          for await (const trade of streams.trades({ symbol: SYMBOL })) {
            seen.push(trade);
            if (seen.length === 2) break; // unsubscribes
          }
          assert.equal(seen[0].symbol, SYMBOL);
          assert.ok(seen[0].price.gt(0) && seen[0].quantity.gt(0));
          assert.ok(seen[0].eventTime instanceof Date);
        } finally {
          await streams.close();
        }
      }),
  },
  {
    name: `createOrderBook (auto mode: ${
      BOOK_BACKEND[runtime]
    }) goes Live and its best bid/ask equal the simulator's book at the same update id`,
    run: () =>
      withSimulator(startSimulator, { tickMs: 0 }, async (sim) => {
        const book = await exported(entries, "createOrderBook")({
          symbol: SYMBOL,
          restUrl: sim.restUrl,
          wsUrl: sim.wsUrl,
        });
        try {
          assert.equal(book.symbol, SYMBOL);
          assert.equal(book.mode, BOOK_BACKEND[runtime] === "inline" ? "inline" : "worker");
          // Which worker: Node has no global Worker (so worker_threads), Bun has a Web Worker.
          assert.equal(
            typeof Worker,
            BOOK_BACKEND[runtime] === "Web Worker" ? "function" : "undefined",
          );
          for (let round = 0; round < 3; round++) await assertBookMatches(sim, book);
          assert.equal((await book.status()).phase, "Live");
        } finally {
          await book.close();
        }
        await assert.rejects(book.bestBid(), (err) => err?._tag === "UnavailableError");
        assert.equal(book.peekTop(), undefined);
      }),
  },
];

/**
 * Runs the cases sequentially, logs `ok - …` / `not ok - …` per case and finally
 * `<runtime>: N passed, M failed`.
 *
 * @param {string} runtime name printed on the summary line
 * @param {SmokeInput} input
 * @param {(line: string) => void} log
 * @param {{ name: string, run: () => Promise<void> }[]} more cases run after these
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export const runSmoke = async (runtime, input, log = console.log, more = []) => {
  let passed = 0;
  let failed = 0;
  for (const { name, run } of [...cases(input, runtime), ...more]) {
    try {
      await run();
      passed++;
      log(`ok - ${name}`);
    } catch (e) {
      failed++;
      log(`not ok - ${name}\n  ${String(e?.stack ?? e).split("\n").join("\n  ")}`);
    }
  }
  log(`${runtime}: ${passed} passed, ${failed} failed`);
  return { passed, failed };
};

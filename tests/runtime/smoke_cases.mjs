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

/** @param {SmokeInput} input */
const cases = ({ entries, Effect, fixtures: { vectors, depth, balances } }) => [
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
    // workerd cannot listen on a port
    runtimes: ["node", "bun"],
    run: async () => {
      const sim = await exported(entries, "startSimulator")({ tickMs: 0 });
      try {
        const { apiKey, apiSecret } = sim.accounts[0];
        const client = exported(entries, "createClient")({
          baseUrl: sim.restUrl,
          apiKey,
          apiSecret,
        });
        try {
          assert.equal((await client.getStatus()).status, "Ok");
          const book = await client.getDepth({ symbol: "SOL_USDC_PERP", limit: 5 });
          assert.ok(book.bids.length > 0 && book.asks.length > 0);
          assert.ok(book.bids[0][0].lt(book.asks[0][0]));
          const balances = await client.getBalances();
          assert.equal(balances.USDC.available.toFixed(), "100000");
        } finally {
          await client.close();
        }
      } finally {
        await sim.close();
      }
    },
  },
  {
    name: "createStreams().trades decodes trade.SOL_USDC_PERP from the simulator (isows)",
    runtimes: ["node", "bun"],
    run: async () => {
      const sim = await exported(entries, "startSimulator")({ tickMs: 20 });
      try {
        const streams = exported(entries, "createStreams")({ wsUrl: sim.wsUrl });
        try {
          const seen = [];
          for await (const trade of streams.trades({ symbol: "SOL_USDC_PERP" })) {
            seen.push(trade);
            if (seen.length === 2) break; // unsubscribes
          }
          assert.equal(seen[0].symbol, "SOL_USDC_PERP");
          assert.ok(seen[0].price.gt(0) && seen[0].quantity.gt(0));
          assert.ok(seen[0].eventTime instanceof Date);
        } finally {
          await streams.close();
        }
      } finally {
        await sim.close();
      }
    },
  },
];

/**
 * Runs the cases sequentially, logs `ok - …` / `not ok - …` per case and finally
 * `<runtime>: N passed, M failed`.
 *
 * @param {string} runtime name printed on the summary line
 * @param {SmokeInput} input
 * @param {(line: string) => void} log
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export const runSmoke = async (runtime, input, log = console.log) => {
  let passed = 0;
  let failed = 0;
  for (const { name, run, runtimes } of cases(input)) {
    if (runtimes !== undefined && !runtimes.includes(runtime)) continue;
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

import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import { fetchServerTime } from "../../../src/auth/server_time_fetch.ts";
import { TransportError } from "../../../src/error_classes.ts";

/** Runs `body` against a server answering every request with `respond()`. */
const withServer = async (
  respond: (request: Request) => Response | Promise<Response>,
  body: (baseUrl: string) => Promise<void>,
): Promise<void> => {
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, respond);
  try {
    await body(`http://127.0.0.1:${server.addr.port}/`);
  } finally {
    await server.shutdown();
  }
};

const failure = (baseUrl: string, timeoutMs = 2_000) =>
  Effect.runPromise(Effect.flip(fetchServerTime(baseUrl, timeoutMs)));

Deno.test("fetchServerTime reads the text/plain Unix-ms body of GET /api/v1/time", async () => {
  const paths: string[] = [];
  await withServer(
    (request) => (paths.push(new URL(request.url).pathname), new Response("1795806586385\n")),
    async (baseUrl) => {
      assert.equal(await Effect.runPromise(fetchServerTime(baseUrl, 2_000)), 1795806586385);
      await Effect.runPromise(fetchServerTime(`${baseUrl}//`, 2_000)); // trailing slashes dropped
    },
  );
  assert.deepEqual(paths, ["/api/v1/time", "/api/v1/time"]);
});

Deno.test("fetchServerTime fails with TransportError on a non-2xx, a non-number, a timeout or no server", async () => {
  await withServer(() => new Response("down", { status: 503 }), async (baseUrl) => {
    const error = await failure(baseUrl);
    assert.ok(error instanceof TransportError && /HTTP 503/.test(error.reason), String(error));
  });
  await withServer(() => new Response("soon"), async (baseUrl) => {
    const error = await failure(baseUrl);
    assert.ok(error instanceof TransportError && /not a time/.test(error.reason), String(error));
  });
  await withServer(
    () => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response("1")), 500)),
    async (baseUrl) => {
      const error = await failure(baseUrl, 50);
      assert.ok(error instanceof TransportError, String(error));
      assert.equal(error.endpoint, "GET /api/v1/time");
    },
  );
  const refused = await failure("http://127.0.0.1:1");
  assert.ok(refused instanceof TransportError, String(refused));
});

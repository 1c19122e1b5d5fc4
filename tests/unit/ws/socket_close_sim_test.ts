/**
 * `ReconnectingSocket.close()` with the runtime's own WebSocket against the local simulator, with
 * the sanitizers on: closing while the handshake is in progress, or while a private subscription
 * is being signed by an asynchronous signer (noble: a WebCrypto digest), leaves no socket, op or
 * timer running once `close()` has settled.
 */
import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { parseSecret } from "../../../src/auth/keys.ts";
import { ServerClock } from "../../../src/auth/server_clock.ts";
import { Signer } from "../../../src/auth/signer.ts";
import { signedSubscribeMessage } from "../../../src/auth/ws_subscribe.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { ReconnectingSocket } from "../../../src/ws/socket_core.ts";
import type { SignSubscription } from "../../../src/ws/subscription_messages.ts";

const sanitizers = { sanitizeOps: true, sanitizeResources: true, sanitizeExit: true };

Deno.test({
  name: "close while connecting or while signing leaves no socket, op or timer (real WebSocket)",
  ...sanitizers,
  fn: async () => {
    const sim = await startSimulator({ port: 0, tickMs: 20 });
    try {
      const key = await Effect.runPromise(parseSecret(sim.accounts[0].apiSecret));
      const context = await Effect.runPromise(
        Effect.context<Signer | ServerClock>().pipe(
          Effect.provide(Layer.mergeAll(Signer.layerNoble(key), ServerClock.layer)),
        ),
      );
      let unsettled = 0;
      const sign: SignSubscription = (streams, method) => {
        unsettled++;
        return Effect.runPromiseWith(context)(
          signedSubscribeMessage(streams, undefined, { method }),
        ).finally(() => unsettled--);
      };

      const connecting = new ReconnectingSocket({ url: sim.wsUrl, sign });
      connecting.subscribe(["trade.SOL_USDC_PERP"]);
      assert.equal(connecting.status.status, "connecting");
      await connecting.close();

      const signing = new ReconnectingSocket({ url: sim.wsUrl, sign });
      const opened = new Promise<void>((resolve) =>
        signing.onStatus((s) => s.status === "open" && resolve())
      );
      signing.subscribe(["account.orderUpdate"], { signed: true });
      await opened;
      assert.equal(unsettled, 1, "the SUBSCRIBE is being signed");
      await signing.close();
      assert.equal(unsettled, 0, "close() settled after the signature");
      assert.deepEqual(signing.status, { status: "closed", reason: "closed by the client" });
    } finally {
      await sim.close();
    }
  },
});

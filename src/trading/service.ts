/**
 * The `Connector` Effect service and its layers: {@link Connector.layer} builds the whole stack
 * (REST, signer, socket, order books) from a {@link ConnectorConfig}; {@link Connector.layerFrom}
 * builds the connector over REST and socket services you provide.
 *
 * @module
 */
import * as Context from "effect/Context";
import * as Layer from "effect/Layer";
import { ServerClock } from "../auth/server_clock.ts";
import type { BackpackError } from "../errors.ts";
import {
  type BackpackOptions,
  type BackpackServices,
  layerBackpack,
  layerSigner,
} from "../rest/layer.ts";
import { BackpackSocket, WebSocketConstructor } from "../ws/socket.ts";
import { make } from "./connector.ts";
import type { ConnectorShape } from "./connector_api.ts";
import type { ConnectorConfig } from "./connector_config.ts";

/** The REST options of a connector configuration (`restUrl` is an alias of `baseUrl`). */
export const restOptions = (config: ConnectorConfig): BackpackOptions => {
  const baseUrl = config.restUrl ?? config.baseUrl;
  return {
    apiSecret: config.apiSecret,
    ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(config.wsUrl === undefined ? {} : { wsUrl: config.wsUrl }),
    ...(config.logger === undefined ? {} : { logger: config.logger }),
    ...(config.logLevel === undefined ? {} : { logLevel: config.logLevel }),
    ...(config.rateLimit === undefined ? {} : { rateLimit: config.rateLimit }),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
    ...(config.window === undefined ? {} : { window: config.window }),
    ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
    ...(config.brokerId === undefined ? {} : { brokerId: config.brokerId }),
    ...(config.clockSync === undefined ? {} : { clockSync: config.clockSync }),
  };
};

/** Base class of {@link Connector} (its type spelled out for JSR); extend or use Connector instead. */
export const ConnectorBase: Context.ServiceClass<
  Connector,
  "backpack-edge/Connector",
  ConnectorShape
> = Context.Service<Connector, ConnectorShape>()("backpack-edge/Connector");

/**
 * The trading connector as a service (see `src/trading/connector.ts`).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { Connector } from "./service.ts";
 * const program = Effect.gen(function* () {
 *   const connector = yield* Connector;
 *   const order = yield* connector.placeOrder({
 *     symbol: "SOL_USDC_PERP",
 *     side: "Bid",
 *     orderType: "Limit",
 *     price: "100",
 *     quantity: "0.1",
 *     postOnly: true,
 *   });
 *   return order.state;
 * });
 * const layer = Connector.layer({ apiSecret: "<base64 secret>", markets: ["SOL_USDC_PERP"] });
 * void Effect.provide(program, layer);
 * ```
 */
export class Connector extends ConnectorBase {
  /** The connector over the REST services and the socket in the environment. */
  static readonly layerFrom = (
    config: ConnectorConfig,
  ): Layer.Layer<Connector, BackpackError, BackpackServices | BackpackSocket> =>
    Layer.effect(Connector, make(config));

  /** The whole stack from a configuration; everything stops when the layer is released. */
  static readonly layer = (config: ConnectorConfig): Layer.Layer<Connector, BackpackError> => {
    const options = restOptions(config);
    const rest = layerBackpack(options);
    const socket = BackpackSocket.layer(config.socket).pipe(
      Layer.provide(Layer.mergeAll(
        layerSigner(options),
        ServerClock.layer,
        config.WebSocket === undefined ? Layer.empty : WebSocketConstructor.layer(config.WebSocket),
      )),
    );
    return Connector.layerFrom(config).pipe(
      Layer.provide(Layer.provideMerge(socket, rest)),
    );
  };
}

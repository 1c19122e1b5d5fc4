/**
 * `createConnector`: the Promise face of the trading connector, over one `ManagedRuntime` holding
 * the {@link Connector} service. See `src/trading/connector.ts` for what it tracks.
 *
 * @example
 * ```ts
 * import { createConnector } from "@backpack-edge/sdk";
 * const connector = await createConnector({
 *   apiSecret: "<base64 secret>",
 *   markets: ["SOL_USDC_PERP"],
 *   cancelOnShutdown: true,
 * });
 * connector.on((event) => {
 *   if (event.type === "fill") console.log(event.fill.price.toFixed(), event.fill.quantity.toFixed());
 * });
 * await connector.placeOrder({
 *   symbol: "SOL_USDC_PERP",
 *   side: "Bid",
 *   orderType: "Limit",
 *   price: "100",
 *   quantity: "0.1",
 *   postOnly: true,
 * });
 * await connector.close();
 * ```
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { asyncDispose, describedAs } from "../client/described.ts";
import { facadeRuntime, unwrapExit } from "../client/run.ts";
import { DEFAULT_CONFIG } from "../config.ts";
import { EventHub } from "./event_hub.ts";
import { Connector as ConnectorService } from "./service.ts";
import type { Connector, ConnectorShape } from "./connector_api.ts";
import type { ConnectorConfig } from "./connector_config.ts";

/**
 * Starts a connector: order books, private streams, the initial REST reconciliation. Resolves once
 * they run; rejects with the SDK's typed error (bad credentials or configuration, REST failure).
 * The connector never reveals its secret (`String`, `JSON.stringify`, inspection).
 */
export const createConnector = async (config: ConnectorConfig): Promise<Connector> => {
  const runtime = ManagedRuntime.make(ConnectorService.layer(config));
  const exit = await runtime.runPromiseExit(Effect.service(ConnectorService));
  let service: ConnectorShape;
  try {
    service = unwrapExit(exit);
  } catch (error) {
    await runtime.dispose();
    throw error;
  }
  const hub = new EventHub();
  const off = service.on((event) => hub.publish([event]));
  const facade = facadeRuntime(runtime, "Connector", {
    onClose: () => {
      off();
      hub.close();
    },
    drainMs: config.timeoutMs ?? DEFAULT_CONFIG.timeoutMs,
  });
  const close = facade.close;
  const run = <A>(effect: Effect.Effect<A, unknown>): Promise<A> =>
    facade.run(effect as Effect.Effect<A, unknown, never>);
  const description = String(service);
  const connector: Connector = {
    markets: service.markets,
    order: service.order,
    orders: service.orders,
    openOrders: service.openOrders,
    fills: service.fills,
    position: service.position,
    positions: service.positions,
    balances: service.balances,
    collateral: service.collateral,
    fundingPayments: service.fundingPayments,
    fundingTotal: service.fundingTotal,
    fees: service.fees,
    estimateFee: service.estimateFee,
    stats: service.stats,
    book: service.book,
    placeOrder: (params) => run(service.placeOrder(params)),
    cancelOrder: (ref) => run(service.cancelOrder(ref)),
    cancelAll: (symbol) => run(service.cancelAll(symbol)),
    getLeverage: () => run(service.getLeverage),
    setLeverage: (leverage) => run(service.setLeverage(leverage)),
    reconcile: () => run(service.reconcile),
    events: () => hub.subscribe(),
    on: (listener) => hub.on(listener),
    close,
    [asyncDispose]: close,
  };
  return describedAs(connector, description);
};

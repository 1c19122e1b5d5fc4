/** Test helper: connector configs pointed at a local simulator. */
import type { Simulator } from "../../../src/sim/mod.ts";
import type { ConnectorConfig } from "../../../src/trading/connector_config.ts";

/** `config` on `sim`: its REST and WebSocket URLs, and the order books in-thread. */
export const onSimulator = (
  sim: Simulator,
  config: Omit<ConnectorConfig, "restUrl" | "wsUrl">,
): ConnectorConfig => ({
  restUrl: sim.restUrl,
  wsUrl: sim.wsUrl,
  orderBookMode: "inline",
  ...config,
});

/**
 * Canned public reference data with Backpack's shapes: exchange deposit wallets, prediction
 * events and tags, market sessions and securities. The simulator lists no prediction markets,
 * series or security sessions (their element shapes are not in the spec index), so those arrays
 * are empty.
 *
 * @module
 */
import type { Route } from "./http_handler.ts";
import { optionalBool, optionalInt } from "./params.ts";
import { route } from "./route_kit.ts";

const TAGS = [{ slug: "crypto", title: "Crypto" }, { slug: "sim", title: "Simulator" }];

const EVENTS = [{
  slug: "sim-sol-above-200",
  title: "Simulated: SOL above 200 USDC at expiry?",
  predictionMarkets: [],
  tags: [TAGS[0]!],
  series: [],
  description: "A canned prediction event of the local simulator.",
  imgUrl: null,
  quoteVolume: "0",
  resolution: {
    resolved: false,
    startDate: "2026-01-01T00:00:00",
    endDate: null,
    strikePrice: "200",
    closePrice: null,
    resolutionSourceEventIdentifier: null,
    resolutionSource: null,
    outcome: null,
  },
  resolved: false,
  resolutionDelaySecs: 0,
}];

/** The reference-data routes. */
export const referenceRoutes = (): Route[] => [
  route("GET", "/api/v1/wallets", () => [
    { blockchain: "Solana", address: "SimExchangeWallet1111111111111111111111111" },
    { blockchain: "Ethereum", address: "0x5100000000000000000000000000000000000001" },
  ]),
  route("GET", "/api/v1/prediction", ({ query }) => {
    const resolved = optionalBool(query, "resolved");
    const offset = optionalInt(query, "offset") ?? 0;
    const limit = optionalInt(query, "limit") ?? 100;
    return EVENTS.filter((e) => resolved === undefined || e.resolved === resolved)
      .slice(offset, offset + limit);
  }),
  route("GET", "/api/v1/prediction/tags", () => TAGS),
  route("GET", "/api/v1/market-sessions", () => [{
    name: "Continuous",
    description: "Crypto markets trade around the clock",
    startTime: "00:00:00",
    endTime: "23:59:59",
    timezone: "UTC",
    startWeekday: 0,
    endWeekday: 6,
  }]),
  route("GET", "/api/v1/securities", () => [{
    asset: "SIMX",
    name: "Simulated Security",
    cusip: null,
    sessions: [],
  }]),
];

/**
 * Funding monitor: for every perpetual market, the mark price, the current funding-rate estimate
 * (and what it comes to per day and per year) and the time to the next funding, first from REST
 * (`getMarkPrices`, last settled rate from `getFundingRates`), then live from the `markPrice.<symbol>`
 * streams, one line per market per second.
 *
 * Run: `deno run -A examples/funding_monitor.ts [--seconds N]` (default 20). Against the exchange
 * with `BACKPACK_URL=https://api.backpack.exchange BACKPACK_WS_URL=wss://ws.backpack.exchange`;
 * otherwise against an embedded simulator.
 *
 * @module
 */
import {
  createClient,
  createStreams,
  type Decimal,
  type MarkPriceEvent,
  pricePrecision,
} from "@backpack-edge/sdk";
import { numberArg, openTarget } from "./shared/target.ts";

/** Options of {@link monitorFunding}. */
export interface FundingMonitorOptions {
  /** REST base URL. */
  readonly baseUrl: string;
  /** WebSocket URL. */
  readonly wsUrl: string;
  /** How long to stream, seconds. */
  readonly seconds: number;
  /** Where lines go (default `console.log`). */
  readonly print?: (line: string) => void;
}

/** What the monitor saw. */
export interface FundingMonitorResult {
  /** The perpetual markets monitored. */
  readonly symbols: ReadonlyArray<string>;
  /** `markPrice` events received, per market. */
  readonly updates: Readonly<Record<string, number>>;
}

/** `0.0001` → `"+0.0100%"`. */
const percent = (rate: Decimal, places = 4): string =>
  `${rate.isNegative() ? "" : "+"}${rate.mul(100).toFixed(places)}%`;

/** Milliseconds → `"12m 05s"`. */
const countdown = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m ${rest}s`;
};

/** What a line needs to know about its market. */
interface MarketInfo {
  /** Price decimals. */
  readonly decimals: number;
  /** Funding intervals per day. */
  readonly perDay: number;
}

const DEFAULT_INFO: MarketInfo = { decimals: 2, perDay: 24 };

/** One line for a market: mark, funding estimate (interval, daily and yearly), next funding. */
const line = (
  symbol: string,
  mark: Decimal,
  rate: Decimal | undefined,
  next: number | undefined,
  market: MarketInfo,
): string =>
  [
    symbol.padEnd(14),
    `mark ${mark.toFixed(market.decimals).padStart(10)}`,
    rate === undefined
      ? "funding -"
      : `funding ${percent(rate)} (${percent(rate.mul(market.perDay), 3)}/day, ${
        percent(rate.mul(market.perDay * 365), 1)
      }/yr)`,
    next === undefined ? "" : `next in ${countdown(next - Date.now())}`,
  ].join("  ");

/** Prints the funding state of every perp, then streams it for `seconds`. */
export const monitorFunding = async (
  options: FundingMonitorOptions,
): Promise<FundingMonitorResult> => {
  const print = options.print ?? console.log;
  const client = createClient({ baseUrl: options.baseUrl });
  const streams = createStreams({ wsUrl: options.wsUrl });
  try {
    const markets = await client.getMarkets();
    const perps = markets.filter((m) => m.marketType === "PERP");
    const symbols = perps.map((m) => m.symbol);
    const info = new Map<string, MarketInfo>(
      perps.map((m) => [m.symbol, {
        decimals: pricePrecision(m),
        perDay: 86_400_000 / (m.fundingInterval ?? 3_600_000),
      }]),
    );
    print(`REST snapshot (${new Date().toISOString()})`);
    const marks = await client.getMarkPrices({ marketType: "PERP" });
    for (const m of marks) {
      const [last] = await client.getFundingRates({ symbol: m.symbol, limit: 1 });
      print(
        `${
          line(
            m.symbol,
            m.markPrice,
            m.fundingRate ?? undefined,
            m.nextFundingTimestamp ?? undefined,
            info.get(m.symbol) ?? DEFAULT_INFO,
          )
        }` +
          (last === undefined
            ? ""
            : `  last settled ${
              percent(last.fundingRate)
            } at ${last.intervalEndTimestamp.toISOString()}`),
      );
    }

    print(`\nlive markPrice streams for ${options.seconds} s`);
    const updates: Record<string, number> = Object.fromEntries(symbols.map((s) => [s, 0]));
    const printedAt = new Map<string, number>();
    const deadline = Date.now() + options.seconds * 1000;
    const watch = async (symbol: string): Promise<void> => {
      const subscription = streams.markPrice({ symbol });
      const timer = setTimeout(() => subscription.close(), Math.max(0, deadline - Date.now()));
      try {
        for await (const event of subscription) {
          updates[symbol]!++;
          if (Date.now() - (printedAt.get(symbol) ?? 0) < 1000) continue;
          printedAt.set(symbol, Date.now());
          print(live(event, info.get(symbol) ?? DEFAULT_INFO));
        }
      } finally {
        clearTimeout(timer);
      }
    };
    await Promise.all(symbols.map(watch));
    return { symbols, updates };
  } finally {
    await streams.close();
    await client.close();
  }
};

const live = (event: MarkPriceEvent, market: MarketInfo): string =>
  `[${event.eventTime.toISOString().slice(11, 19)}] ${
    line(event.symbol, event.markPrice, event.fundingRate, event.nextFundingTimeMs, market)
  }`;

if (import.meta.main) {
  const target = await openTarget();
  try {
    if (target.simulated) {
      console.log(`(no BACKPACK_URL: using a local simulator at ${target.baseUrl})\n`);
    }
    await monitorFunding({
      baseUrl: target.baseUrl,
      wsUrl: target.wsUrl,
      seconds: numberArg(Deno.args, "seconds", 20),
    });
  } finally {
    await target.close();
  }
}

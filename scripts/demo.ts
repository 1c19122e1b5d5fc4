/**
 * The demo (`npm run demo`, `deno task demo`): a small market maker on `SOL_USDC_PERP` against the
 * embedded, seeded simulator, through the SDK's trading connector, exactly as it would run against
 * the exchange. It quotes a bid and an ask around the mid (skewed by inventory, within inventory
 * limits, replaced as the book moves: `examples/market_maker/`), prints fills, funding payments
 * and a status line (top of book from the order-book worker, quotes, position, PnL, fees, funding)
 * every second, cancels everything on exit and prints a summary.
 *
 * The demo market pays funding every 10 s (instead of hourly) so that funding happens during the
 * run, and moves less per tick than the default simulator market.
 *
 * Usage: `deno run -A scripts/demo.ts [--seconds N] [--seed N]` (default 30 s, seed 7).
 * Colours and the in-place status line only when stdout is a terminal (and `NO_COLOR` is unset).
 *
 * @module
 */
import { createClient, createConnector, Decimal } from "../mod.ts";
import { defaultMarkets } from "../src/sim/engine/mod.ts";
import { startSimulator } from "../src/sim/mod.ts";
import { type BotStats, emptyStats, runMarketMaker } from "../examples/market_maker/bot.ts";
import { eventLine, palette, statusLine, summaryTable } from "../examples/market_maker/report.ts";
import type { StrategyConfig } from "../examples/market_maker/strategy.ts";
import { numberArg } from "../examples/shared/target.ts";
import type { PositionState } from "../mod.ts";

/** The market the demo quotes. */
export const SYMBOL = "SOL_USDC_PERP";

/** Options of {@link main}. */
export interface DemoOptions {
  /** How long to quote, seconds. */
  readonly seconds: number;
  /** Simulator seed (default 7). */
  readonly seed?: number;
  /** Where text goes (default stdout). */
  readonly write?: (text: string) => void;
  /** ANSI colours (default false). */
  readonly color?: boolean;
  /** Rewrite the status line in place instead of printing one per second (default false). */
  readonly live?: boolean;
}

/** What the demo did. */
export interface DemoResult {
  /** The bot's counters. */
  readonly stats: BotStats;
  /** The position at the end. */
  readonly position: PositionState;
  /** Funding received (+) / paid (−). */
  readonly funding: Decimal;
  /** The summary table as printed (without colours when `color` is off). */
  readonly summary: string;
}

/** The simulator's markets, with funding every 10 s and a calmer `SOL_USDC_PERP`. */
const demoMarkets = () =>
  defaultMarkets().map((m) =>
    m.symbol === SYMBOL ? { ...m, fundingIntervalMs: 10_000, volatility: 0.0002 } : m
  );

/** Runs the demo; resolves once everything is closed. */
export const main = async (options: DemoOptions): Promise<DemoResult> => {
  const encoder = new TextEncoder();
  const write = options.write ?? ((text: string) => Deno.stdout.writeSync(encoder.encode(text)));
  const p = palette(options.color ?? false);
  const seed = options.seed ?? 7;
  const sim = await startSimulator({ port: 0, seed, markets: demoMarkets() });
  const { apiKey, apiSecret } = sim.accounts[0]!;
  const client = createClient({ baseUrl: sim.restUrl, apiKey, apiSecret });
  let connector: Awaited<ReturnType<typeof createConnector>> | undefined;
  try {
    const market = await client.getMarket({ symbol: SYMBOL });
    const config: StrategyConfig = {
      market,
      halfSpreadBps: new Decimal("3"),
      skewBpsPerUnit: new Decimal("1.5"),
      size: new Decimal("0.5"),
      maxInventory: new Decimal("3"),
      requoteTicks: 2,
    };
    connector = await createConnector({
      baseUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      apiKey,
      apiSecret,
      markets: [SYMBOL],
      reconcileIntervalMs: 2_000,
    });
    const fees = connector.fees();
    write(
      `${p.bold("backpack-edge demo")}: market making ${SYMBOL} on the local simulator ` +
        `(seed ${seed}, ${options.seconds} s)\n` +
        `  simulator ${sim.restUrl}, funding every 10 s, fees maker ${fees.futures.makerBps} / ` +
        `taker ${fees.futures.takerBps} bps\n` +
        `  quoting ±${config.halfSpreadBps} bps around the mid, ${config.size} SOL a side, ` +
        `skew ${config.skewBpsPerUnit} bps per SOL held, max inventory ${config.maxInventory} SOL\n\n`,
    );

    const book = connector.book(SYMBOL);
    const started = Date.now();
    const c = connector;
    const stats = emptyStats();
    const status = (): string =>
      statusLine({
        elapsedMs: Date.now() - started,
        top: book.peekTop(), // synchronous: the book's latest top of book
        open: c.openOrders(SYMBOL),
        position: c.position(SYMBOL),
        stats,
        funding: c.fundingTotal(SYMBOL),
      }, p);
    const print = (line: string): void =>
      write(options.live ? `\r\x1b[2K${line}\n${status()}` : `${line}\n`);
    const ticker = setInterval(
      () => write(options.live ? `\r\x1b[2K${status()}` : `${status()}\n`),
      1_000,
    );
    try {
      await runMarketMaker({
        connector,
        symbol: SYMBOL,
        config,
        stats,
        durationMs: options.seconds * 1_000,
        onEvent: (event) => {
          const line = eventLine(event, Date.now() - started, p);
          if (line !== undefined) print(line);
        },
      });
    } finally {
      clearInterval(ticker);
    }
    if (options.live) write(`\r\x1b[2K`);
    const elapsedMs = Date.now() - started;
    await connector.reconcile().catch(() => undefined);
    const position = connector.position(SYMBOL);
    const funding = connector.fundingTotal(SYMBOL);
    const summary = summaryTable({
      symbol: SYMBOL,
      base: market.baseSymbol,
      quote: market.quoteSymbol,
      elapsedMs,
      stats,
      position,
      funding,
    }, p);
    write(`\n${summary}\n`);
    return { stats, position, funding, summary };
  } finally {
    await connector?.close();
    await client.close();
    await sim.close();
  }
};

if (import.meta.main) {
  const terminal = Deno.stdout.isTerminal();
  await main({
    seconds: numberArg(Deno.args, "seconds", 30),
    seed: numberArg(Deno.args, "seed", 7),
    color: terminal && Deno.env.get("NO_COLOR") === undefined,
    live: terminal,
  });
}

/**
 * How the demo market maker reads to a trader: one line per notable event (fills, funding,
 * rejections, book resyncs, connection changes), a one-line status (top of book, our quotes,
 * position, PnL, fees, funding, counters) and the final summary table. Plain text with optional
 * ANSI colours; nothing here writes anywhere.
 *
 * @module
 */
import type {
  ConnectorEvent,
  Decimal,
  PositionState,
  TopOfBook,
  TrackedOrder,
} from "@backpack-edge/sdk";
import type { BotStats } from "./bot.ts";

/** Colour functions (identity when colours are off). */
export interface Palette {
  /** Gains, buys. */
  readonly green: (text: string) => string;
  /** Losses, sells. */
  readonly red: (text: string) => string;
  /** Warnings. */
  readonly yellow: (text: string) => string;
  /** Headings. */
  readonly bold: (text: string) => string;
  /** Secondary text. */
  readonly dim: (text: string) => string;
}

/** ANSI colours when `color`, plain text otherwise. */
export const palette = (color: boolean): Palette => {
  const sgr = (code: string) => (text: string): string =>
    color ? `\x1b[${code}m${text}\x1b[0m` : text;
  return { green: sgr("32"), red: sgr("31"), yellow: sgr("33"), bold: sgr("1"), dim: sgr("2") };
};

/** `+1.2300` / `-0.0100` with `places` decimals. */
export const signed = (value: Decimal, places: number): string =>
  `${value.isNegative() && !value.isZero() ? "" : "+"}${value.toFixed(places)}`;

/** Green when positive, red when negative. */
const pnl = (p: Palette, value: Decimal, places: number): string =>
  value.isZero() ? signed(value, places) : (value.isNegative() ? p.red : p.green)(
    signed(value, places),
  );

/** `[ 12.3s]`. */
export const clock = (elapsedMs: number): string =>
  `[${(elapsedMs / 1000).toFixed(1).padStart(5)}s]`;

/** The line for an event worth a line of its own, or `undefined` (counted in the status only). */
export const eventLine = (
  event: ConnectorEvent,
  elapsedMs: number,
  p: Palette,
): string | undefined => {
  const at = p.dim(clock(elapsedMs));
  switch (event.type) {
    case "fill": {
      const f = event.fill;
      const verb = f.side === "Bid" ? p.green("bought") : p.red("sold  ");
      return `${at} fill   ${verb} ${f.quantity.toFixed()} @ ${f.price.toFixed()} ` +
        `${f.maker ? "maker" : p.yellow("taker")} fee ${f.fee.toFixed(4)} ${f.feeAsset}`;
    }
    case "fundingPaid": {
      const { payment } = event;
      return `${at} ${p.bold("funding")} ${
        pnl(p, payment.quantity, 4)
      } USDC on ${payment.symbol} ` +
        `(rate ${payment.rate.toFixed()}), total ${pnl(p, event.total, 4)}`;
    }
    case "orderFailed":
      return `${at} ${p.yellow("rejected")} ${event.order.side} ${
        event.order.quantity?.toFixed() ?? "?"
      } @ ${event.order.price?.toFixed() ?? "market"}: ${event.error._tag}`;
    case "bookResynced":
      return `${at} ${p.yellow("book resynced")} ${event.symbol} (${event.reason})`;
    case "connectionLost":
      return `${at} ${p.yellow("connection lost")} ${event.connection}: ${event.reason}`;
    case "connectionRestored":
      return `${at} ${p.green("connection restored")} ${event.connection}`;
    default:
      return undefined;
  }
};

/** What the status line shows. */
export interface StatusInput {
  /** Time since the start. */
  readonly elapsedMs: number;
  /** Latest top of book from the order-book worker. */
  readonly top: TopOfBook | undefined;
  /** Our open orders. */
  readonly open: ReadonlyArray<TrackedOrder>;
  /** Our position. */
  readonly position: PositionState;
  /** Counters. */
  readonly stats: Readonly<BotStats>;
  /** Funding received (+) / paid (−) so far. */
  readonly funding: Decimal;
}

const level = (l: TopOfBook["bid"]): string =>
  l === undefined ? "-" : `${l[0].toFixed()} × ${l[1].toFixed()}`;

const quoteOf = (open: ReadonlyArray<TrackedOrder>, side: "Bid" | "Ask"): string =>
  open.find((o) => o.side === side)?.price?.toFixed() ?? "-";

/** The status line (no newline). */
export const statusLine = (s: StatusInput, p: Palette): string => {
  const pos = s.position;
  const inventory = pos.netQuantity.isZero()
    ? "flat"
    : `${signed(pos.netQuantity, 2)} @ ${pos.entryPrice.toFixed(2)}`;
  return [
    p.dim(clock(s.elapsedMs)),
    `book ${level(s.top?.bid)} | ${level(s.top?.ask)}`,
    `quotes ${quoteOf(s.open, "Bid")}/${quoteOf(s.open, "Ask")}`,
    `pos ${inventory}`,
    `uPnL ${pnl(p, pos.unrealizedPnl, 4)} rPnL ${pnl(p, pos.realizedPnl, 4)}`,
    `fees ${s.stats.fees.toFixed(4)} funding ${pnl(p, s.funding, 4)}`,
    `orders ${s.stats.ordersPlaced} fills ${s.stats.fills} cxl ${s.stats.ordersCancelled}`,
  ].join("  ");
};

/** What the summary shows. */
export interface SummaryInput {
  /** The market. */
  readonly symbol: string;
  /** Base asset, e.g. `SOL`. */
  readonly base: string;
  /** Quote asset, e.g. `USDC`. */
  readonly quote: string;
  /** How long the bot quoted. */
  readonly elapsedMs: number;
  /** Counters. */
  readonly stats: Readonly<BotStats>;
  /** The position at the end. */
  readonly position: PositionState;
  /** Funding received (+) / paid (−). */
  readonly funding: Decimal;
}

/** Mark-to-market trading PnL from the fills: sells − buys + position × mark. */
export const tradingPnl = (stats: Readonly<BotStats>, position: PositionState): Decimal =>
  stats.soldNotional.minus(stats.boughtNotional).plus(
    stats.bought.minus(stats.sold).mul(position.markPrice),
  );

/** The summary table (several lines). */
export const summaryTable = (s: SummaryInput, p: Palette): string => {
  const { stats, position } = s;
  const share = stats.fills === 0 ? 0 : (100 * stats.makerFills) / stats.fills;
  const trading = tradingPnl(stats, position);
  const net = trading.minus(stats.fees).plus(s.funding);
  const rows: [string, string][] = [
    ["orders placed", String(stats.ordersPlaced)],
    [
      "filled / cancelled / expired",
      `${stats.ordersFilled} / ${stats.ordersCancelled} / ${stats.ordersExpired}`,
    ],
    ["rejected or failed cancels", String(stats.errors)],
    [
      "fills (maker / taker)",
      `${stats.fills} (${stats.makerFills} / ${stats.takerFills}), maker share ${
        share.toFixed(1)
      }%`,
    ],
    [
      "volume",
      `bought ${stats.bought.toFixed()} ${s.base}, sold ${stats.sold.toFixed()} ${s.base}, ${
        stats.boughtNotional.plus(stats.soldNotional).toFixed(2)
      } ${s.quote}`,
    ],
    ["fees", `${stats.fees.toFixed(4)} ${s.quote}`],
    [
      "funding",
      `${pnl(p, s.funding, 4)} ${s.quote} (${stats.fundingPayments} payment${
        stats.fundingPayments === 1 ? "" : "s"
      })`,
    ],
    [
      "position",
      position.netQuantity.isZero()
        ? "flat"
        : `${signed(position.netQuantity, 2)} ${s.base} @ ${position.entryPrice.toFixed(2)} ` +
          `(mark ${position.markPrice.toFixed(2)})`,
    ],
    ["max inventory", `${stats.maxInventory.toFixed()} ${s.base}`],
    ["realized PnL (exchange)", `${pnl(p, position.realizedPnl, 4)} ${s.quote}`],
    ["unrealized PnL", `${pnl(p, position.unrealizedPnl, 4)} ${s.quote}`],
    ["trading PnL (fills, at mark)", `${pnl(p, trading, 4)} ${s.quote}`],
    ["net PnL (trading − fees + funding)", `${p.bold(pnl(p, net, 4))} ${s.quote}`],
    ["book resyncs / connection losses", String(stats.incidents)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    p.bold(`summary: ${s.symbol}, ${(s.elapsedMs / 1000).toFixed(1)} s`),
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ].join("\n");
};

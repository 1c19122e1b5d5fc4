/**
 * Downloads your fill history (every page, through the SDK's rate limiter) into a JSON Lines file,
 * printing progress as it goes: `deno task history [--out fills.jsonl] [--symbol SOL_USDC_PERP]`.
 * Runs against `BACKPACK_URL` / `BACKPACK_SECRET` when set, else against an embedded simulator on
 * which it first trades a little so there is history to download.
 *
 * @module
 */
import { createClient } from "@backpack-edge/sdk";
import { openTarget } from "./shared/target.ts";

/** Options of {@link downloadHistory}. */
export interface DownloadHistoryOptions {
  /** REST base URL. */
  readonly baseUrl: string;
  /** Base64 Ed25519 secret. */
  readonly apiSecret: string;
  /** Only this market's fills (default: all). */
  readonly symbol?: string;
  /** Output file (JSON Lines: one fill per line, decimals as strings, times as ISO). */
  readonly out: string;
  /** Rows per request (default 100, max 1000). */
  readonly pageSize?: number;
  /** Progress sink (default: stdout). */
  readonly progress?: (line: string) => void;
}

/** Downloads every fill into `out`; resolves with the number of rows written. */
export const downloadHistory = async (options: DownloadHistoryOptions): Promise<number> => {
  const progress = options.progress ?? console.log;
  const client = createClient({ baseUrl: options.baseUrl, apiSecret: options.apiSecret });
  const file = await Deno.open(options.out, { write: true, create: true, truncate: true });
  const encoder = new TextEncoder();
  const pageSize = options.pageSize ?? 100;
  const started = performance.now();
  let rows = 0;
  try {
    const fills = client.iterateFills({
      symbol: options.symbol,
      limit: pageSize,
      fillType: "User",
    });
    for await (const fill of fills) {
      await file.write(encoder.encode(JSON.stringify(fill) + "\n"));
      rows += 1;
      if (rows % pageSize === 0) {
        const seconds = (performance.now() - started) / 1000;
        progress(
          `  ${rows} fills, ${rows / pageSize} pages, ${(rows / seconds).toFixed(0)} rows/s`,
        );
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(`done: ${rows} fills in ${seconds} s → ${options.out}`);
    return rows;
  } finally {
    file.close();
    await client.close();
  }
};

/** Places `count` small market orders so the account has fills (simulator runs only). */
const trade = async (baseUrl: string, apiSecret: string, count: number): Promise<void> => {
  const client = createClient({ baseUrl, apiSecret });
  try {
    for (let i = 0; i < count; i++) {
      await client.executeOrder({
        symbol: "SOL_USDC_PERP",
        side: i % 2 === 0 ? "Bid" : "Ask",
        orderType: "Market",
        quantity: "0.1",
      });
    }
  } finally {
    await client.close();
  }
};

if (import.meta.main) {
  const args = Deno.args;
  const value = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  const target = await openTarget();
  try {
    if (target.apiSecret === undefined) throw new Error("set BACKPACK_SECRET");
    if (target.simulated) {
      console.log(`simulator at ${target.baseUrl}: trading 250 orders to have history...`);
      await trade(target.baseUrl, target.apiSecret, 250);
    }
    await downloadHistory({
      baseUrl: target.baseUrl,
      apiSecret: target.apiSecret,
      symbol: value("symbol"),
      out: value("out") ?? "fills.jsonl",
    });
  } finally {
    await target.close();
  }
}

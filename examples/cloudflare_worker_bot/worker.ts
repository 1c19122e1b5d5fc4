/**
 * A Cloudflare Worker trading bot on the SDK's npm package. On each trigger (an HTTP request, or
 * a Cron Trigger through `scheduled`) it builds the order book of `SYMBOL` on the Worker's own
 * thread (Workers have no Web Workers: `mode: "inline"`), reads the best bid and ask, places a
 * post-only bid `OFFSET_BPS` under the best bid, reads it back and cancels it, then answers with
 * what it saw and did (JSON). Deploy with wrangler (`main = "worker.ts"`, secrets `BACKPACK_SECRET`;
 * vars `BACKPACK_URL`, `BACKPACK_WS_URL`, `SYMBOL`); the repository runs it under workerd
 * (Miniflare) against the simulator: `tests/runtime/workerd/bot_run.mjs`.
 *
 * @module
 */
import {
  createClient,
  createOrderBook,
  Decimal,
  isBackpackError,
  type OrderBookClient,
  roundPrice,
} from "@backpack-edge/sdk";

/** The Worker's bindings. */
export interface Env {
  /** REST base URL (default: the exchange). */
  readonly BACKPACK_URL?: string;
  /** WebSocket URL (default: the exchange). */
  readonly BACKPACK_WS_URL?: string;
  /** Base64 Ed25519 API secret (a Worker secret). */
  readonly BACKPACK_SECRET: string;
  /** Market (default `SOL_USDC_PERP`). */
  readonly SYMBOL?: string;
  /** Base quantity of the probe order (default the market's minimum). */
  readonly QUANTITY?: string;
  /** Distance of the bid under the best bid, basis points (default 50). */
  readonly OFFSET_BPS?: string;
}

/** What one run saw and did. */
export interface BotRun {
  /** Market. */
  readonly symbol: string;
  /** Best bid when the book was Live. */
  readonly bestBid: string | undefined;
  /** Best ask when the book was Live. */
  readonly bestAsk: string | undefined;
  /** Update id of the book. */
  readonly bookUpdateId: string;
  /** The order placed. */
  readonly order: { readonly id: string; readonly price: string; readonly quantity: string };
  /** Its status when read back, then after the cancel. */
  readonly statuses: readonly [string, string];
  /** Whether the run went through the Cron Trigger. */
  readonly scheduled: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to `timeoutMs`) until the book is Live. */
const live = async (book: OrderBookClient, timeoutMs: number): Promise<string> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await book.status();
    if (status.phase === "Live" && status.lastUpdateId !== undefined) return status.lastUpdateId;
    if (Date.now() > deadline) throw new Error(`book not Live after ${timeoutMs} ms`);
    await sleep(50);
  }
};

/** One bot run: book → post-only bid → read back → cancel. */
export const runBot = async (env: Env, scheduled: boolean): Promise<BotRun> => {
  const symbol = env.SYMBOL ?? "SOL_USDC_PERP";
  const client = createClient({
    ...(env.BACKPACK_URL === undefined ? {} : { baseUrl: env.BACKPACK_URL }),
    apiSecret: env.BACKPACK_SECRET,
  });
  const book = await createOrderBook({
    symbol,
    mode: "inline",
    ...(env.BACKPACK_URL === undefined ? {} : { restUrl: env.BACKPACK_URL }),
    ...(env.BACKPACK_WS_URL === undefined ? {} : { wsUrl: env.BACKPACK_WS_URL }),
  });
  try {
    const market = await client.getMarket({ symbol });
    const bookUpdateId = await live(book, 10_000);
    const [bid, ask] = await Promise.all([book.bestBid(), book.bestAsk()]);
    if (bid === undefined) throw new Error(`${symbol} has no bids`);
    const offset = new Decimal(env.OFFSET_BPS ?? "50").div(10_000);
    const price = roundPrice(market, bid[0].mul(new Decimal(1).minus(offset)), "down");
    const quantity = env.QUANTITY ?? market.filters.quantity.minQuantity.toFixed();
    const order = await client.executeOrder({
      symbol,
      side: "Bid",
      orderType: "Limit",
      price: price.toFixed(),
      quantity,
      postOnly: true,
    });
    const placed = await client.getOrder({ symbol, orderId: order.id });
    const cancelled = await client.cancelOrder({ symbol, orderId: order.id });
    return {
      symbol,
      bestBid: bid[0].toFixed(),
      bestAsk: ask?.[0].toFixed(),
      bookUpdateId,
      order: { id: order.id, price: price.toFixed(), quantity },
      statuses: [placed.status, cancelled.status],
      scheduled,
    };
  } finally {
    await book.close();
    await client.close();
  }
};

/** Runs the bot; errors become a JSON answer with the SDK error's tag (never the secret). */
const answer = async (env: Env, scheduled: boolean): Promise<Response> => {
  try {
    return Response.json(await runBot(env, scheduled));
  } catch (error) {
    const tag = isBackpackError(error) ? error._tag : "Error";
    return Response.json({ error: tag, message: String((error as Error).message) }, {
      status: 500,
    });
  }
};

/** The last scheduled run's answer, for `GET /last` (per isolate; a real bot would use KV). */
let lastScheduled: unknown;

/** The Worker: `fetch` runs the bot now (`GET /last`: the last scheduled run); `scheduled` on cron. */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (new URL(request.url).pathname === "/last") return Response.json(lastScheduled ?? null);
    return await answer(env, false);
  },
  async scheduled(_controller: unknown, env: Env): Promise<void> {
    lastScheduled = await (await answer(env, true)).json();
  },
};

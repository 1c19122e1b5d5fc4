// The trading connector: orders tracked by uint32 clientId, fills, positions, PnL, funding and
// connection state as one event stream.
import { createConnector, Decimal } from "@backpack-edge/sdk";

const restUrl = process.env.BACKPACK_URL;
const connector = await createConnector({
  restUrl,
  wsUrl: restUrl === undefined ? undefined : `${restUrl.replace(/^http/, "ws")}/ws`,
  apiSecret: process.env.BACKPACK_SECRET ?? "",
  markets: ["SOL_USDC_PERP"],
  cancelOnShutdown: true,
});
const off = connector.on((event) => console.log(event.type, event.at.toISOString()));
try {
  const book = connector.book("SOL_USDC_PERP");
  await book.ready(); // the worker's book is in sync with the exchange
  const [bestAsk] = (await book.bestAsk()) ?? [new Decimal("150")];
  const price = bestAsk.mul("1.02").toDecimalPlaces(2); // post-only, 2 % above the best ask
  const order = await connector.placeOrder({
    symbol: "SOL_USDC_PERP",
    side: "Ask",
    orderType: "Limit",
    price: price.toFixed(),
    quantity: "0.1",
    postOnly: true,
  });
  console.log(`order ${order.clientId} is ${order.state}`);
  const fee = connector.estimateFee({
    symbol: order.symbol,
    side: order.side,
    price,
    quantity: "0.1",
    maker: true,
  });
  console.log(`maker fee if filled: ${fee.toFixed()} USDC`);
} finally {
  off();
  await connector.close(); // cancels the order (cancelOnShutdown)
}

// Against the local simulator: `deno task sim` prints its REST URL and a test secret; run with
// BACKPACK_URL=http://127.0.0.1:<port> BACKPACK_SECRET=<secret>.
import { createClient, isBackpackError } from "@backpack-edge/sdk";

const client = createClient({
  baseUrl: process.env.BACKPACK_URL,
  apiSecret: process.env.BACKPACK_SECRET,
});
try {
  const book = await client.getDepth({ symbol: "SOL_USDC_PERP", limit: 5 });
  const [bestBid] = book.bids; // both sides best first; prices and quantities are Decimal
  console.log("best bid", bestBid?.[0].toFixed(), "size", bestBid?.[1].toFixed());
  const balances = await client.getBalances();
  console.log("USDC available", balances.USDC?.available.toFixed());
} catch (err) {
  if (isBackpackError(err)) console.error(err._tag, err.message); // never contains the secret
  else throw err;
} finally {
  await client.close();
}

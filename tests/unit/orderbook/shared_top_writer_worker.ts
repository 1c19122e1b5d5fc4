/**
 * Test helper for shared_top_test.ts: publishes tops into the shared buffer as fast as it can
 * until the reader sets the stop flag, every field derived from the publication number `n` (bid
 * `n` × `3n`, ask `n + 1` × `n % 1000`, applied at `n / 4` ms; every 97th publication is withdrawn
 * first), then posts how many it published.
 *
 * @module
 */
import { SharedTopWriter } from "../../../src/orderbook/shared_top.ts";

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event: MessageEvent<{ buffer: SharedArrayBuffer; stop: Int32Array }>) => {
  const writer = new SharedTopWriter(event.data.buffer);
  const signature = new Float64Array(6);
  let n = 0;
  while (n % 1024 !== 0 || Atomics.load(event.data.stop, 0) === 0) {
    n++;
    if (n % 97 === 0) writer.withdraw();
    signature[0] = n;
    signature[1] = n * 3;
    signature[2] = n + 1;
    signature[3] = n % 1000;
    writer.publish(signature, BigInt(n), n / 4);
  }
  scope.postMessage(n);
};

/**
 * The connector's one event stream, fanned out to listeners (`on`), async iterables (`events()`)
 * and Effect `Stream`s. Each subscriber sees every event published after it subscribed, in order;
 * iterables buffer without bound until read (a strategy reading its events keeps up by design).
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Queue from "effect/Queue";
import * as Stream from "effect/Stream";
import type { ConnectorEvent, EventSubscription } from "./event_types.ts";

/** Fan-out of {@link ConnectorEvent}s. */
export class EventHub {
  readonly #listeners = new Set<(event: ConnectorEvent) => void>();
  readonly #enders = new Set<() => void>();
  #closed = false;

  /** Delivers `events` to every subscriber; a throwing listener does not stop the others. */
  publish(events: ReadonlyArray<ConnectorEvent>): void {
    for (const event of events) {
      for (const listener of [...this.#listeners]) {
        try {
          listener(event);
        } catch {
          // A listener's own failure is not the connector's.
        }
      }
    }
  }

  /** Calls `listener` for every event from now on; returns the unsubscribe function. */
  on(listener: (event: ConnectorEvent) => void): () => void {
    if (this.#closed) return () => {};
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** An async iterable of the events from now on; ends on `close()` of either side. */
  subscribe(): EventSubscription {
    const buffer: ConnectorEvent[] = [];
    let wake: (() => void) | undefined;
    let done = this.#closed;
    const end = () => {
      done = true;
      off();
      this.#enders.delete(end);
      wake?.();
    };
    const off = this.on((event) => {
      buffer.push(event);
      wake?.();
    });
    this.#enders.add(end);
    const iterator: AsyncIterator<ConnectorEvent> = {
      next: async () => {
        while (buffer.length === 0 && !done) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
        const value = buffer.shift();
        return value === undefined ? { done: true, value: undefined } : { done: false, value };
      },
      return: () => {
        end();
        buffer.length = 0;
        return Promise.resolve({ done: true, value: undefined });
      },
    };
    return { [Symbol.asyncIterator]: () => iterator, close: end };
  }

  /** The events from the moment the stream runs, as an Effect `Stream` (ends on `close()`). */
  readonly stream: Stream.Stream<ConnectorEvent> = Stream.callback<ConnectorEvent>((queue) =>
    Effect.acquireRelease(
      Effect.sync(() => {
        const end = () => void Queue.endUnsafe(queue);
        const off = this.on((event) => void Queue.offerUnsafe(queue, event));
        if (this.#closed) end();
        else this.#enders.add(end);
        return () => {
          off();
          this.#enders.delete(end);
        };
      }),
      (release) => Effect.sync(release),
    )
  );

  /** Ends every subscription; later subscriptions end at once. */
  close(): void {
    this.#closed = true;
    for (const end of [...this.#enders]) end();
    this.#listeners.clear();
  }
}

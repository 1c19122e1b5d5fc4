/**
 * The order-book worker's notification path: {@link FeedEvent}s go to the main thread as plain
 * `postMessage`s on the MessagePort the main thread handed over (one message per event, no reply;
 * comlink's call protocol would add a reply message, a call id and a pending promise per event).
 *
 * Top-of-book notifications are coalesced per event-loop turn: the first one after a quiet turn is
 * posted at once; while frames keep arriving in the same turn (a burst read from the socket), only
 * the latest top is kept and posted when the turn ends. The main thread thus sees every change of
 * the best bid or ask once the burst is applied, without one message per intermediate state.
 * Other events (`status`, `resynced`) are never coalesced and keep their order: a held top is
 * posted before them.
 *
 * @module
 */
import type { FeedEvent } from "./protocol.ts";

/** Where events are posted (a `MessagePort`, or a test fake). */
export interface EventSink {
  /** Posts one event (structured clone). */
  postMessage(message: FeedEvent): void;
}

/** Runs `callback` once the current event-loop turn is over; returns a function that disposes the scheduler. */
export interface TurnScheduler {
  /** Schedules `callback` after the tasks already queued. */
  readonly schedule: (callback: () => void) => void;
  /** Releases the scheduler's resources (its MessageChannel). */
  readonly close: () => void;
}

/**
 * A {@link TurnScheduler} over a `MessageChannel` posting to itself: it runs after the socket
 * messages already queued (a `setTimeout(0)` would wait for the next timer phase, about 1-2 ms in
 * Deno). Falls back to `setTimeout(0)` where there is no `MessageChannel`.
 */
export const nextTurn = (): TurnScheduler => {
  if (typeof MessageChannel !== "function") {
    return { schedule: (callback) => void setTimeout(callback, 0), close: () => {} };
  }
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    schedule: (callback) => {
      queue.push(callback);
      channel.port2.postMessage(null);
    },
    close: () => {
      queue.length = 0;
      channel.port1.close();
      channel.port2.close();
    },
  };
};

/** A feed-event listener that relays to an {@link EventSink}, and its disposal. */
export interface EventRelay {
  /** The listener to register with the feed. */
  readonly listener: (event: FeedEvent) => void;
  /** Posts a held top of book, then stops the scheduler. */
  readonly close: () => void;
}

/** Relays feed events to `sink`, coalescing top-of-book events per turn (see the module docs). */
export const eventRelay = (sink: EventSink, turns: TurnScheduler = nextTurn()): EventRelay => {
  let held: FeedEvent | undefined;
  let throttled = false;
  const postHeld = (): boolean => {
    if (held === undefined) return false;
    const event = held;
    held = undefined;
    sink.postMessage(event);
    return true;
  };
  // Stay throttled while tops keep coming; a turn without one ends it.
  const endOfTurn = (): void => {
    if (postHeld()) turns.schedule(endOfTurn);
    else throttled = false;
  };
  return {
    listener: (event) => {
      if (event.type !== "topOfBook") {
        postHeld();
        sink.postMessage(event);
      } else if (throttled) held = event;
      else {
        throttled = true;
        turns.schedule(endOfTurn);
        sink.postMessage(event);
      }
    },
    close: () => {
      postHeld();
      turns.close();
    },
  };
};

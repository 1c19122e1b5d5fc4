/**
 * Transport fault injection for the simulator. Faults act on what the client sees, never on the
 * exchange state: a dropped frame was still produced by the engine, a 202 order was still processed.
 *
 * REST faults (one draw per request, in this order):
 * - `restServerError`: share of requests answered 503 `SERVER_ERROR` **without** processing them;
 * - `restTooManyRequests`: share answered 429 `TOO_MANY_REQUESTS` (`Retry-After: 1`), not processed;
 * - `restAccepted`: share of order mutations (POST/DELETE `/api/v1/order(s)`) that **are processed**
 *   but answered 202 with the body `{}` (the client learns nothing about the outcome).
 *
 * WebSocket faults (per connection, per data frame):
 * - `wsDropDepth` / `wsDuplicateDepth` / `wsReorderDepth`: probability that a depth frame is dropped,
 *   sent twice, or held back and sent after the next depth frame of the same stream;
 * - `wsDropPrivate` / `wsDuplicatePrivate` / `wsReorderPrivate`: the same for private `account.*`
 *   frames (order, position, RFQ updates): the exchange does not guarantee their delivery either;
 * - `wsDelayMs`: every data frame is sent this many ms late (order kept);
 * - `wsCloseAfterFrames`: the server closes the socket (code 1011) after sending N data frames;
 * - `wsCloseProbability`: probability per data frame that the server closes the socket;
 * - `wsSilent`: the server stops sending anything (socket stays open).
 *
 * @module
 */

/** Fault settings; probabilities are in `[0, 1]`, absent means off. */
export interface Faults {
  /** Share of REST requests answered 503 without processing. */
  readonly restServerError?: number;
  /** Share of REST requests answered 429 without processing. */
  readonly restTooManyRequests?: number;
  /** Share of order mutations processed but answered 202 `{}`. */
  readonly restAccepted?: number;
  /** Probability a depth frame is dropped. */
  readonly wsDropDepth?: number;
  /** Probability a depth frame is sent twice. */
  readonly wsDuplicateDepth?: number;
  /** Probability a depth frame is swapped with the next depth frame of its stream. */
  readonly wsReorderDepth?: number;
  /** Probability a private `account.*` frame is dropped. */
  readonly wsDropPrivate?: number;
  /** Probability a private `account.*` frame is sent twice. */
  readonly wsDuplicatePrivate?: number;
  /** Probability a private `account.*` frame is swapped with the next frame of its stream. */
  readonly wsReorderPrivate?: number;
  /** Delay of every data frame, ms. */
  readonly wsDelayMs?: number;
  /** Close each socket after this many data frames. */
  readonly wsCloseAfterFrames?: number;
  /** Probability per data frame that the socket is closed. */
  readonly wsCloseProbability?: number;
  /** Stop sending frames (socket stays open). */
  readonly wsSilent?: boolean;
}

/** Names of the counted faults. */
export type FaultKind =
  | "restServerError"
  | "restTooManyRequests"
  | "restAccepted"
  | "wsDrop"
  | "wsDuplicate"
  | "wsReorder"
  | "wsDropPrivate"
  | "wsDuplicatePrivate"
  | "wsReorderPrivate"
  | "wsDelay"
  | "wsClose"
  | "wsSilenced";

/** How many faults of each kind were injected. */
export type FaultCounts = Readonly<Record<FaultKind, number>>;

/** Deterministic PRNG (mulberry32) returning floats in `[0, 1)`. */
export const seededRandom = (seed: number): () => number => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const emptyCounts = (): Record<FaultKind, number> => ({
  restServerError: 0,
  restTooManyRequests: 0,
  restAccepted: 0,
  wsDrop: 0,
  wsDuplicate: 0,
  wsReorder: 0,
  wsDropPrivate: 0,
  wsDuplicatePrivate: 0,
  wsReorderPrivate: 0,
  wsDelay: 0,
  wsClose: 0,
  wsSilenced: 0,
});

/** The REST fault drawn for one request. */
export type RestFault = "none" | "serverError" | "tooManyRequests" | "accepted";

/** The data frames that frame faults apply to: depth frames, or private `account.*` frames. */
export type FrameClass = "depth" | "private";

/** What happens to one data frame: sent as is, dropped, sent twice, or held back. */
export type FrameFault = "none" | "drop" | "duplicate" | "reorder";

type FrameRateField =
  | "wsDropDepth"
  | "wsDuplicateDepth"
  | "wsReorderDepth"
  | "wsDropPrivate"
  | "wsDuplicatePrivate"
  | "wsReorderPrivate";

/** Per frame class: the setting and the counter of each frame fault. */
const FRAME_FAULTS: Readonly<
  Record<
    FrameClass,
    Readonly<Record<Exclude<FrameFault, "none">, readonly [FrameRateField, FaultKind]>>
  >
> = {
  depth: {
    drop: ["wsDropDepth", "wsDrop"],
    reorder: ["wsReorderDepth", "wsReorder"],
    duplicate: ["wsDuplicateDepth", "wsDuplicate"],
  },
  private: {
    drop: ["wsDropPrivate", "wsDropPrivate"],
    reorder: ["wsReorderPrivate", "wsReorderPrivate"],
    duplicate: ["wsDuplicatePrivate", "wsDuplicatePrivate"],
  },
};

/** The frame class of `stream`, `undefined` for streams that frame faults leave alone. */
export const frameClass = (stream: string): FrameClass | undefined =>
  stream.startsWith("depth.") ? "depth" : stream.startsWith("account.") ? "private" : undefined;

/** Current fault settings, the seeded RNG and the counters, shared by the HTTP handler and WS hub. */
export class FaultInjector {
  #faults: Faults;
  readonly #random: () => number;
  readonly #counts = emptyCounts();

  constructor(faults: Faults = {}, seed = 1) {
    this.#faults = faults;
    this.#random = seededRandom(seed ^ 0x5eed);
  }

  /** The settings in force. */
  get faults(): Faults {
    return this.#faults;
  }

  /** Replaces the settings (counters are kept). */
  set(faults: Faults): void {
    this.#faults = faults;
  }

  /** A snapshot of the counters. */
  counts(): FaultCounts {
    return { ...this.#counts };
  }

  /** Adds one to a counter. */
  count(kind: FaultKind): void {
    this.#counts[kind] += 1;
  }

  /** True with probability `p` (never draws when `p` is absent or 0). */
  chance(p: number | undefined): boolean {
    return p !== undefined && p > 0 && this.#random() < p;
  }

  /** Draws the REST fault of one request; `orderMutation` enables the 202 fault. */
  drawRest(orderMutation: boolean): RestFault {
    const f = this.#faults;
    if (this.chance(f.restServerError)) return this.#hit("restServerError", "serverError");
    if (this.chance(f.restTooManyRequests)) {
      return this.#hit("restTooManyRequests", "tooManyRequests");
    }
    if (orderMutation && this.chance(f.restAccepted)) return this.#hit("restAccepted", "accepted");
    return "none";
  }

  /**
   * Draws the fault of one data frame of class `frames` under `faults`, in the order drop,
   * reorder, duplicate; `holding` (a frame of its stream is held back, and this one releases it)
   * allows only a drop. Counts what it draws.
   */
  drawFrame(frames: FrameClass, faults: Faults, holding: boolean): FrameFault {
    const table = FRAME_FAULTS[frames];
    for (const fault of ["drop", "reorder", "duplicate"] as const) {
      if (fault !== "drop" && holding) return "none";
      const [setting, kind] = table[fault];
      if (this.chance(faults[setting])) return this.#hit(kind, fault);
    }
    return "none";
  }

  #hit<F extends string>(kind: FaultKind, fault: F): F {
    this.count(kind);
    return fault;
  }
}

/**
 * Classification of inbound Backpack WebSocket frames into {@link SocketEvent}s: data frames
 * `{stream, data}`, server error frames `{id, error}`, and everything else as `unrecognized`
 * (never dropped silently). Pure functions, no state: the reconnecting socket routes what they
 * return.
 *
 * @module
 */

/** A classified inbound frame. */
export type SocketEvent =
  | {
    /** A data frame `{stream, data}`. */
    readonly type: "data";
    /** The stream name, e.g. `trade.SOL_USDC`. */
    readonly stream: string;
    /** The payload, undecoded. */
    readonly data: unknown;
  }
  | {
    /** An error frame `{id, error: {code, message}}` (e.g. 4006 "Invalid stream"). */
    readonly type: "error";
    /** The request id the server echoed (`null` in practice). */
    readonly id: unknown;
    /** Server error code. */
    readonly code: number;
    /** Server message. */
    readonly message: string;
  }
  | {
    /** A (re)subscription could not be sent because signing failed. */
    readonly type: "subscribeFailed";
    /** The streams concerned. */
    readonly streams: ReadonlyArray<string>;
    /** Why. */
    readonly reason: string;
  }
  | {
    /** A frame that is not JSON, or JSON of no known shape (e.g. an undocumented acknowledgement). */
    readonly type: "unrecognized";
    /** The frame text (truncated to 1000 characters). */
    readonly raw: string;
    /** Why it was not recognised. */
    readonly reason: string;
  };

const MAX_RAW = 1000;

/** Classifies one text frame. Exported for tests and for code that reads frames itself. */
export const classifyFrame = (text: string): SocketEvent => {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { type: "unrecognized", raw: text.slice(0, MAX_RAW), reason: "not JSON" };
  }
  if (typeof frame === "object" && frame !== null) {
    const f = frame as Record<string, unknown>;
    if (typeof f.stream === "string" && "data" in f) {
      return { type: "data", stream: f.stream, data: f.data };
    }
    const error = f.error;
    if (typeof error === "object" && error !== null) {
      const e = error as Record<string, unknown>;
      return {
        type: "error",
        id: f.id ?? null,
        code: typeof e.code === "number" ? e.code : Number(e.code),
        message: typeof e.message === "string" ? e.message : String(e.message),
      };
    }
  }
  return { type: "unrecognized", raw: text.slice(0, MAX_RAW), reason: "unknown frame shape" };
};

const frameText = (data: unknown): string | undefined => {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return undefined;
};

/** Classifies the `data` of a WebSocket `message` event (text, or UTF-8 bytes). */
export const classifyMessage = (data: unknown): SocketEvent => {
  const text = frameText(data);
  return text === undefined
    ? { type: "unrecognized", raw: String(data), reason: "binary frame of unknown type" }
    : classifyFrame(text);
};

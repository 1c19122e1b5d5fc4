/**
 * Shared pieces of the WebSocket payload schemas: microsecond timestamps (sent as JSON numbers or
 * digit strings), and the open-ended string union.
 *
 * Units (REFERENCE §6.4, §9): `E` (event time) and `T` (engine time) are Unix **microseconds**;
 * decoded events keep the exact µs value as a `number` (µs timestamps stay below 2^53, so they are
 * exact) next to a millisecond-precision `Date`.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import { NumberOrString } from "./common.ts";

/** A wire timestamp in microseconds (number or digit string), decoded to a `number`. */
export const Micros: typeof NumberOrString = NumberOrString;

/** A µs timestamp as a `Date` (truncated to ms). */
export const microsToDate = (us: number): Date => new Date(Math.floor(us / 1000));

/**
 * Decodes one stream payload: validates it with the wire schema (short keys), then renames it into
 * the named event. Fails with the schema issue's text.
 */
export type WsPayloadDecoder<A> = (data: unknown) => Effect.Effect<A, string>;

/** Builds a {@link WsPayloadDecoder} from a wire schema and a renaming function. */
export const payloadDecoder = <W, A>(
  wire: Schema.Decoder<W>,
  to: (wire: W) => A,
): WsPayloadDecoder<A> => {
  const decode = Schema.decodeUnknownEffect(wire);
  return (data) =>
    decode(data).pipe(
      Effect.mapError((error) => error.message),
      Effect.map(to),
    );
};

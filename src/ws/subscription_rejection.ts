/**
 * Server error frames that reject a signed (private) subscription, as {@link AuthError}s: the
 * WebSocket counterpart of the REST authentication errors. Backpack documents only
 * `4006 "Invalid stream"` and its error frames carry no request id, so an error frame is read as
 * the rejection of the private subscriptions when its message has the REST wording of an
 * authentication failure ("Request has expired", "Invalid signature", a missing or bad key,
 * signature or timestamp) or its code is 4001 (the simulator's). Public subscriptions are never
 * signed, so such a frame can only be about the private ones.
 *
 * @module
 */
import { AuthError } from "../error_classes.ts";
import { authReason } from "../error_codes.ts";
import type { SocketEvent } from "./frames.ts";

/** A server error frame as the socket classifies it. */
export type ErrorFrameEvent = Extract<SocketEvent, { readonly type: "error" }>;

/** The code the simulator sends with an authentication rejection. */
const AUTH_CODE = 4001;

const AUTH_MESSAGE = /signature|expired|unauthori[sz]ed|api[- ]?key|timestamp|window/i;

/** What to do about an expired signature: the usual cause is this machine's clock. */
const EXPIRED_HINT = "the subscription's timestamp is outside the server's window: this " +
  "machine's clock is off (sync it, or check that baseUrl serves GET /api/v1/time so that the " +
  "socket can take the server's time)";

/** True when `frame` rejects the credentials of a signed subscription. */
export const isAuthRejection = (frame: ErrorFrameEvent): boolean =>
  frame.code === AUTH_CODE || AUTH_MESSAGE.test(frame.message);

/** The `reason` of the {@link AuthError} for `frame` (`RequestExpired`: the clock is off). */
export const rejectionReason = (frame: ErrorFrameEvent): AuthError["reason"] =>
  authReason(String(frame.code), frame.message);

/**
 * The {@link AuthError} a private `stream` fails with when `frame` rejected its subscription;
 * `note` (e.g. why the clock could not be corrected) ends its detail.
 */
export const subscriptionAuthError = (
  frame: ErrorFrameEvent,
  stream: string,
  note?: string,
): AuthError => {
  const reason = rejectionReason(frame);
  const detail = reason === "RequestExpired" ? `${frame.message}: ${EXPIRED_HINT}` : frame.message;
  return new AuthError({
    endpoint: `ws ${stream}`,
    code: String(frame.code),
    reason,
    detail: note === undefined ? detail : `${detail}; ${note}`,
  });
};

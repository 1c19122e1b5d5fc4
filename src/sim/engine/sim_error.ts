/**
 * The error the exchange simulator's engine throws: Backpack's HTTP status, error code and message.
 *
 * @module
 */

/** Error thrown by the engine, with the real Backpack HTTP status, code and message. */
export class SimError extends Error {
  /** HTTP status the server answers with. */
  readonly status: number;
  /** Backpack `ApiErrorCode`. */
  readonly code: string;
  /** Creates an error with the HTTP status, Backpack code and message. */
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "SimError";
    this.status = status;
    this.code = code;
  }
  /** The Backpack error body `{code, message}`. */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

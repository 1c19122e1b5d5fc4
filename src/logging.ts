/**
 * The SDK's injectable logger, built on Effect's `Logger`: silent by default. Give `createClient`
 * (or `layerBackpack`) a `logLevel` and optionally a `logger` callback to see what the SDK does —
 * at `debug`, one line per HTTP request: `METHOD path status duration` (e.g.
 * `GET /api/v1/depth 200 12ms`).
 *
 * SDK log entries go only to the SDK's own sink ({@link SdkLogging}), never to the application's
 * Effect loggers, and never carry headers, keys, signatures or bodies.
 *
 * @module
 */
import * as Clock from "effect/Clock";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Logger from "effect/Logger";
import type * as LogLevel from "effect/LogLevel";
import * as References from "effect/References";

/** How much the SDK logs: nothing (`silent`, the default) up to every request (`debug`). */
export type LogLevelOption = "silent" | "error" | "warn" | "info" | "debug";

/** One SDK log entry, as handed to a {@link LoggingOptions.logger} callback. */
export interface LogEntry {
  /** Severity. */
  readonly level: "error" | "warn" | "info" | "debug";
  /** The line, e.g. `GET /api/v1/depth 200 12ms`. */
  readonly message: string;
  /** When it was logged (the Effect clock). */
  readonly date: Date;
  /** Structured fields, e.g. `{ method, path, status, durationMs }` for a request. */
  readonly annotations: Readonly<Record<string, unknown>>;
}

/** Logging options of `createClient` / `layerBackpack`. */
export interface LoggingOptions {
  /**
   * Receives every entry at or above `logLevel`. Default: the console (`console.debug`,
   * `console.info`, `console.warn`, `console.error`).
   */
  readonly logger?: (entry: LogEntry) => void;
  /** Default `"info"` when a `logger` is given, else `"silent"`. */
  readonly logLevel?: LogLevelOption;
}

/** Where SDK log entries go: a minimum level and the Effect loggers that receive them. */
export interface SdkLoggingShape {
  /** Entries below this level are dropped (`"None"`: all of them). */
  readonly minimum: LogLevel.LogLevel;
  /** The loggers the SDK's entries are sent to (not the application's). */
  readonly loggers: ReadonlySet<Logger.Logger<unknown, unknown>>;
}

const SILENT: SdkLoggingShape = { minimum: "None", loggers: new Set() };

/** The SDK's log sink; its default is silent. Provided by {@link layerLogging}. */
export const SdkLogging: Context.Reference<SdkLoggingShape> = Context.Reference<SdkLoggingShape>(
  "backpack-edge/SdkLogging",
  { defaultValue: () => SILENT },
);

const MINIMUM: Readonly<Record<LogLevelOption, LogLevel.LogLevel>> = {
  silent: "None",
  error: "Error",
  warn: "Warn",
  info: "Info",
  debug: "Debug",
};

const levelOf = (level: LogLevel.LogLevel): LogEntry["level"] =>
  level === "Fatal" || level === "Error"
    ? "error"
    : level === "Warn"
    ? "warn"
    : level === "Info"
    ? "info"
    : "debug";

const toConsole = (entry: LogEntry): void => console[entry.level](entry.message);

/** The sink for `options`: an Effect `Logger` forwarding {@link LogEntry} values to the callback. */
export const makeLogging = (options: LoggingOptions = {}): SdkLoggingShape => {
  const level = options.logLevel ?? (options.logger === undefined ? "silent" : "info");
  if (level === "silent") return SILENT;
  const sink = options.logger ?? toConsole;
  const logger = Logger.make<unknown, void>(({ message, logLevel, date, fiber }) =>
    sink({
      level: levelOf(logLevel),
      message: (Array.isArray(message) ? message : [message]).map(String).join(" "),
      date,
      annotations: { ...fiber.getRef(References.CurrentLogAnnotations) },
    })
  );
  return { minimum: MINIMUM[level], loggers: new Set([logger]) };
};

/** Provides the SDK's log sink for `options` (silent when neither option is given). */
export const layerLogging = (options: LoggingOptions = {}): Layer.Layer<never> =>
  Layer.succeed(SdkLogging, makeLogging(options));

/** Logs `message` with `annotations` to the SDK's sink (not to the application's loggers). */
export const sdkLog = (
  level: "Error" | "Warn" | "Info" | "Debug",
  message: string,
  annotations: Readonly<Record<string, unknown>>,
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const { minimum, loggers } = yield* SdkLogging;
    if (minimum === "None") return;
    yield* Effect.logWithLevel(level)(message).pipe(
      Effect.annotateLogs(annotations),
      Effect.provideService(Logger.CurrentLoggers, loggers),
      Effect.provideService(References.MinimumLogLevel, minimum),
    );
  });

/**
 * Runs one HTTP exchange and logs `METHOD path status duration`: at `debug`, or at `warn` for a
 * 429, a 5xx or a failure (logged with its error tag instead of a status). Only the method, path,
 * status and duration are logged: never headers, query, body or keys.
 */
export const logRequest = <
  A extends { readonly status: number },
  E extends { readonly _tag: string },
  R,
>(
  method: string,
  path: string,
  self: Effect.Effect<A, E, R>,
): Effect.Effect<A, E, R> =>
  Effect.flatMap(Clock.currentTimeMillis, (started) => {
    const log = (status: number | string) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const durationMs = now - started;
        const level = typeof status === "string" || status === 429 || status >= 500
          ? "Warn"
          : "Debug";
        return sdkLog(level, `${method} ${path} ${status} ${durationMs}ms`, {
          method,
          path,
          status,
          durationMs,
        });
      });
    return self.pipe(
      Effect.tap((answer) => log(answer.status)),
      Effect.tapError((error) => log(error._tag)),
    );
  });

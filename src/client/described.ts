/**
 * What the facade objects (`createClient`, `createStreams`, `createConnector`, the `Connector`
 * service) share about presenting themselves: a one-line description as their only printable form,
 * so no credential they hold can reach a log, and the `Symbol.asyncDispose` key of `await using`.
 *
 * @module
 */

/** `Symbol.asyncDispose`, or its registered stand-in on runtimes that do not define it yet. */
export const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ??
  Symbol.for("Symbol.asyncDispose");

/**
 * Makes `target` print as `description` everywhere: `String()`, `JSON.stringify`, Node's and Bun's
 * `util.inspect` and `Deno.inspect`/`console.log`. Returns `target` (changed in place).
 */
export const describedAs = <T extends object>(target: T, description: string): T =>
  Object.assign(target, {
    toString: () => description,
    toJSON: () => description,
    [Symbol.for("nodejs.util.inspect.custom")]: () => description,
    [Symbol.for("Deno.customInspect")]: () => description,
  });

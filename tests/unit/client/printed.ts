/** Test helper: the forms in which a facade object could reach a log. */
import { inspect } from "node:util";

/** `value` printed every way a log could print it: `String`, template, JSON, Deno's and Node's inspect. */
export const printedForms = (value: object): string[] => [
  String(value),
  `${value}`,
  JSON.stringify(value),
  Deno.inspect(value, { depth: 10, showHidden: true }),
  inspect(value, { depth: 10, showHidden: true }),
];

/**
 * Small shared pieces of the simulator's route modules: route constructors, list paging
 * (`limit`/`offset`/`sortDirection`, newest first by default, as Backpack's history endpoints),
 * decimal parameters and a per-server id sequence.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d } from "../engine/num.ts";
import type { SimExchange } from "../engine/exchange_api.ts";
import type { Route, RouteContext } from "./http_handler.ts";
import { optionalEnum, optionalInt, requireString } from "./params.ts";
import { HttpError } from "./responses.ts";

/** A route of `method` on `path`. */
export const route = (
  method: Route["method"],
  path: string,
  handle: (ctx: RouteContext) => unknown,
): Route => ({ method, path, handle });

/** Everything a route module needs from the server. */
export interface RouteEnv {
  /** The engine. */
  readonly exchange: SimExchange;
  /** Account id → numeric `userId`. */
  readonly userIdOf: (account: string) => number;
  /** Every registered account id. */
  readonly accounts: ReadonlyArray<string>;
  /** Sends `data` on `account`'s private stream `stream` (and `stream.<symbol>`) subscribers. */
  readonly publishPrivate: (stream: string, symbol: string, account: string, data: unknown) => void;
}

/** A route module: its routes and an optional step run after every engine `advance`. */
export interface RouteModule {
  /** Routes served by the module. */
  readonly routes: ReadonlyArray<Route>;
  /** Advances time-driven state (strategies, pending redeems) to `now` (ms). */
  readonly tick?: (now: number) => void;
}

/** Rows of a history list: `sortDirection` (default `Desc`: newest first), `offset`, `limit`. */
export const pageRows = <T>(
  rows: ReadonlyArray<T>,
  query: Readonly<Record<string, unknown>>,
  maxLimit = 1000,
): T[] => {
  const limit = optionalInt(query, "limit", maxLimit) ?? 100;
  const offset = optionalInt(query, "offset") ?? 0;
  const direction = optionalEnum(query, "sortDirection", ["Asc", "Desc"]) ?? "Desc";
  const ordered = direction === "Desc" ? [...rows].reverse() : [...rows];
  return ordered.slice(offset, offset + limit);
};

/** A required positive decimal string parameter. */
export const positiveDecimal = (
  source: Readonly<Record<string, unknown>>,
  name: string,
): Decimal => {
  const text = requireString(source, name);
  if (!/^\d+(\.\d+)?$/.test(text) || d(text).lte(0)) {
    throw new HttpError(400, "INVALID_CLIENT_REQUEST", `Invalid parameter \`${name}\``);
  }
  return d(text);
};

/** A counter of decimal-string ids starting after `start`. */
export const idSequence = (start: number): () => string => {
  let next = start;
  return () => String(++next);
};

/** The row filter `key === query[key]` when the query has the key. */
export const matches = <T extends object>(
  query: Readonly<Record<string, unknown>>,
  row: T,
  keys: ReadonlyArray<keyof T & string>,
): boolean => keys.every((k) => query[k] === undefined || String(row[k]) === String(query[k]));

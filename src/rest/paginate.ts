/**
 * Paging over Backpack's list endpoints. They return bare arrays and page with `limit`/`offset`
 * (no cursor): walking a history means asking for `offset = 0, limit, 2·limit, …` until a page
 * comes back shorter than `limit`.
 *
 * - {@link pagedCall}: one page of a signed list endpoint, with `limit`/`offset` validated.
 * - {@link paginate}: every row of a paged endpoint as an Effect `Stream`, fetched page by page on
 *   demand. Each page is a normal call, so it waits for the `RateLimit` budget like any other.
 * - {@link iteratePages}: the same walk as an `AsyncIterable` over a Promise page function (the
 *   Promise facade's `iterateFills(...)` and friends). Leaving `for await` early stops fetching.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import * as Schema from "effect/Schema";
import * as Stream from "effect/Stream";
import type { SignValue } from "../auth/signing_string.ts";
import type { BackpackError } from "../errors.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import {
  fieldsOf,
  guarded,
  MAX_PAGE_SIZE,
  type PageParams,
  pageProblems,
  type Problem,
} from "./validate.ts";

/** A signed `GET` list endpoint. */
export interface ListSpec<A> {
  /** Path, e.g. `/wapi/v1/history/fills`. */
  readonly path: string;
  /** Instruction, e.g. `fillHistoryQueryAll`. */
  readonly instruction: string;
  /** Schema of one row. */
  readonly row: Schema.Decoder<A>;
}

/**
 * One page of a signed list endpoint: checks `limit` (1…1000), `offset` (≥ 0) and `checks`, then
 * sends `params` as the query. Invalid input fails with `InvalidInputError` before any request.
 */
export const pagedCall = <A, P extends PageParams & { readonly [K in keyof P]: SignValue }>(
  spec: ListSpec<A>,
  params: P,
  checks: () => ReadonlyArray<Problem> = () => [],
): Effect.Effect<ReadonlyArray<A>, BackpackError, BackpackHttp> =>
  guarded(() => [pageProblems(params), ...checks()], () =>
    signedCall({
      method: "GET",
      path: spec.path,
      query: fieldsOf(params),
      instruction: spec.instruction,
      schema: Schema.Array(spec.row),
    }));

/** Where the next page starts, or `undefined` when `rows` was the last page. */
export const nextOffset = (offset: number, limit: number, received: number): number | undefined =>
  received < limit || received === 0 ? undefined : offset + received;

/**
 * Every row of a paged endpoint as a `Stream`, starting at `params.offset` (default 0) with pages
 * of `params.limit` rows (default 1000), until a short page. Pages are fetched when the stream is
 * pulled, each through the rate limiter.
 *
 * @example
 * ```ts
 * import * as Stream from "effect/Stream";
 * import { getFillHistory } from "./history.ts";
 * import { paginate } from "./paginate.ts";
 * const fills = paginate(getFillHistory, { symbol: "SOL_USDC", fillType: "User" });
 * const all = Stream.runCollect(fills);
 * ```
 */
export const paginate = <P extends PageParams, A, E, R>(
  fetchPage: (params: P) => Effect.Effect<ReadonlyArray<A>, E, R>,
  params: P = {} as P,
): Stream.Stream<A, E, R> => {
  const limit = params.limit ?? MAX_PAGE_SIZE;
  return Stream.paginate(
    params.offset ?? 0,
    (offset: number) =>
      Effect.map(fetchPage({ ...params, limit, offset }), (rows) => {
        const next = nextOffset(offset, limit, rows.length);
        return [rows, next === undefined ? Option.none() : Option.some(next)] as const;
      }),
  );
};

/**
 * The walk of {@link paginate} over a Promise page function: an `AsyncIterable` that asks for the
 * next page only when the previous one is consumed. Breaking out of `for await` stops it; a failed
 * page rejects the iteration with that error.
 */
export const iteratePages = <P extends PageParams, A>(
  fetchPage: (params: P) => Promise<ReadonlyArray<A>>,
  params: P = {} as P,
): AsyncIterable<A> => ({
  async *[Symbol.asyncIterator]() {
    const limit = params.limit ?? MAX_PAGE_SIZE;
    let offset: number | undefined = params.offset ?? 0;
    while (offset !== undefined) {
      const rows: ReadonlyArray<A> = await fetchPage({ ...params, limit, offset });
      yield* rows;
      offset = nextOffset(offset, limit, rows.length);
    }
  },
});

/**
 * Asset endpoints (public): `GET /api/v1/assets` and `GET /api/v1/collateral`.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import { InvalidInputError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import {
  type Asset,
  Assets,
  type CollateralParameters,
  CollateralParametersList,
} from "../schema/asset.ts";
import { type BackpackHttp, publicCall } from "./http.ts";
import { guarded } from "./validate.ts";

/** Parameters of {@link getAssets}. */
export interface GetAssetsParams {
  /** ISO 3166-1 alpha-2 country code (`US`); the list may depend on it. */
  readonly country?: string;
}

/** Assets with their chains, deposit/withdrawal limits and fees. `GET /api/v1/assets` (public). */
export const getAssets = (
  params: GetAssetsParams = {},
): Effect.Effect<ReadonlyArray<Asset>, BackpackError, BackpackHttp> =>
  guarded(
    () => [
      params.country === undefined || /^[A-Za-z]{2}$/.test(params.country)
        ? undefined
        : new InvalidInputError({
          field: "country",
          reason: "Malformed",
          detail: `${JSON.stringify(params.country)} is not a two-letter country code`,
        }),
    ],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/assets",
        query: { country: params.country },
        schema: Assets,
      }),
  );

/** Collateral weights and margin functions per asset. `GET /api/v1/collateral` (public). */
export const getCollateralParameters = (): Effect.Effect<
  ReadonlyArray<CollateralParameters>,
  BackpackError,
  BackpackHttp
> => publicCall({ method: "GET", path: "/api/v1/collateral", schema: CollateralParametersList });

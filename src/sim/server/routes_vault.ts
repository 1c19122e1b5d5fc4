/**
 * One simulated vault (id 1, USDC, token {@link VAULT_TOKEN}, NAV fixed at 1). `mint` swaps USDC
 * for vault tokens in the account's balances; `redeem` moves tokens into a pending redeem that
 * pays out USDC once {@link REDEEM_DELAY_MS} of simulator time passed (on a tick); `DELETE
 * redeem` returns the pending tokens. NAV history rows are derived from the circulating supply.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d, str, ZERO } from "../engine/num.ts";
import type { Route } from "./http_handler.ts";
import { objectBody, optionalEnum, optionalInt, requireString } from "./params.ts";
import { emptyResponse, HttpError } from "./responses.ts";
import {
  idSequence,
  positiveDecimal,
  route,
  type RouteEnv,
  type RouteModule,
} from "./route_kit.ts";

/** Balance asset of the vault's tokens. */
export const VAULT_TOKEN = "SIMVAULT";
/** Simulator time a redeem stays pending, ms. */
export const REDEEM_DELAY_MS = 60_000;
const VAULT_ID = 1;
const NAV = "1";

interface Redeem {
  readonly account: string;
  readonly id: string;
  readonly tokens: Decimal;
  readonly timestamp: number;
}

const vaultId = (source: Readonly<Record<string, unknown>>): number => {
  const id = optionalInt(source, "vaultId", 4_294_967_295);
  if (id === undefined) {
    throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `vaultId`");
  }
  if (id !== VAULT_ID) throw new HttpError(404, "RESOURCE_NOT_FOUND", "Vault not found");
  return id;
};

/** The vault module over `env.exchange`. */
export const vaultRoutes = ({ exchange }: RouteEnv): RouteModule => {
  const pending: Redeem[] = [];
  let supply = ZERO;
  const nextId = idSequence(4_000_000);
  const tick = (now: number): void => {
    for (const redeem of [...pending]) {
      if (now - redeem.timestamp < REDEEM_DELAY_MS) continue;
      pending.splice(pending.indexOf(redeem), 1);
      supply = supply.minus(redeem.tokens);
      exchange.transfer(redeem.account, "USDC", str(redeem.tokens.mul(NAV)), now);
    }
  };
  const navView = (now: number): Record<string, unknown> => {
    const equity = str(supply.mul(NAV));
    return {
      nav: NAV,
      twapNav: NAV,
      mintNav: NAV,
      redeemNav: NAV,
      vaultEquity: equity,
      netEquity: equity,
      tokenCirculatingSupply: str(supply),
      lastCrankTimestamp: now,
    };
  };
  const routes: Route[] = [
    route("GET", "/api/v1/vaults", () => [{
      id: VAULT_ID,
      vaultToken: VAULT_TOKEN,
      symbol: "USDC",
      mintsEnabled: true,
      redeemsEnabled: true,
      minMintQuantity: "1",
      minRedeemTokens: "1",
      redeemDelayMs: REDEEM_DELAY_MS,
      tokenStepSize: "0.000001",
      remainingMintQuantity: "1000000000",
    }]),
    route("POST", "/api/v1/vault/mint", ({ account, body, now }) => {
      const b = objectBody(body);
      vaultId(b);
      if (requireString(b, "symbol") !== "USDC") {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Vault accepts USDC only");
      }
      const quantity = positiveDecimal(b, "quantity");
      exchange.transfer(account, "USDC", str(quantity.neg()), now);
      const tokens = quantity.div(NAV);
      exchange.transfer(account, VAULT_TOKEN, str(tokens), now);
      supply = supply.plus(tokens);
      return emptyResponse(200);
    }),
    route("POST", "/api/v1/vault/redeem", ({ account, body, now }) => {
      const b = objectBody(body);
      vaultId(b);
      const held = d(exchange.balances(account)[VAULT_TOKEN]?.available ?? "0");
      const tokens = b.vaultTokenQuantity === undefined
        ? held
        : positiveDecimal(b, "vaultTokenQuantity");
      if (tokens.lte(0)) throw new HttpError(400, "INSUFFICIENT_FUNDS", "Insufficient funds");
      exchange.transfer(account, VAULT_TOKEN, str(tokens.neg()), now);
      pending.push({ account, id: nextId(), tokens, timestamp: now });
      return emptyResponse(200);
    }),
    route("DELETE", "/api/v1/vault/redeem", ({ account, body, now }) => {
      vaultId(objectBody(body));
      const mine = pending.filter((r) => r.account === account);
      if (mine.length === 0) {
        throw new HttpError(404, "RESOURCE_NOT_FOUND", "No pending redeem");
      }
      for (const redeem of mine) {
        pending.splice(pending.indexOf(redeem), 1);
        exchange.transfer(account, VAULT_TOKEN, str(redeem.tokens), now);
      }
      return emptyResponse(200);
    }),
    route("GET", "/api/v1/vault/redeems/pending", ({ account, query }) => {
      vaultId(query);
      return pending.filter((r) => r.account === account).map((r) => ({
        status: "Pending",
        id: r.id,
        vaultId: VAULT_ID,
        vaultTokenQuantity: str(r.tokens),
        vaultToken: VAULT_TOKEN,
        symbol: "USDC",
        quantity: str(r.tokens.mul(NAV)),
        nav: NAV,
        reason: null,
        timestamp: r.timestamp,
      }));
    }),
    route("GET", "/api/v1/vault/nav", ({ now }) => navView(now)),
    route("GET", "/api/v1/vaults/history", ({ query, now }) => {
      if (optionalEnum(query, "interval", ["1d", "1w", "1month", "1year"]) === undefined) {
        throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `interval`");
      }
      if (query.vaultId !== undefined) vaultId(query);
      const nav = navView(now);
      return [2, 1, 0].map((daysAgo) => ({
        vaultId: VAULT_ID,
        timestamp: new Date(now - daysAgo * 86_400_000).toISOString(),
        nav: NAV,
        vaultEquity: nav.vaultEquity,
        tokenCirculatingSupply: nav.tokenCirculatingSupply,
      }));
    }),
  ];
  return { routes, tick };
};

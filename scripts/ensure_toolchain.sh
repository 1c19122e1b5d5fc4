#!/usr/bin/env bash
# Sourced by scripts/test.sh and scripts/demo.sh (from the repository root). Defines
# `ensure_toolchain`: installs the pinned dev toolchain (deno, bun, tsc, esbuild, miniflare, ...)
# from package-lock.json with `npm ci` when it is missing or package.json / the lock changed since
# the last install; sets TOOLCHAIN_INSTALLED=1 when it installed, returns non-zero when `npm ci`
# failed. Also exports DENO_DIR and PATH for the toolchain.
export DENO_DIR="$PWD/.deno" PATH="$PWD/node_modules/.bin:$PATH" DENO_NO_UPDATE_CHECK=1
TOOLCHAIN_INSTALLED=0

ensure_toolchain() {
  local stamp
  stamp=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
  if [ -x node_modules/.bin/deno ] && [ "$(cat node_modules/.toolchain-stamp 2>/dev/null || true)" = "$stamp" ]; then
    return 0
  fi
  echo "installing the dev toolchain (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error || return 1
  echo "$stamp" >node_modules/.toolchain-stamp
  TOOLCHAIN_INSTALLED=1
}

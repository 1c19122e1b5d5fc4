#!/usr/bin/env bash
# Installs the pinned dev toolchain (deno, bun, tsc, esbuild, miniflare, ...) from package-lock.json
# when it is missing or package.json / the lock changed since the last install. Idempotent and quiet
# when nothing changed. Source it from the repository root; it exports DENO_DIR and PATH.
stamp=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [ ! -x node_modules/.bin/deno ] || [ "$(cat node_modules/.toolchain-stamp 2>/dev/null || true)" != "$stamp" ]; then
  echo "installing the dev toolchain (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
  echo "$stamp" >node_modules/.toolchain-stamp
fi
export DENO_DIR="$PWD/.deno" PATH="$PWD/node_modules/.bin:$PATH" DENO_NO_UPDATE_CHECK=1

#!/usr/bin/env bash
# `npm run demo`: installs the toolchain if needed, then runs the demo against the embedded simulator.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/ensure_toolchain.sh
. scripts/ensure_toolchain.sh
ensure_toolchain
exec deno run -A scripts/demo.ts "$@"

#!/usr/bin/env bash
# The single test command (`npm test`). Runs every gate and suite, prints a per-suite summary and,
# as its very last line, the total `N passed, M failed`. Exits non-zero when anything failed.
#
# Gates (fmt, lint, check, doc lint, npm build, export check) count as one item each; test suites
# contribute their own counts. Needs only Node 20 + npm: the toolchain comes from `npm ci`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export DENO_DIR="$ROOT/.deno" PATH="$ROOT/node_modules/.bin:$PATH" NO_COLOR=1 DENO_NO_UPDATE_CHECK=1
OUT="$ROOT/test-output"
rm -rf "$OUT" && mkdir -p "$OUT"

PASSED=0
FAILED=0
FAILURES=()
SUMMARY=()

section() { printf '\n===== %s =====\n' "$1"; }

# record NAME PASSED FAILED: adds a suite's counts to the totals.
record() {
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$1: $2 passed, $3 failed")
  if [ "$3" -ne 0 ]; then FAILURES+=("$1"); fi
}

# gate NAME CMD...: runs CMD; one passed or one failed item. Sets GATE_OK to 1 or 0.
GATE_OK=0
gate() {
  local name=$1
  shift
  if "$@"; then
    GATE_OK=1
    record "$name" 1 0
  else
    GATE_OK=0
    echo "FAILED: $name"
    record "$name" 0 1
  fi
}

# suite NAME LOG CMD...: runs CMD (output shown and kept in LOG) and reads its
# `NAME: N passed, M failed` line. A crash without that line, or a non-zero exit with no failure
# counted, is one more failed item.
suite() {
  local name=$1 log=$2 rc=0 line
  shift 2
  "$@" 2>&1 | tee "$log" || rc=$?
  line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed$" "$log" | tail -n 1 || true)
  if [ -z "$line" ]; then
    echo "FAILED: $name printed no summary line (exit $rc)"
    record "$name" 0 1
    return
  fi
  local p f
  p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.*, ([0-9]+) failed$/\1/' <<<"$line")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  record "$name" "$p" "$f"
}

finish() {
  section "summary"
  local s
  for s in "${SUMMARY[@]}"; do echo "  $s"; done
  if [ "${#FAILURES[@]}" -ne 0 ]; then echo "failed: ${FAILURES[*]}"; fi
  echo "$PASSED passed, $FAILED failed"
  if [ "$FAILED" -ne 0 ]; then exit 1; fi
  exit 0
}

# ---------------------------------------------------------------------------------------------
section "toolchain"
# Installs the toolchain only when it is missing or package.json / the lock changed.
# shellcheck source=scripts/ensure_toolchain.sh
. scripts/ensure_toolchain.sh
if ensure_toolchain; then
  if [ "$TOOLCHAIN_INSTALLED" -eq 1 ]; then record "npm ci" 1 0; fi
else
  record "npm ci" 0 1
  finish
fi
echo "node $(node --version), $(deno --version | head -n 1), bun $(bun --version), tsc $(tsc --version)"

# Paths Deno type-checks: the exported entry points, the sources, the scripts and every test
# directory except tests/runtime and tests/browser (Node scripts importing the built npm package
# and npm dev tools, which Deno cannot resolve).
mapfile -t ENTRIES < <(node -e '
  const e = JSON.parse(require("fs").readFileSync("deno.json", "utf8")).exports;
  for (const t of typeof e === "string" ? [e] : Object.values(e)) console.log(t.replace(/^\.\//, ""));
')
CHECK_PATHS=("${ENTRIES[@]}")
for p in src workers scripts examples; do if [ -d "$p" ]; then CHECK_PATHS+=("$p"); fi; done
for p in tests/*/; do
  if [ "$p" != "tests/runtime/" ] && [ "$p" != "tests/browser/" ]; then CHECK_PATHS+=("${p%/}"); fi
done

# ---------------------------------------------------------------------------------------------
section "deno fmt --check"
gate "fmt" deno fmt --check

section "deno lint"
gate "lint" deno lint

section "deno check"
echo "paths: ${CHECK_PATHS[*]}"
gate "check" deno check "${CHECK_PATHS[@]}"

section "deno doc --lint (scripts/doc_lint.ts)"
gate "doc lint" deno run -A scripts/doc_lint.ts

# ---------------------------------------------------------------------------------------------
section "unit tests (deno test -A tests/unit)"
if [ -n "$(find tests/unit -name '*_test.ts' -print -quit 2>/dev/null)" ]; then
  rc=0
  deno test -A tests/unit 2>&1 | tee "$OUT/unit.log" || rc=$?
  line=$(grep -E '^(ok|FAILED) \| [0-9]+ passed' "$OUT/unit.log" | tail -n 1 || true)
  if [ -n "$line" ]; then
    p=$(sed -E 's/^[A-Z a-z]+\| ([0-9]+) passed.*/\1/' <<<"$line")
    f=$(sed -E 's/.*\| ([0-9]+) failed.*/\1/' <<<"$line")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if grep -qE '\| [0-9]+ ignored' <<<"$line"; then
      echo "FAILED: ignored tests are not allowed"
      f=$((f + 1))
    fi
    echo "deno: $p passed, $f failed"
    record "deno" "$p" "$f"
  else
    echo "FAILED: deno test printed no summary (exit $rc)"
    record "deno" 0 1
  fi
else
  echo "no test modules under tests/unit"
  record "deno" 0 0
fi

# ---------------------------------------------------------------------------------------------
section "npm build (scripts/build_npm.ts)"
gate "npm build" deno run -A scripts/build_npm.ts
built=$GATE_OK

section "export map (scripts/check_exports.ts)"
gate "export map" deno run -A scripts/check_exports.ts

# Package checks (scripts/check_package.ts): what JSR and npm would publish.
section "jsr publish dry run (no slow types; nothing but sources)"
gate "jsr dry run" deno run -A scripts/check_package.ts jsr

if [ "$built" -eq 1 ]; then
  section "publint --strict npm"
  gate "publint" deno run -A scripts/check_package.ts publint

  section "attw --pack npm --profile esm-only"
  gate "attw" deno run -A scripts/check_package.ts attw

  section "npm tarball contents (npm pack --dry-run)"
  gate "npm tarball" deno run -A scripts/check_package.ts tarball

  section "bundle sizes (scripts/size.ts, size-budgets.json)"
  gate "size budgets" deno run -A scripts/size.ts
fi

# ---------------------------------------------------------------------------------------------
# The smoke suites import the built package by its npm name, and effect (which a consumer of the
# Effect API installs next to it) from the package's own dependencies, through these links.
if [ "$built" -eq 1 ]; then
  pkg=$(node -p 'require("./npm/package.json").name')
  mkdir -p "tests/runtime/node_modules/$(dirname "$pkg")"
  ln -sfn "$ROOT/npm" "tests/runtime/node_modules/$pkg"
  ln -sfn "$ROOT/npm/node_modules/effect" "tests/runtime/node_modules/effect"

  # A runner must exit by itself once its cases are done (a leaked socket, timer or worker keeps
  # it alive): `timeout` turns a hang into a failed suite.
  section "node smoke (tests/runtime/node)"
  suite "node" "$OUT/node.log" timeout 300 node tests/runtime/node/smoke.mjs

  section "node 22 smoke (tests/runtime/node with node_modules/node/bin/node)"
  suite "node22" "$OUT/node22.log" timeout 300 node_modules/node/bin/node tests/runtime/node/smoke.mjs node22

  section "bun smoke (tests/runtime/bun)"
  suite "bun" "$OUT/bun.log" timeout 300 bun tests/runtime/bun/smoke.ts

  section "workerd smoke (tests/runtime/workerd, miniflare; simulators from Node)"
  suite "workerd" "$OUT/workerd.log" timeout 300 node tests/runtime/workerd/run.mjs

  section "workerd bot (examples/cloudflare_worker_bot under miniflare, simulator from Node)"
  suite "workerd-bot" "$OUT/workerd-bot.log" node tests/runtime/workerd/bot_run.mjs

  section "browser (tests/browser, headless Chromium via playwright-core)"
  suite "chromium" "$OUT/chromium.log" node tests/browser/run.mjs
else
  echo "npm build failed: runtime smoke suites not run"
  record "runtime smoke" 0 1
fi

finish

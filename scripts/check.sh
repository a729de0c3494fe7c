#!/usr/bin/env bash
# The whole test run: installs what is missing, then every gate in order. Each runner prints its own
# summary; a failing gate stops the run with its exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-toolchain.sh --browser --faketime

export NO_COLOR=1 FORCE_COLOR=0 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 STORYBOOK_DISABLE_TELEMETRY=1

step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local start=$SECONDS
  "$@"
  echo "<== $name: ok in $((SECONDS - start))s"
}

step "format" pnpm format:check
step "typecheck" pnpm typecheck
step "doc snippets type-check" pnpm check:snippets
step "lint" pnpm lint
step "unit and browser tests" pnpm test:unit
# The Node test projects again, on a device clock 400 days ahead and 14 hours east of UTC: no test
# may depend on the day it runs or on the machine's time zone.
step "unit tests under a clock 400 days ahead" env TZ=Pacific/Kiritimati faketime '+400 days' pnpm test:node
step "build packages" pnpm build
step "package checks" pnpm check:packages
# Packed tarballs in fresh host apps outside the workspace: React 18 + Vite 7, React 19 + Vite 8,
# Next.js (Turbopack and webpack), each type-checked, built, served and driven in Chromium.
step "consumer matrix" pnpm test:consumers
step "storybook build" pnpm build-storybook
step "story tests" pnpm test:stories
step "end-to-end tests" pnpm test:e2e
step "benchmark smoke run" pnpm bench --smoke
echo
echo "All checks passed."

#!/usr/bin/env bash
# The consumer matrix (see consumers/README.md): packed tarballs installed with npm into fresh host
# apps, type-checked, built, served and driven in headless Chromium. Needs `pnpm build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node_modules/.bin/tsx consumers/run.ts "$@"

#!/usr/bin/env bash
# Installs what a fresh machine with only Node 20 and npm lacks: pnpm, the workspace's packages and,
# when asked (--browser), Debian's Chromium. Sourced by scripts/demo.sh and scripts/check.sh.
set -euo pipefail

PNPM_VERSION=12.21.0
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export STORYBOOK_DISABLE_TELEMETRY=1

need_browser=false
for arg in "$@"; do
  [ "$arg" = "--browser" ] && need_browser=true
done

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "==> installing pnpm $PNPM_VERSION"
  # Corepack cannot verify pnpm's signature against this registry; a global npm install can.
  npm install -g "pnpm@$PNPM_VERSION" --no-fund --no-audit --loglevel=error
fi

need_faketime=false
for arg in "$@"; do
  [ "$arg" = "--faketime" ] && need_faketime=true
done

# Debian packages the run needs: Chromium for the browser tests, libfaketime for the clock-ahead run.
apt_packages=()
if $need_browser && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then apt_packages+=(chromium); fi
if $need_faketime && ! command -v faketime >/dev/null 2>&1; then apt_packages+=(faketime); fi
if [ "${#apt_packages[@]}" -gt 0 ]; then
  echo "==> installing Debian's ${apt_packages[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

echo "==> installing packages"
# An occasional ERR_PNPM_BAD_CONFIG_DEP from pnpm 12 goes away on a second try.
pnpm install --frozen-lockfile --reporter=append-only || pnpm install --frozen-lockfile --reporter=append-only

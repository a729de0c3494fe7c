#!/usr/bin/env bash
# Installs what is missing, then starts the reference recording server and the note-review demo on
# 127.0.0.1 and prints the URL to open. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-toolchain.sh

API_PORT=${API_PORT:-8787}
DEMO_PORT=${DEMO_PORT:-5173}
api_url="http://127.0.0.1:$API_PORT"
demo_url="http://127.0.0.1:$DEMO_PORT"

# Stop every process this script started, whichever way it ends.
trap 'trap - EXIT INT TERM; kill 0 2>/dev/null || true' EXIT INT TERM

# --admin: the demo's Scenarios panel drives the server's admin API (processing window, storage CORS).
pnpm --silent recording-api --port "$API_PORT" --admin &
VITE_RECORDING_API_URL="$api_url" VITE_RECORDING_API_ADMIN=1 pnpm --silent --filter @ambient-audio/note-review exec \
  vite --port "$DEMO_PORT" --strictPort --clearScreen false &

wait_for() {
  for _ in $(seq 1 120); do
    node -e 'fetch(process.argv[1]).then(() => process.exit(0), () => process.exit(1))' "$1" && return 0
    sleep 0.5
  done
  echo "$1 did not start" >&2
  return 1
}
wait_for "$api_url/health"
wait_for "$demo_url"

echo
echo "  Reference recording API: $api_url   (token: dev-token)"
echo "  Note-review demo:        $demo_url"
echo
echo "  Open $demo_url in a browser; its Scenarios panel restarts processing and switches the"
echo "  storage's CORS (apps/note-review/README.md lists every visit and state). Ctrl-C stops both."
wait

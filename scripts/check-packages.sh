#!/usr/bin/env bash
# Checks the built packages as a consumer meets them: publint for the manifest, arethetypeswrong for
# type resolution through `exports`, and a plain Node import of each entry (which also proves that
# importing the library on a server touches no browser global).
set -euo pipefail
cd "$(dirname "$0")/.."

for pkg in packages/core packages/react; do
  echo "--- $pkg"
  (cd "$pkg" && pnpm exec publint --strict)
  (cd "$pkg" && pnpm exec attw --pack . --profile esm-only --format ascii --exclude-entrypoints ./styles.css)
  (cd "$pkg" && node --input-type=module -e "const m = await import('./dist/index.js'); console.log(Object.keys(m).length + ' exports import in Node without a DOM');")
done

#!/usr/bin/env bash
# Checks the built packages as a consumer meets them: publint for the manifest, arethetypeswrong for
# type resolution through `exports`, and a plain Node import of each entry (which also proves that
# importing the library on a server touches no browser global).
set -euo pipefail
cd "$(dirname "$0")/.."

for pkg in packages/core packages/react; do
  echo "--- $pkg"
  # Every entry of `files` exists, and the tarball carries the license and the readme.
  (cd "$pkg" && node --input-type=module -e "
    import { existsSync, readFileSync } from 'node:fs';
    const { files } = JSON.parse(readFileSync('package.json', 'utf8'));
    const missing = files.filter((entry) => !existsSync(entry));
    if (missing.length) { console.error('files lists what does not exist: ' + missing.join(', ')); process.exit(1); }
    for (const needed of ['LICENSE', 'README.md']) if (!files.includes(needed)) { console.error('files lacks ' + needed); process.exit(1); }
    console.log('files: ' + files.join(', '));
  ")
  (cd "$pkg" && pnpm exec publint --strict)
  (cd "$pkg" && pnpm exec attw --pack . --profile esm-only --format ascii --exclude-entrypoints ./styles.css)
  (cd "$pkg" && node --input-type=module -e "const m = await import('./dist/index.js'); console.log(Object.keys(m).length + ' exports import in Node without a DOM');")
done

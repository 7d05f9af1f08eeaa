#!/usr/bin/env bash
# Builds the web app into dist/ (or the folder given), installing the pinned
# packages from package-lock.json first when needed. Commit dist/.
set -euo pipefail
cd "$(dirname "$0")"

# node_modules/.package-lock.json dates the installed tree; reinstall when
# it is missing or the lock is newer.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

npx --no -- tsc --noEmit
npx --no -- vite build --logLevel warn --outDir "${1:-dist}" --emptyOutDir

#!/usr/bin/env bash
# Regenerates src/schema.d.ts from ../openapi.yaml (the 3.1 spec), installing
# the pinned tools from package-lock.json first when needed. Commit the result.
set -euo pipefail
cd "$(dirname "$0")"

# node_modules/.package-lock.json is what npm writes when it installs, so it
# dates the installed tree; reinstall when it is missing or the lock is newer.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

npm run --silent generate

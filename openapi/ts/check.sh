#!/usr/bin/env bash
# Fails when src/schema.d.ts differs from what openapi-typescript makes of
# ../openapi.yaml, or when the client and the example do not type-check.
set -euo pipefail
cd "$(dirname "$0")"

# node_modules/.package-lock.json is what npm writes when it installs, so it
# dates the installed tree; reinstall when it is missing or the lock is newer.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same command as "npm run generate", into a temporary file.
npx --no -- openapi-typescript ../openapi.yaml -o "$tmp/schema.d.ts" >"$tmp/generate.log" 2>&1 || {
  cat "$tmp/generate.log" >&2
  echo "openapi-typescript failed on openapi/openapi.yaml" >&2
  exit 1
}
if ! cmp -s "$tmp/schema.d.ts" src/schema.d.ts; then
  diff -u src/schema.d.ts "$tmp/schema.d.ts" | head -40 >&2 || true
  echo "openapi/ts/src/schema.d.ts is stale: run make openapi" >&2
  exit 1
fi

npx --no -- tsc --noEmit
echo "openapi/ts: schema.d.ts is current and the client type-checks"

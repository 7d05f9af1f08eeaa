#!/usr/bin/env bash
# Fails when the committed dist/ differs from what the sources build to, or
# when a unit test of web/test (Node's test runner) fails.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./build.sh "$tmp/dist"
if ! diff -r dist "$tmp/dist" >/dev/null; then
  diff -r dist "$tmp/dist" | head -20 >&2 || true
  echo "web/dist is stale: run make web and commit web/dist" >&2
  exit 1
fi
echo "web: dist/ is current"
node --test test/csv.test.mjs test/problems.test.mjs test/rules.test.mjs test/glossary.test.mjs

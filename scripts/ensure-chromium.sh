#!/usr/bin/env bash
# Makes sure Debian's Chromium is on this machine for the browser tests
# (make test-web). As root it installs the chromium package; otherwise it
# prints the command. PROPER_CHROMIUM may name another Chromium binary.
set -euo pipefail

[ -x "${PROPER_CHROMIUM:-/usr/bin/chromium}" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing for the browser tests: run  sudo apt-get install -y chromium" >&2
  exit 1
fi

echo "Installing Chromium for the browser tests (apt-get install chromium)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ]

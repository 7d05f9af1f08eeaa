#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries (initdb, pg_ctl) are on this
# machine, searching where Proper's launcher searches: PATH, pg_config
# --bindir, and Debian's /usr/lib/postgresql/<version>/bin. As root it
# installs Debian's postgresql package; otherwise it prints the command.
set -euo pipefail

found() {
  command -v initdb >/dev/null 2>&1 && return 0
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then return 0; fi
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return 0
  return 1
}

found && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL server binaries are missing: run  sudo apt-get install -y postgresql" >&2
  exit 1
fi

echo "Installing the PostgreSQL server (apt-get install postgresql)..." >&2
# Proper runs its own private cluster: Debian's default cluster is not needed.
if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
  mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql >/dev/null
found

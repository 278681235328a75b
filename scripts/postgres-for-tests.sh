#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster without systemd and makes the `iliocare` role the tests use
# (RECIPES.md). Safe to run again. Needs root and the postgresql package.
set -euo pipefail
PGVER=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PGVER main" || pg_createcluster "$PGVER" main
pg_ctlcluster "$PGVER" main status >/dev/null 2>&1 || pg_ctlcluster "$PGVER" main start
pg_isready -h 127.0.0.1 -p 5432 -t 30
cd /   # runuser as postgres cannot read a root-owned working directory
runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='iliocare'" | grep -q 1 \
  || runuser -u postgres -- psql -v ON_ERROR_STOP=1 -c "CREATE ROLE iliocare LOGIN PASSWORD 'iliocare' CREATEDB"

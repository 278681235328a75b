#!/usr/bin/env bash
# Fault run 2 (issue 7): PostgreSQL stopped and started under load. Starts a throw-away PostgreSQL server of its
# own (initdb into a temp dir owned by postgres, a free port, its socket in that dir) — never the shared cluster
# on 5432 — runs the app on it, loads it with API reads/writes and pages, stops the server for 5 s and later for
# 25 s (DOWN=5,25), starting it again each time. Passes when only clean 503s (problem+json / the "try again" page) or
# successes were answered, no request exceeded the stated timeout, and every request succeeds within 10 s of the
# server being back. Writes its part of docs/performance.md. Removes the server and its files on exit.
# Usage: bench/faults/pg-restart.sh [--no-build]      Needs: dotnet, python3, PostgreSQL 15 server binaries, root.
set -euo pipefail
source "$(dirname "$0")/common.sh"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] || { need psql postgresql; pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }

work=$(mktemp -d /tmp/i7-pg-restart.XXXXXX)
data="$work/pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    if [ -n "${KEEP_FAULT_LOGS:-}" ]; then echo "logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
mkdir -p "$data" && chown -R postgres "$work" && chmod 700 "$data"
(cd / && runuser -u postgres -- "$pg_bin/initdb" -D "$data" --auth=trust -U postgres >/dev/null)
(cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data" start >/dev/null)

python3 bench/faults/pg_restart.py --pg-bin "$pg_bin" --pg-data "$data" --pg-port "$port" --work "$work" \
    --down "${DOWN:-5,25}" --doc "$doc" --command "bench/faults/pg-restart.sh"

#!/usr/bin/env bash
# Fault run 1 (issue 7): kill -9 of the app during a stream of check-in writes, 20 times, on SQLite (and with
# --postgres on the shared PostgreSQL cluster, in a database of its own that is dropped afterwards).
# Passes when every acknowledged write is in the database after each kill, `PRAGMA integrity_check` is ok
# and the app serves again after each restart. Writes its part of docs/performance.md.
# Usage: bench/faults/kill9.sh [--no-build] [--postgres]      Needs: dotnet, python3 (psql for --postgres).
set -euo pipefail
source "$(dirname "$0")/common.sh"
provider=sqlite cmd=bench/faults/kill9.sh
if [[ " $* " == *" --postgres "* ]]; then provider=postgres cmd="$cmd --postgres"; need psql postgresql-client; fi
exec python3 bench/faults/kill9.py --provider "$provider" --rounds "${ROUNDS:-20}" --seed "${SEED:-7}" --doc "$doc" --command "$cmd"

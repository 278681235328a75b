#!/usr/bin/env bash
# Every fault run of issue 7, one after another, after one Release build; each writes its own part of the
# "## Fault runs (issue 7)" section of docs/performance.md. Prints a PASS/FAIL line per run and exits non-zero
# if any failed. About 10 minutes on a quiet 2-core box. Run as root (disk-full mounts a tmpfs; pg-restart runs
# its own PostgreSQL as the postgres user).
# Usage: bench/faults/all.sh [--no-build]      Needs: dotnet, python3, nginx, PostgreSQL 15 (server + psql).
set -euo pipefail
source "$(dirname "$0")/common.sh"
export FAULTS_NO_BUILD=1
results=()
status=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for run in kill9.sh "kill9.sh --postgres" pg-restart.sh nginx-failover.sh fuzz.sh disk-full.sh; do
    echo "== bench/faults/$run"
    # shellcheck disable=SC2086 # the run's own arguments split on purpose
    bash bench/faults/$run 2>&1 | tee "$out" || status=1
    results+=("$run: $( { grep -E '^(PASS|FAIL)' "$out" || echo 'FAIL: no verdict'; } | tail -1 | cut -c1-200)")
done
echo
echo "== summary"
printf '%s\n' "${results[@]}"
exit $status

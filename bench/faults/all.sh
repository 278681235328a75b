#!/usr/bin/env bash
# Every fault run of issue 7, one after another, after one Release build; each writes its own part of the
# "## Fault runs (issue 7)" section of docs/performance.md. Prints a PASS/FAIL line per run and exits non-zero
# if any failed. About 10 minutes on a quiet 2-core box. Run as root (disk-full mounts a tmpfs; pg-restart runs
# its own PostgreSQL as the postgres user).
# Usage: bench/faults/all.sh [--no-build]      Needs: dotnet, python3, nginx, PostgreSQL 15 (server + psql).
source "$(dirname "$0")/common.sh"
export FAULTS_NO_BUILD=1
results=()
status=0
for run in kill9.sh "kill9.sh --postgres" pg-restart.sh nginx-failover.sh fuzz.sh disk-full.sh; do
    echo "== bench/faults/$run"
    # shellcheck disable=SC2086 # the run's own arguments
    if out=$(bash bench/faults/$run 2>&1); then :; else status=1; fi
    echo "$out" | tail -25
    results+=("$(echo "$out" | grep -E '^(PASS|FAIL)' | tail -1 | cut -c1-160)")
done
echo
echo "== summary"
printf '%s\n' "${results[@]}"
exit $status

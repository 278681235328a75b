#!/usr/bin/env bash
# Fault run 3 (issue 7): two app instances on one PostgreSQL database behind our own nginx (config generated from
# deploy/nginx/iliocare.conf, temp prefix, free ports), signed-in page loads and check-in form posts through nginx,
# `kill -9` of one instance a third of the way through REQUESTS (default 1200) requests. Passes with < 0.5 %
# failed requests and no sign-in or antiforgery failure on the survivor. Uses a database of its own on the shared cluster (127.0.0.1:5432, role iliocare), dropped after.
# Writes its part of docs/performance.md.
# Usage: bench/faults/nginx-failover.sh [--no-build]      Needs: dotnet, python3, nginx, psql.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need nginx nginx
need psql postgresql-client
work=$(mktemp -d /tmp/i7-nginx.XXXXXX)
cleanup() {
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    if [ -n "${KEEP_FAULT_LOGS:-}" ]; then echo "logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
python3 bench/faults/nginx_failover.py --work "$work" --requests "${REQUESTS:-1200}" --doc "$doc" \
    --command "bench/faults/nginx-failover.sh"

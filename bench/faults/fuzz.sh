#!/usr/bin/env bash
# Fault run 4 (issue 7): malformed bodies at every JSON endpoint of /openapi/v1.json (and the anonymous assessment
# API), as a patient token and as a clinician token (two-factor set up by the script, linked to the patient), with
# a fixed seed (SEED, default 20261124) and CASES per endpoint and caller (default 60: a few thousand requests).
# Passes when no request is answered 5xx or dropped and the app is healthy afterwards. Writes its part of
# docs/performance.md. The app runs on a temp SQLite file, removed on exit.
# Usage: bench/faults/fuzz.sh [--no-build]      Needs: dotnet, python3.
set -euo pipefail
source "$(dirname "$0")/common.sh"
work=$(mktemp -d /tmp/i7-fuzz.XXXXXX)
cleanup() { if [ -n "${KEEP_FAULT_LOGS:-}" ]; then echo "logs kept in $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
python3 bench/faults/fuzz.py --seed "${SEED:-20261124}" --cases "${CASES:-60}" --work "$work" --doc "$doc" \
    --command "bench/faults/fuzz.sh"

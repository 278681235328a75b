#!/usr/bin/env bash
# Fault run 5 (issue 7): disk full on the SQLite volume. Mounts a small tmpfs (SIZE, default 32m) in a temp dir,
# runs the app with its database there, fills the volume with a filler file until writes fail, checks that
# writes get clean 503s while reads keep working and `PRAGMA integrity_check` stays ok, then removes the filler
# and checks that writes succeed again without a restart. Writes its part of docs/performance.md. Unmounts and
# removes everything on exit.
# Usage: bench/faults/disk-full.sh [--no-build]      Needs: dotnet, python3, root (mount -t tmpfs).
set -euo pipefail
source "$(dirname "$0")/common.sh"
[ "$(id -u)" = 0 ] || { echo "disk-full.sh mounts a tmpfs: run it as root" >&2; exit 2; }
work=$(mktemp -d /tmp/i7-disk-full.XXXXXX)
volume="$work/volume"
cleanup() {
    mountpoint -q "$volume" && umount "$volume"
    if [ -n "${KEEP_FAULT_LOGS:-}" ]; then echo "logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
mkdir -p "$volume"
mount -t tmpfs -o "size=${SIZE:-32m},mode=0700" tmpfs "$volume"
SIZE=${SIZE:-32m} python3 bench/faults/disk_full.py --volume "$volume" --work "$work" --doc "$doc" \
    --command "bench/faults/disk-full.sh"

#!/usr/bin/env bash
# The clinical engine's benchmarks (issue 2) in Release with BenchmarkDotNet's short job (3 warm-ups,
# 3 iterations): a few minutes on 2 cores. Results: BenchmarkDotNet.Artifacts/results/*.md; copy the
# table into docs/performance.md. Extra arguments go to BenchmarkDotNet (e.g. --filter '*Load*').
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ $# -eq 0 ]; then set -- --filter '*'; fi
exec dotnet run -c Release --project bench/IlioCare.Bench -- --job short "$@"

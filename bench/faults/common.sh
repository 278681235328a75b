# Sourced by the bench/faults/*.sh scripts: repository root, Release build (skipped with --no-build or
# FAULTS_NO_BUILD=1, which all.sh sets after building once), and the tools every fault run needs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
doc="$root/docs/performance.md"

need() { # need <command> <debian package>: install only what is missing, and say so
    command -v "$1" >/dev/null 2>&1 && return
    echo "installing $2 (for $1)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
}
need python3 python3
need dotnet dotnet-sdk-10.0

if [ "${1:-}" != "--no-build" ] && [ "${FAULTS_NO_BUILD:-}" != 1 ]; then
    dotnet build -c Release src/IlioCare.Web -v q -nologo >/dev/null
    dotnet build -c Release src/IlioCare.Cli -v q -nologo >/dev/null
fi

#!/usr/bin/env bash
# Cold start (issue 17: goal ≤ 1.5 s from process start to the first 200 on a migrated database).
# Publishes the web app once per variant, migrates one database per provider once (the first start), then starts the
# app N times on it: wall ms from the process start to the first 200 on `/` (polled every 10 ms), and the CPU ms
# the process used until then (utime + stime: what the start costs whatever else the box runs).
# Variants: `jit` (a plain Release publish) and `r2r` (ReadyToRun: -r linux-x64 --self-contained false
# -p:PublishReadyToRun=true, as docs/operations.md publishes it); each may also run with extra environment (e.g.
# `--env DOTNET_TieredPGO=0`). SQLite: a throw-away file; PostgreSQL: the shared cluster on 127.0.0.1:5432 (role
# iliocare), database coldstart_<random>, dropped after. The app runs under `taskset -c 0` (one core, as load.sh).
# Usage: bench/coldstart.sh [--no-publish] [--providers "sqlite postgres"] [--starts 5] [--variants "jit r2r"] [--env "K=V …"]
# Prints a Markdown table (provider, variant, each start wall/CPU, medians). Needs: dotnet (SDK 10), curl, python3, psql.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
publish=1 providers="sqlite postgres" starts=5 variants="jit r2r" extra_env=""
while [ $# -gt 0 ]; do
    case "$1" in
        --no-publish) publish=0 ;;
        --providers) providers=$2; shift ;;
        --starts) starts=$2; shift ;;
        --variants) variants=$2; shift ;;
        --env) extra_env=$2; shift ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
out=bench/.coldstart # the published apps stay between runs (--no-publish reuses them)
work=$(mktemp -d); app_pid="" pg_dbs=()
psql_admin() { psql -h 127.0.0.1 -p 5432 -U iliocare -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    for db in "${pg_dbs[@]}"; do PGPASSWORD=iliocare psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT
export PGPASSWORD=iliocare

if [ "$publish" = 1 ]; then
    for variant in $variants; do
        case "$variant" in
            jit) dotnet publish src/IlioCare.Web -c Release -o "$out/jit" -v q -nologo >/dev/null ;;
            r2r) dotnet publish src/IlioCare.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
                    -o "$out/r2r" -v q -nologo >/dev/null ;;
            *) echo "unknown variant $variant" >&2; exit 2 ;;
        esac
    done
fi

audit_key=$(head -c 32 /dev/urandom | base64)
# The at-rest key too: otherwise each published folder makes its own data/dataprotection.key and the second variant
# cannot read the key ring the first one wrote.
at_rest_key=$(head -c 32 /dev/urandom | base64)
now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
median() { sort -n | awk '{ a[NR]=$1 } END { print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }'; }
# One start: prints "<wall ms> <cpu ms>" and stops the app.
start_once() {
    local dir=$1 port t0 wall="" cpu
    port=$(free_port); t0=$(now_ms)
    # shellcheck disable=SC2086
    (cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Production $extra_env taskset -c 0 dotnet IlioCare.Web.dll \
        --urls "http://127.0.0.1:$port" "--Audit:Key=$audit_key" "--DataProtection:Key=$at_rest_key" "${db_args[@]}" >>"$work/app.log" 2>&1) &
    app_pid=$!
    for _ in $(seq 1 6000); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 200 ]; then
            cpu=$(awk '{ print ($14 + $15) * 10 }' "/proc/$app_pid/stat"); wall=$(( $(now_ms) - t0 )); break
        fi
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.01
    done
    kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""
    [ -n "$wall" ] || { cat "$work/app.log" >&2; echo "the app did not answer 200 on /" >&2; exit 1; }
    echo "$wall $cpu"
}

echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $(cut -d' ' -f1-3 /proc/loadavg); env: ${extra_env:-none}"
echo
echo "| provider | variant | first start (migrates) wall / CPU ms | cold starts wall ms | cold starts CPU ms | median wall / CPU ms (≤ 1500) |"
echo "|---|---|---:|---|---|---:|"
for provider in $providers; do
    if [ "$provider" = sqlite ]; then
        db_args=("--ConnectionStrings:IlioCare=Data Source=$work/cold.db")
    else
        db="coldstart_$(python3 -c 'import secrets; print(secrets.token_hex(4))')"; pg_dbs+=("$db")
        psql_admin "CREATE DATABASE $db" >/dev/null
        db_args=(--Database:Provider=postgres "--ConnectionStrings:IlioCare=Host=127.0.0.1;Port=5432;Database=$db;Username=iliocare;Password=iliocare")
    fi
    first=""
    for variant in $variants; do
        # The first start of the first variant migrates the empty database; every later start finds it migrated.
        if [ -z "$first" ]; then first=$(start_once "$out/$variant"); first_text="${first% *} / ${first#* }"; else first_text="–"; fi
        walls=() cpus=()
        for _ in $(seq 1 "$starts"); do
            read -r w c < <(start_once "$out/$variant"); walls+=("$w"); cpus+=("$c")
        done
        echo "| $provider | $variant | $first_text | ${walls[*]} | ${cpus[*]} | **$(printf '%s\n' "${walls[@]}" | median)** / **$(printf '%s\n' "${cpus[@]}" | median)** |"
    done
    rm -f "$work"/cold.db*
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# How cost grows (issue 7): seeds, on SQLite and on PostgreSQL, one patient with 1 week, 1 year and 5 years of daily
# history and one clinician each with 10, 100 and 1,000 linked patients (bench/IlioCare.Seed), starts the real app
# (Release, Production) on a free 127.0.0.1 port, signs in (patients: password; clinicians: password + a TOTP code
# computed here; the API: a personal access token) and times, at each size, the Today page, the Progress page and the
# check-in page (patients), the caseload page and GET /api/v1/caseload (clinicians): `hey -c 1` sequential requests
# for p50/p99 and requests/s, the body bytes, and — from a second app start that logs EF's commands — the SQL
# statements one request runs; on PostgreSQL also the rows the server read per request (pg_stat_user_tables).
# Writes its table into docs/performance.md under "## How cost grows (issue 7)" (that section replaced, the rest
# kept) and prints it.
# Usage: bench/growth.sh [--no-build] [--providers "sqlite postgres"] [--requests 200] [--caseload-only | --history-only]
# --caseload-only: only the clinicians' caseloads (issue 15 measures its caseload before and after); --history-only: only
# the patients' 1 week / 1 year / 5 years (issue 17's check-in at 5 years against 1 week). Both print the rows and
# leave docs/performance.md alone.
# Needs: dotnet (SDK 10), hey, curl, python3; PostgreSQL on 127.0.0.1:5432 with role iliocare/iliocare (CREATEDB)
# for the postgres runs (its own database growth_<random>, dropped on exit). Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build=1 providers="sqlite postgres" requests=200 caseload_only=0 history_only=0
cmdline="bench/growth.sh $*"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0 ;;
        --providers) providers=$2; shift ;;
        --requests) requests=$2; shift ;;
        --caseload-only) caseload_only=1 ;;
        --history-only) caseload_only=1 history_only=1 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
for tool in hey curl python3 dotnet; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install -y $tool)" >&2; exit 2; }; done
if [ $build = 1 ]; then
    dotnet build -c Release src/IlioCare.Web -v q -nologo >/dev/null
    dotnet build -c Release bench/IlioCare.Seed -v q -nologo >/dev/null
fi
seed="$root/bench/IlioCare.Seed/bin/Release/net10.0/iliocare-seed.dll"

work=$(mktemp -d)
app_pid="" pg_dbs=()
export PGPASSWORD=iliocare
# shellcheck source=lib/demo-app.sh
. "$root/bench/lib/demo-app.sh"   # totp, replace_doc_section (its sign_in is replaced below)
psql_admin() { psql -h 127.0.0.1 -p 5432 -U iliocare -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
cleanup() {
    stop_app
    for db in "${pg_dbs[@]}"; do psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT

password=growth-bench-2026
audit_key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
token() { grep -o 'name="__RequestVerificationToken" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//;s/&#x2B;/+/g;s/&#x2F;/\//g;s/&#x3D;/=/g'; }
# The cookie header a jar holds (hey takes headers, not jars).
cookie_of() { awk -F'\t' 'NF>=7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$1"; }

start_app() { # provider connection log [extra args...]
    local provider=$1 connection=$2 log=$3; shift 3
    port=$(free_port); base="http://127.0.0.1:$port"
    (cd src/IlioCare.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/IlioCare.Web.dll --urls "$base" \
        --Database:Provider=$provider "--ConnectionStrings:IlioCare=$connection" "--Audit:Key=$audit_key" \
        --RateLimits:AuthPermitsPerMinute=1000 "$@" >"$log" 2>&1) &
    app_pid=$!
    for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/healthz" && return 0; sleep 0.5; done
    cat "$log" >&2; echo "app did not start" >&2; exit 1
}

sign_in() { # email jar [totp-secret]
    local email=$1 jar=$2 secret=${3:-}
    rm -f "$jar"
    curl -fs -c "$jar" -b "$jar" "$base/sign-in" -o "$work/form.html"
    local to
    to=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/sign-in" \
        --data-urlencode "__RequestVerificationToken=$(token "$work/form.html")" --data-urlencode "_handler=sign-in" \
        --data-urlencode "Form.Email=$email" --data-urlencode "Form.Password=$password")
    if [ -n "$secret" ]; then
        [ "${to#"$base"}" = /sign-in/two-factor ] || { echo "clinician $email: expected two-factor, got '$to'" >&2; exit 1; }
        curl -fs -c "$jar" -b "$jar" "$base/sign-in/two-factor" -o "$work/form.html"
        to=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/sign-in/two-factor" \
            --data-urlencode "__RequestVerificationToken=$(token "$work/form.html")" --data-urlencode "_handler=two-factor-sign-in" \
            --data-urlencode "Form.Code=$(totp "$secret")")
    fi
    [ -n "$to" ] && [ "${to#"$base"}" != /sign-in ] || { echo "sign-in of $email failed ('$to')" >&2; exit 1; }
}

# One measurement: warm-up, then $requests sequential requests; prints "p50 p99 rps bytes".
measure() { # path header
    local path=$1 header=$2 status t0 t1
    status=$(curl -s -o "$work/body" -w '%{http_code}' -H "$header" "$base$path")
    [ "$status" = 200 ] || { echo "GET $path: $status" >&2; head -c 600 "$work/body" >&2; exit 1; }
    hey -n 20 -c 1 -H "$header" "$base$path" >/dev/null
    t0=$(date +%s.%N)
    hey -n "$requests" -c 1 -o csv -H "$header" "$base$path" >"$work/hey.csv"
    t1=$(date +%s.%N)
    # hey's own percentiles misprint with few requests: nearest-rank percentiles from its per-request CSV instead.
    python3 - "$work/hey.csv" "$(stat -c %s "$work/body")" "$t0" "$t1" <<'PY'
import csv, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
bad = [r["status-code"] for r in rows if r["status-code"] != "200"]
if bad or not rows: sys.exit("non-200 responses: %s" % bad[:5])
ms = sorted(float(r["response-time"]) * 1000 for r in rows)
pct = lambda q: ms[max(0, math.ceil(q * len(ms) / 100) - 1)]
print("%.1f %.1f %.0f %s" % (pct(50), pct(99), len(ms) / (float(sys.argv[4]) - float(sys.argv[3])), sys.argv[2]))
PY
}

# SQL statements of one request, from the command log of the counting app start.
statements() { # path header log
    local before after
    before=$(grep -c 'Executed DbCommand' "$3" || true)
    curl -fs -o /dev/null -H "$2" "$base$1"
    sleep 0.3
    after=$(grep -c 'Executed DbCommand' "$3" || true)
    echo $((after - before))
}

# Rows PostgreSQL read per request (sequential + index fetches over all tables) over a hey run of $requests.
pg_rows() { # db path header
    local before after
    sleep 1.2; before=$(psql -h 127.0.0.1 -U iliocare -d "$1" -qtAc "SELECT sum(coalesce(seq_tup_read,0)+coalesce(idx_tup_fetch,0)) FROM pg_stat_user_tables")
    hey -n "$requests" -c 1 -H "$3" "$base$2" >/dev/null
    sleep 1.2; after=$(psql -h 127.0.0.1 -U iliocare -d "$1" -qtAc "SELECT sum(coalesce(seq_tup_read,0)+coalesce(idx_tup_fetch,0)) FROM pg_stat_user_tables")
    echo $(((after - before) / requests))
}

rows="$work/rows"; : >"$rows"
histories=(7 365 1825) caseloads=(10 100 1000)
[ $caseload_only = 1 ] && [ $history_only = 0 ] && histories=()
[ $history_only = 1 ] && caseloads=()
for provider in $providers; do
    if [ "$provider" = postgres ]; then
        db="growth_$(python3 -c 'import secrets; print(secrets.token_hex(4))')"; pg_dbs+=("$db")
        psql_admin "CREATE DATABASE $db" >/dev/null
        connection="Host=127.0.0.1;Port=5432;Database=$db;Username=iliocare;Password=iliocare"
    else
        connection="Data Source=$work/growth.db"
    fi
    declare -A secret=() api=()
    for days in "${histories[@]}"; do
        dotnet "$seed" --provider "$provider" --connection "$connection" history --email "h$days@growth.local" --password $password --days "$days" >"$work/seed.txt"
        echo "$provider: seeded $days days: $(tr '\n' ' ' <"$work/seed.txt")" >&2
    done
    for n in "${caseloads[@]}"; do
        dotnet "$seed" --provider "$provider" --connection "$connection" caseload --email "c$n@growth.local" --password $password --patients "$n" >"$work/seed.txt"
        secret[$n]=$(sed -n 's/^totp_secret=//p' "$work/seed.txt"); api[$n]=$(sed -n 's/^token=//p' "$work/seed.txt")
        echo "$provider: seeded a caseload of $n: $(grep -v '^token\|^totp' "$work/seed.txt" | tr '\n' ' ')" >&2
    done

    # Pass 1: timings, with the app's Production logging.
    start_app "$provider" "$connection" "$work/app.log"
    declare -A timing=() header=()
    for days in "${histories[@]}"; do
        sign_in "h$days@growth.local" "$work/h$days.jar"
        header[h$days]="Cookie: $(cookie_of "$work/h$days.jar")"
        for page in /today /progress /check-in; do timing["$page h$days"]=$(measure "$page" "${header[h$days]}"); done
    done
    for n in "${caseloads[@]}"; do
        sign_in "c$n@growth.local" "$work/c$n.jar" "${secret[$n]}"
        header[c$n]="Cookie: $(cookie_of "$work/c$n.jar")"
        header[a$n]="Authorization: Bearer ${api[$n]}"
        timing["/clinician c$n"]=$(measure /clinician "${header[c$n]}")
        timing["/api/v1/caseload a$n"]=$(measure /api/v1/caseload "${header[a$n]}")
    done
    declare -A pgrows=()
    if [ "$provider" = postgres ]; then
        for key in "${!timing[@]}"; do pgrows[$key]=$(pg_rows "$db" "${key% *}" "${header[${key#* }]}"); done
    fi
    stop_app

    # Pass 2: the same requests once each, with every EF command logged, to count statements.
    start_app "$provider" "$connection" "$work/commands.log" --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information
    # The cookies of pass 1 still hold: the data-protection keys live in the database (operations.md).
    declare -A sql=()
    for days in "${histories[@]}"; do
        for page in /today /progress /check-in; do sql["$page h$days"]=$(statements "$page" "${header[h$days]}" "$work/commands.log"); done
    done
    for n in "${caseloads[@]}"; do
        sql["/clinician c$n"]=$(statements /clinician "${header[c$n]}" "$work/commands.log")
        sql["/api/v1/caseload a$n"]=$(statements /api/v1/caseload "${header[a$n]}" "$work/commands.log")
    done
    stop_app

    for days in "${histories[@]}"; do
        label=$([ "$days" = 7 ] && echo "1 week" || ([ "$days" = 365 ] && echo "1 year" || echo "5 years"))
        for page in /today /progress /check-in; do
            read -r p50 p99 rps bytes <<<"${timing["$page h$days"]}"
            echo "| $provider | \`$page\` | $label ($days days) | $p50 | $p99 | $rps | $bytes | ${sql["$page h$days"]} | ${pgrows["$page h$days"]:-–} |" >>"$rows"
        done
    done
    for n in "${caseloads[@]}"; do
        for key in "/clinician c$n" "/api/v1/caseload a$n"; do
            read -r p50 p99 rps bytes <<<"${timing[$key]}"
            echo "| $provider | \`${key% *}\` | $n patients | $p50 | $p99 | $rps | $bytes | ${sql[$key]} | ${pgrows[$key]:-–} |" >>"$rows"
        done
    done
    unset timing header sql pgrows secret api
done

if [ $caseload_only = 1 ]; then
    echo "| provider | page | size | p50 ms | p99 ms | req/s | bytes | SQL | rows (PG) |"; cat "$rows"; exit 0
fi
section="$work/section.md"
{
    echo "## How cost grows (issue 7)"
    echo
    echo "**Goal.** The cost of a page must not grow with what it does not show: a patient's Today, Progress and check-in pages"
    echo "cost the same after 5 years as after a week, and a clinician's caseload grows no faster than the patients on the screen."
    echo
    echo "**Command** (from the repository root; builds Release, seeds with \`bench/IlioCare.Seed\` — plain plausible rows, not an"
    echo "engine replay — then runs the app in Production on a free 127.0.0.1 port; PostgreSQL: the shared cluster, database"
    echo "\`growth_<random>\`, dropped after; a few minutes):"
    echo
    echo '```'
    echo "$cmdline"
    echo '```'
    echo
    echo "**Results** ($(date -u '+%Y-%m-%d %H:%M') UTC, load average before the run: $load_before; \`hey -n $requests -c 1\` after 20 warm-up"
    echo "requests; latency in ms; bytes = the uncompressed body; SQL = statements EF ran for one request (command log);"
    echo "rows = tuples PostgreSQL read per request, sequential + index, \`pg_stat_user_tables\`):"
    echo
    echo "| provider | page | size | p50 ms | p99 ms | req/s | bytes | SQL | rows (PG) |"
    echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
    cat "$rows"
    echo
    cat "$root/bench/growth-reading.md"
} >"$section"

replace_doc_section '## How cost grows \(issue 7\)' "$section"
cat "$section"

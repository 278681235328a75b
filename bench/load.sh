#!/usr/bin/env bash
# Load against the ceiling (issue 7). For each provider (SQLite file; PostgreSQL on a throw-away server of its
# own, pinned to core 0 like the app — the shared cluster cannot be pinned or restarted), it:
#   1. times the first-ever start (empty database → migrated → first 200 on /), then seeds the demo patient,
#      signs in with curl (cookie + the check-in form's antiforgery token) and posts today's check-in; makes a
#      clinician as an operator does (iliocare create-clinician, first sign-in, two-factor set-up with a TOTP code:
#      bench/lib/demo-app.sh make_staff) and gives them 50 patients with 3 weeks of history each (bench/IlioCare.Seed
#      caseload --clinician), for the caseload page (issue 17);
#   2. times three cold starts on the migrated database (process start → first 200 on /), keeps the last;
#   3. starts bench/IlioCare.Ceiling on the same database (the same statements through plain ADO.NET);
#   4. per endpoint (check-in POST, /today, /progress, /clinician, POST /api/v1/assessments): a warm-up of each side (long
#      enough for tiered JIT to reach its optimised code: a profile after 7 s still showed 9 % of CPU in the JIT), then
#      ROUNDS rounds of app, ceiling, app, ceiling… (wrk, SECONDS each, CONNS connections), median req/s each;
#   5. p50/p99 of the app at half of its peak rate (hey -q, redirects not followed), and VmHWM of both.
# The app is the ReadyToRun publish of docs/operations.md (in bench/.load-app), the ceiling a Release build.
# Servers run under `taskset -c 0`, wrk/hey under `taskset -c 1`. The table goes into docs/performance.md under
# "## Load against the ceiling (issue 7)" (the section is replaced, the rest kept) and is printed.
# Usage: bench/load.sh [--no-build] [--providers "sqlite postgres"] [--seconds 10] [--rounds 3] [--conns 16] [--warmup 15]
#        [--endpoints "check-in today progress caseload assessment"]   (a subset: the same rounds, fewer rows; the
#        table is then only printed, docs/performance.md keeps the full run's)
#        [--profile]   (after each endpoint's rounds, `perf record -g` of the app alone under wrk for SECONDS, summarised
#        by owner — EF, SQLite, Blazor, antiforgery… — by bench/lib/perf-owners.py into bench/.profiles/<provider>-<endpoint>.md;
#        the app runs with DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 so perf can name JIT-compiled frames; the table is only printed)
# Needs: dotnet (SDK 10), curl, python3, wrk, hey, taskset (util-linux); PostgreSQL 15 server binaries
# (/usr/lib/postgresql/15/bin) and runuser for the postgres provider. Missing wrk/hey: apt-get install -y wrk hey.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build=1 providers="sqlite postgres" seconds=10 rounds=3 conns=16 warmup=15 profile=0
endpoints=(check-in today progress caseload assessment) write_doc=1
args="$*"
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0 ;;
        --providers) providers=$2; shift ;;
        --seconds) seconds=$2; shift ;;
        --rounds) rounds=$2; shift ;;
        --conns) conns=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --endpoints) read -r -a endpoints <<<"$2"; write_doc=0; shift ;;
        --profile) profile=1; write_doc=0 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
for tool in wrk hey taskset curl python3; do
    command -v "$tool" >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q "$tool" >/dev/null; } || { echo "needs $tool" >&2; exit 1; }
done
if [ "$profile" = 1 ] && ! command -v perf >/dev/null; then
    echo "--profile needs perf (apt-get install -y linux-perf)" >&2; exit 2
fi
if [ "$build" = 0 ] && [ ! -f bench/.load-app/IlioCare.Web.dll ]; then
    echo "--no-build needs an earlier run's publish in bench/.load-app: run bench/load.sh once without it" >&2; exit 2
fi
if [ "$build" = 1 ]; then
    # The app as docs/operations.md deploys it: a ReadyToRun publish (issue 17: the start JIT-compiles less).
    dotnet publish src/IlioCare.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o bench/.load-app -v q -nologo >/dev/null
    dotnet build -c Release bench/IlioCare.Ceiling -v q -nologo >/dev/null
    dotnet build -c Release src/IlioCare.Cli -v q -nologo >/dev/null      # make_staff's iliocare create-clinician
    dotnet build -c Release bench/IlioCare.Seed -v q -nologo >/dev/null   # the caseload's 50 patients
fi
# shellcheck source=lib/demo-app.sh
. "$root/bench/lib/demo-app.sh"   # make_staff, totp, replace_doc_section (token and cookie_header are redefined below)
seed="$root/bench/IlioCare.Seed/bin/Release/net10.0/iliocare-seed.dll"
caseload_patients=50 clinician_email=clinician@bench.example

load_before=$(cut -d" " -f1-3 /proc/loadavg)
work=$(mktemp -d); chmod 755 "$work"
app_pid="" ceiling_pid="" pgdir=""
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
stop() { if [ -n "${1:-}" ]; then kill "$1" 2>/dev/null && { wait "$1" 2>/dev/null || true; }; fi; return 0; }
cleanup() {
    stop "$app_pid"; stop "$ceiling_pid"
    [ -n "$pgdir" ] && (cd / && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdir" -m immediate stop >/dev/null 2>&1 || true)
    rm -rf "$work"
}
trap cleanup EXIT
audit_key=$(head -c 32 /dev/urandom | base64)
now_ms() { date +%s%3N; }

# The app, pinned to core 0; sets app_pid. Extra arguments go to the app.
start_app() {
    local port=$1; shift
    local perf_env=()
    [ "$profile" = 1 ] && perf_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
    (cd bench/.load-app && exec env ASPNETCORE_ENVIRONMENT=Production "${perf_env[@]}" taskset -c 0 dotnet IlioCare.Web.dll \
        --urls "http://127.0.0.1:$port" "--Audit:Key=$audit_key" "${db_args[@]}" "$@" >>"$work/app.log" 2>&1) &
    app_pid=$!
}
# Milliseconds from t0 until / answers 200 (polled every 10 ms), after start_app; the CPU ms used goes to $work/cpu.
until_first_200() {
    local port=$1 t0=$2
    for _ in $(seq 1 3000); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 200 ]; then
            # CPU time the process used until then (utime + stime, 100 ticks/s): what a busy box does not inflate.
            awk '{ print ($14 + $15) * 10 }' "/proc/$app_pid/stat" >"$work/cpu"
            echo $(( $(now_ms) - t0 )); return
        fi
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.01
    done
    cat "$work/app.log" >&2; echo "the app did not answer 200 on /" >&2; exit 1
}
token() { grep -o 'name="__RequestVerificationToken" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//;s/&#x2B;/+/g;s/&#x2F;/\//g;s/&#x3D;/=/g'; }
cookie_header() { awk -F'\t' 'NF==7 { sub(/^#HttpOnly_/, "", $1); if ($1 !~ /^#/) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
median() { sort -n | awk '{ a[NR]=$1 } END { print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }'; }
vmhwm() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

start_postgres() {
    pgdir="$work/pg"; mkdir -p "$pgdir"; chown postgres "$pgdir"
    local bin=/usr/lib/postgresql/15/bin
    pgport=$(free_port)
    (cd / && runuser -u postgres -- "$bin/initdb" -D "$pgdir/data" --auth=trust -U postgres >/dev/null)
    # Pinned to core 0 with the server it serves: the database's work counts against the app's core, as it
    # would on a one-core host; the load generator keeps core 1 to itself.
    (cd / && taskset -c 0 runuser -u postgres -- "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdir -c max_connections=200" start >/dev/null)
    (cd / && runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres bench_load)
}

# Writes the request description of one endpoint for wrk (a Lua script) and for hey (arguments); the caseload is
# the clinician's, the other pages the demo patient's ($cookie is set to the one the endpoint sends).
describe() {
    local name=$1 form_token=$3
    cookie=$2
    case "$name" in
        check-in)
            path=/check-in method=POST type=application/x-www-form-urlencoded
            body="__RequestVerificationToken=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$form_token")&_handler=check-in&Form.PainMorning=2&Form.StiffnessMinutes=10&Form.PainNow=2&Form.NoWarningSigns=true" ;;
        today) path=/today method=GET type="" body="" ;;
        progress) path=/progress method=GET type="" body="" ;;
        caseload) path=/clinician method=GET type="" body="" cookie=$clinician_cookie ;;
        assessment)
            path=/api/v1/assessments method=POST type=application/json
            body='{"age":34,"side":"left","symptomDays":10,"painNow":3,"painWorst":5,"flags":[],"painSites":["groin"],"aggravators":["stairs"],"activities":["running"]}' ;;
    esac
    lua="$work/$name.lua"
    {
        echo "wrk.method = \"$method\""
        [ -n "$body" ] && printf 'wrk.body = [==[%s]==]\n' "$body"
        [ -n "$type" ] && echo "wrk.headers[\"Content-Type\"] = \"$type\""
        [ "$name" != assessment ] && printf 'wrk.headers["Cookie"] = [==[%s]==]\n' "$cookie"
        true
    } >"$lua"
    hey_args=(-m "$method" -disable-redirects)
    [ -n "$body" ] && hey_args+=(-d "$body")
    [ -n "$type" ] && hey_args+=(-T "$type")
    [ "$name" != assessment ] && hey_args+=(-H "Cookie: $cookie")
    true
}
# One wrk run: prints "<req/s> <non-2xx/3xx responses> <socket errors (mostly wrk's 2 s timeouts)>".
wrk_run() {
    local url=$1 secs=$2 out
    out=$(taskset -c 1 wrk -t1 -c"$conns" -d"${secs}s" -s "$lua" "$url")
    echo "$out" >>"$work/wrk.log"
    awk '/Requests\/sec/ { rps=$2 } /Non-2xx/ { e+=$NF } /Socket errors/ { gsub(/,/, ""); t+=$4+$6+$8+$10 } END { printf "%.0f %d %d\n", rps, e, t }' <<<"$out"
}

rows="$work/rows"; starts="$work/starts"; : >"$rows"; : >"$starts"
for provider in $providers; do
    : >"$work/app.log"
    if [ "$provider" = sqlite ]; then
        db_args=("--ConnectionStrings:IlioCare=Data Source=$work/load.db")
        ceiling_conn="Data Source=$work/load.db"
    else
        start_postgres
        conn="Host=127.0.0.1;Port=$pgport;Database=bench_load;Username=postgres;Maximum Pool Size=100"
        db_args=(--Database:Provider=postgres "--ConnectionStrings:IlioCare=$conn")
        ceiling_conn=$conn
    fi
    port=$(free_port); base="http://127.0.0.1:$port"

    # 1. First-ever start: migrations on an empty database.
    t0=$(now_ms); start_app "$port"; first=$(until_first_200 "$port" "$t0"); first_cpu=$(cat "$work/cpu"); stop "$app_pid"
    # The demo patient, signed in, with today's check-in (the check-in POST then updates, as a patient's second try does).
    start_app "$port" --Demo:Seed=true --RateLimits:AuthPermitsPerMinute=1000; until_first_200 "$port" "$(now_ms)" >/dev/null
    jar="$work/jar-$provider"; rm -f "$jar"
    curl -fs -c "$jar" -b "$jar" "$base/sign-in" -o "$work/sign-in.html"
    signed=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$base/sign-in" \
        --data-urlencode "__RequestVerificationToken=$(token "$work/sign-in.html")" --data-urlencode "_handler=sign-in" \
        --data-urlencode "Form.Email=demo@iliocare.local" --data-urlencode "Form.Password=demo-patient-2026")
    [ "$signed" = 302 ] || { echo "demo sign-in failed ($signed)" >&2; exit 1; }
    curl -fs -c "$jar" -b "$jar" "$base/check-in" -o "$work/check-in.html"
    form_token=$(token "$work/check-in.html")
    patient_cookie=$(cookie_header "$jar")
    # The clinician, made and signed in as an operator's is, then 50 patients for them to follow.
    staff_provider=$provider staff_connection=$ceiling_conn
    cjar="$work/clinician-$provider"; rm -f "$cjar"
    make_staff clinician "$clinician_email" "Dr Bench" "$cjar"
    dotnet "$seed" --provider "$provider" --connection "$ceiling_conn" caseload --clinician "$clinician_email" \
        --patients "$caseload_patients" --days 21 >"$work/seed.txt"
    clinician_cookie=$(cookie_header "$cjar")
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $clinician_cookie" "$base/clinician")" = 200 ] \
        || { echo "the clinician's caseload did not answer 200" >&2; exit 1; }
    stop "$app_pid"

    # 2. Cold starts on the migrated database; the third one serves the load.
    colds=() cpus=()
    for i in 1 2 3; do
        t0=$(now_ms); start_app "$port"; colds+=("$(until_first_200 "$port" "$t0")"); cpus+=("$(cat "$work/cpu")")
        [ "$i" = 3 ] || stop "$app_pid"
    done
    cold=$(printf '%s\n' "${colds[@]}" | median); cold_cpu=$(printf '%s\n' "${cpus[@]}" | median)
    echo "| $provider | $first / $first_cpu | ${colds[*]} / ${cpus[*]} | **$cold** / **$cold_cpu** |" >>"$starts"

    # 3. The ceiling on the same database, answering pages of the app's byte size.
    declare -A bytes=()
    for name in "${endpoints[@]}"; do
        describe "$name" "$patient_cookie" "$form_token"
        code_size=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -X "$method" ${type:+-H "Content-Type: $type"} \
            -H "Cookie: $cookie" ${body:+--data-binary "$body"} "$base$path")
        case "$code_size" in 200\ *|302\ *) ;; *) echo "$provider $name answered $code_size before the load" >&2; exit 1 ;; esac
        bytes[$name]=${code_size#* }
    done
    cport=$(free_port); cbase="http://127.0.0.1:$cport"
    (cd bench/IlioCare.Ceiling && exec taskset -c 0 dotnet bin/Release/net10.0/IlioCare.Ceiling.dll --provider "$provider" \
        --connection "$ceiling_conn" --urls "$cbase" --bytes-today "${bytes[today]:-0}" --bytes-progress "${bytes[progress]:-0}" \
        --bytes-check-in "${bytes[check-in]:-0}" --clinician "$clinician_email" --audit-key "$audit_key" \
        --bytes-caseload "${bytes[caseload]:-0}" >"$work/ceiling.log" 2>&1) &
    ceiling_pid=$!
    for _ in $(seq 1 300); do curl -fs -o /dev/null "$cbase/" && break; sleep 0.05; done

    # 4 and 5. Alternating rounds per endpoint, then the app at half its peak.
    for name in "${endpoints[@]}"; do
        describe "$name" "$patient_cookie" "$form_token"
        wrk_run "$base$path" "$warmup" >/dev/null; wrk_run "$cbase$path" "$warmup" >/dev/null
        app_rps=() ceil_rps=() errors=0 socket=0
        for _ in $(seq 1 "$rounds"); do
            read -r r e t < <(wrk_run "$base$path" "$seconds"); app_rps+=("$r"); errors=$((errors + e)); socket=$((socket + t))
            read -r r e t < <(wrk_run "$cbase$path" "$seconds"); ceil_rps+=("$r"); errors=$((errors + e)); socket=$((socket + t))
        done
        app_med=$(printf '%s\n' "${app_rps[@]}" | median); ceil_med=$(printf '%s\n' "${ceil_rps[@]}" | median)
        half=$(( ${app_med%.*} / 2 )); workers=8; per=$(( (half + workers - 1) / workers ))
        out=$(taskset -c 1 hey -z "${seconds}s" -c "$workers" -q "$per" "${hey_args[@]}" "$base$path")
        echo "$out" >>"$work/hey.log"
        p50=$(awk '/50%% in|50% in/ { printf "%.1f", $3 * 1000 }' <<<"$out")
        p99=$(awk '/99% in/ { printf "%.1f", $3 * 1000 }' <<<"$out"); p99=${p99:-n/a}
        hey_rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
        bad=$(awk '/\[[0-9]+\]/ { gsub(/[\[\]]/, "", $1); if ($1 !~ /^(200|302)$/) n+=$2 } END { print n+0 }' <<<"$out")
        ratio=$(python3 -c "print(f'{$app_med / $ceil_med:.2f}')")
        echo "| $provider | \`$method $path\` | ${app_rps[*]} | ${ceil_rps[*]} | $app_med | $ceil_med | **$ratio** | $hey_rps | $p50 | $p99 | $((errors + bad)) / $socket | ${bytes[$name]} |" >>"$rows"
        echo "$provider $name: app $app_med/s, ceiling $ceil_med/s, ratio $ratio; at $hey_rps/s p50 $p50 ms p99 $p99 ms" >&2
        if [ "$profile" = 1 ]; then
            mkdir -p "$root/bench/.profiles"
            taskset -c 1 wrk -t1 -c"$conns" -d"$((seconds + 2))s" -s "$lua" "$base$path" >/dev/null &
            load_pid=$!
            sleep 1
            taskset -c 1 perf record -F 499 -g -p "$app_pid" -o "$work/perf.data" -- sleep "$seconds" >/dev/null 2>&1
            wait "$load_pid" || true
            { echo "$provider \`$method $path\`, app at $app_med req/s (ceiling $ceil_med):"; echo
              taskset -c 1 perf script -i "$work/perf.data" 2>/dev/null | python3 "$root/bench/lib/perf-owners.py"; } \
                >"$root/bench/.profiles/$provider-$name.md"
            cat "$root/bench/.profiles/$provider-$name.md" >&2
        fi
    done
    echo "| $provider | $(vmhwm "$app_pid") | $(vmhwm "$ceiling_pid") |" >>"$work/memory"
    stop "$app_pid"; app_pid=""; stop "$ceiling_pid"; ceiling_pid=""
    if [ -n "$pgdir" ]; then
        (cd / && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdir/data" -m fast stop >/dev/null); rm -rf "$pgdir"; pgdir=""
    fi
done

section="$work/section.md"
{
    echo "## Load against the ceiling (issue 7)"
    echo
    echo "**Goals.** Each endpoint ≥ 0.75 of its ceiling's throughput; p99 ≤ 50 ms at half of the app's peak;"
    echo "cold start to the first 200 ≤ 1.5 s; peak memory reported."
    echo
    echo "**Command** (from the repository root; publishes the app ReadyToRun and builds the rest in Release; about $(( ( ${#endpoints[@]} * (2 * warmup + 2 * rounds * seconds + seconds) + 30 ) / 60 + 1 )) minutes per provider):"
    echo
    echo '```'
    echo "bench/load.sh${args:+ $args}"
    echo '```'
    echo
    echo "**Set-up.** The app (\`ASPNETCORE_ENVIRONMENT=Production\`, the ReadyToRun publish of docs/operations.md) and the ceiling (\`bench/IlioCare.Ceiling\`:"
    echo "the same SQL statements as the app's endpoint, copied from EF's command log, through plain Microsoft.Data.Sqlite /"
    echo "Npgsql on a slim Kestrel, no auth, antiforgery, EF or Razor, pages of the same byte size) run on core 0"
    echo "(\`taskset -c 0\`), PostgreSQL 15 on its own throw-away server on core 0 too, wrk and hey on core 1. The demo"
    echo "patient (\`--Demo:Seed=true\`, a few weeks of history), signed in by cookie; the check-in POST carries the form's"
    echo "antiforgery token and updates today's check-in and runs the morning review each time. The caseload page"
    echo "(\`GET /clinician\`, issue 17): a clinician made as an operator does (\`iliocare create-clinician\`, first sign-in,"
    echo "two-factor set-up with a TOTP code), signed in by cookie, following $caseload_patients patients with 3 weeks of history each"
    echo "(\`bench/IlioCare.Seed caseload --clinician\`: a flare, stops, missed days and a warning sign among them). wrk: 1 thread,"
    echo "$conns connections (wrk's 2 s timeout: a slower answer counts as a socket error), a ${warmup} s warm-up of each"
    echo "side, then $rounds rounds of ${seconds} s, app and ceiling alternately."
    echo "Latency: hey, 8 workers rate-limited to half of the app's median peak, ${seconds} s, redirects not followed."
    echo "No compression (wrk sends no Accept-Encoding). Run $(date -u '+%Y-%m-%d %H:%M UTC'), load average before the"
    echo "run $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| provider | endpoint | app req/s (rounds) | ceiling req/s (rounds) | app median | ceiling median | ratio (≥ 0.75) | rate for latency | p50 ms | p99 ms (≤ 50) | errors: non-2xx/3xx / socket | bytes |"
    echo "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    cat "$rows"
    echo
    echo "Where the ceiling does less than the app must (the ratio is the app's against a lower bound, never a slower"
    echo "ceiling): every ceiling skips cookie decryption and the ClaimsPrincipal, authorization, antiforgery (its"
    echo "validation on the check-in POST, token generation for the pages' forms), Blazor's renderer and layout, and EF's"
    echo "pipeline. The caseload ceiling sends the same 70 statements as the app for a view of 50 patients (the sign-in"
    echo "session, language and account reads; 8 caseload and 7 page-detail SELECTs; the audit checkpoint read, its UPDATE"
    echo "and the 50 audit rows the read writes, F15 — with the same HMAC-SHA256 chaining, in one transaction), but not"
    echo "the page's pure rules: it sorts by name and prints the rows, where the app computes every patient's alerts"
    echo "(\`CaseloadAlerts\`), the need order, adherence and the sport cap (\`AdherenceChart\`, \`SportLoad\`) per row."
    echo "Its statements were captured from EF's command log on SQLite; on PostgreSQL it sends the same texts (EF's"
    echo "PostgreSQL texts may differ in detail, e.g. the page's id list, and the advisory lock before the audit append is sent)."
    echo
    echo "Start to the first 200 on \`/\`, wall ms / CPU ms of the app process (goal ≤ 1500 ms on a migrated database;"
    echo "the CPU figure is what the start costs whatever else the box runs):"
    echo
    echo "| provider | first-ever start (migrates an empty database) | cold starts, migrated database | median |"
    echo "|---|---:|---|---:|"
    cat "$starts"
    echo
    echo "Peak memory after the run (VmHWM, MB):"
    echo
    echo "| provider | app | ceiling |"
    echo "|---|---:|---:|"
    cat "$work/memory"
    echo
} >"$section"

[ "$write_doc" = 1 ] && replace_doc_section '## Load against the ceiling \(issue 7\)' "$section"
cat "$section"

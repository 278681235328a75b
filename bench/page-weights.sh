#!/usr/bin/env bash
# Page weights (issues 3, 7): every page the app serves (the Razor @page routes, as listed in
# tests/IlioCare.Web.Tests/AuthorizationMatrix.cs), weighed as the person who sees it: a visitor, the demo patient
# (who checks in first, so /today and the player show the full session), a clinician (made with `iliocare
# create-clinician`, two-factor set up with a TOTP code computed in python3) linked to the demo patient through an
# invite code, and an admin. Each page is fetched raw and with `Accept-Encoding: gzip`, plus the compressed bytes of
# the CSS/JS/images it references. Goals per page: <= 60 KB gzip with its assets, its JS <= 10 KB gzip. The table
# goes into docs/performance.md under "## Page weights (issues 3, 7)" (that section is replaced, the rest kept).
# Exit code 1 when a page misses a goal (the pages are named on stderr and in the doc). The Scalar API reference
# (/api/docs/) is weighed and reported apart (see the reading in the doc).
# Usage: bench/page-weights.sh [--no-build]     Needs: dotnet, curl, python3, git. About two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=lib/demo-app.sh
. "$root/bench/lib/demo-app.sh"
demo_app_build "${1:-}"

work=$(mktemp -d)
cleanup() { demo_app_stop; rm -rf "$work"; }
trap cleanup EXIT
demo_app_start "$work"

visitor="$work/visitor" patient="$work/patient" clinician="$work/clinician" admin="$work/admin" halfway="$work/halfway"
: >"$visitor"

# A visitor's assessment result (the result page is its taker's only).
result=$(take_assessment "$visitor")
[ -n "$result" ] || { echo "assessment did not redirect to a result" >&2; exit 1; }
# The demo patient and a clinician (operator-made, two-factor on) linked by an invite code; then the patient checks
# in, so /today and the player show the whole session; an admin.
patient_page=$(demo_patient_with_clinician "$patient" "$clinician")
[ -n "$patient_page" ] || { echo "the linked patient is not on the caseload" >&2; exit 1; }
checked=$(check_in_today "$patient")
case "$checked" in 200|302) ;; *) echo "demo check-in failed ($checked)" >&2; exit 1 ;; esac
make_staff admin "admin@bench.example" "Admin Bench" "$admin"
# The two-factor sign-in page exists only between the password and the code: the clinician signs in again.
[ "$(sign_in "$halfway" clinician@bench.example "$staff_password")" = /sign-in/two-factor ] \
    || { echo "the clinician's second sign-in did not ask for a code" >&2; exit 1; }

# Every exercise page in the library, and every exercise of today's session.
library_pages=$(curl -fs "$base/library" | grep -o 'href="/library/[^"]*"' | sed 's/href="//;s/"$//' | sort -u)
session_pages=$(curl -fs -b "$patient" "$base/today" | grep -o 'href="/today/session/[^"]*"' | sed 's/href="//;s/"$//' | sort -u)

# who|page|label — the people and their pages; /today/session (a redirect to the next exercise) is weighed where it lands.
pages="$work/pages"
{
    for p in / /assessment /sign-in /sign-up /library /terms /learn /learn/anatomy /learn/conditions \
        /learn/when-to-see-a-doctor /error /not-found /no-such-page /access-denied; do echo "visitor|$p|$p"; done
    echo "visitor|$result|/assessment/{id} (result)"
    for p in $library_pages; do echo "visitor|$p|$p"; done
    echo "halfway|/sign-in/two-factor|/sign-in/two-factor"
    for p in /onboarding /check-in /today /check-in/pause /program /program/paused /program/resume /progress \
        /summary /reminders /care /care/audit /care/treatments /account /account/tokens /account/two-factor \
        /account/delete; do echo "patient|$p|$p (patient)"; done
    for p in $session_pages; do echo "patient|$p|$p"; done
    for p in /clinician /clinician/link /account /account/two-factor; do echo "clinician|$p|$p (clinician)"; done
    echo "clinician|$patient_page|/clinician/patients/{id}"
    echo "clinician|$patient_page/program|/clinician/patients/{id}/program"
    for p in /admin/clinicians /admin/audit /account; do echo "admin|$p|$p (admin)"; done
} >"$pages"

jar_of() { echo "$work/$1"; }
# Bytes: raw = no Accept-Encoding; gzip = as sent (curl does not decode without --compressed), as over HTTPS behind
# the proxy (X-Forwarded-Proto, believed from loopback): pages that can show a secret are then not compressed (H27).
raw() { curl -s -b "$1" -o /dev/null -w '%{size_download}' "$base$2"; }
gz() { curl -s -b "$1" -H 'Accept-Encoding: gzip' -H 'X-Forwarded-Proto: https' -o /dev/null -w '%{size_download}' "$base$2"; }
status() { curl -s -b "$1" -o /dev/null -w '%{http_code}' "$base$2"; }
# Files a page references; relative ones resolve against <base href="/"> (App.razor).
# Versioned addresses (site.css?v=…) are fetched as the page gives them; the table names the file only.
assets() { curl -s -b "$1" "$base$2" | grep -oE '(href|src)="[^":?]+\.(css|js|svg|png|jpg|webp|ico|woff2?)(\?[^"]*)?"' | sed 's/^[a-z]*="//;s/"$//;s#^\([^/]\)#/\1#' | sort -u; }

budget_page=$((60 * 1024)) budget_js=$((10 * 1024))
rows="$work/rows" misses="$work/misses"; : >"$rows"; : >"$misses"
while IFS='|' read -r who page label; do
    jar=$(jar_of "$who")
    code=$(status "$jar" "$page"); html_raw=$(raw "$jar" "$page"); html_gz=$(gz "$jar" "$page")
    total_raw=$html_raw total_gz=$html_gz js_gz=0 list=""
    for a in $(assets "$jar" "$page"); do
        a_gz=$(gz "$jar" "$a")
        total_raw=$((total_raw + $(raw "$jar" "$a"))); total_gz=$((total_gz + a_gz)); name=${a%%\?*}; list="$list ${name##*/}"
        case "${a%%\?*}" in *.js) js_gz=$((js_gz + a_gz)) ;; esac
    done
    verdict=ok
    [ "$total_gz" -le "$budget_page" ] || verdict="over 60 KB"
    [ "$js_gz" -le "$budget_js" ] || verdict="JS over 10 KB"
    [ "$verdict" = ok ] || echo "$label: $verdict ($total_gz B with assets, $js_gz B JS)" >>"$misses"
    # Pages that can show a secret are sent uncompressed on purpose (H27, BREACH): gzip = raw there.
    note=""; [ "$html_gz" -lt "$html_raw" ] || [ "$html_raw" -lt 200 ] || note=" ¹"
    echo "| \`$label\` | $code | $html_raw | $html_gz$note | $total_gz | $js_gz | $(( (total_gz + 1023) / 1024 )) KB | $verdict |${list:- none} |" >>"$rows"
done <"$pages"

js_rows="$work/js"; : >"$js_rows"; js_total=0
for f in $(cd src/IlioCare.Web/wwwroot && find . -name '*.js' | sort); do
    path=${f#.}; g=$(gz "$visitor" "$path"); js_total=$((js_total + g))
    echo "| \`$path\` | $(raw "$visitor" "$path") | $g |" >>"$js_rows"
done
[ "$js_total" -le "$budget_js" ] || echo "all JS in wwwroot: $js_total B gzip, over 10 KB" >>"$misses"
css_gz=$(gz "$visitor" /site.css)

# The Scalar API reference: its page, and the scripts it loads (relative to /api/docs/).
docs_html_raw=$(raw "$visitor" /api/docs/) docs_html_gz=$(gz "$visitor" /api/docs/)
docs_rows="$work/docs"; : >"$docs_rows"; docs_gz=$docs_html_gz docs_raw=$docs_html_raw
for s in $(curl -s "$base/api/docs/" | grep -oE 'src="[^"]+"' | sed 's/src="//;s/"$//' | sort -u); do
    case "$s" in /*) url=$s ;; http*) continue ;; *) url="/api/docs/$s" ;; esac
    r=$(raw "$visitor" "$url"); g=$(gz "$visitor" "$url"); docs_raw=$((docs_raw + r)); docs_gz=$((docs_gz + g))
    echo "| \`$url\` | $r | $g |" >>"$docs_rows"
done
docs_json_raw=$(raw "$visitor" /openapi/v1.json) docs_json_gz=$(gz "$visitor" /openapi/v1.json)

section="$work/section.md"
{
    echo "## Page weights (issues 3, 7)"
    echo
    echo "**Goal.** Every page ≤ 60 KB compressed with what it references (CSS, JS, images); its JS ≤ 10 KB compressed."
    echo
    echo "**Command** (from the repository root; builds Release, starts the app on a temp SQLite file with"
    echo "\`Demo:Seed=true\` on a free 127.0.0.1 port; signs in with curl as a visitor, the demo patient, a clinician"
    echo "made with \`iliocare create-clinician\` and linked to the demo patient by an invite code, and an admin made with"
    echo "\`iliocare create-admin\` — both staff with two-factor set up from a TOTP code computed in python3; about two"
    echo "minutes; exits 1 and names the page when a page misses a goal):"
    echo
    echo '```'
    echo 'bench/page-weights.sh'
    echo '```'
    echo
    echo "**Results** ($(date -u +%Y-%m-%d), Production environment, gzip as served by ASP.NET Core response compression"
    echo "(browsers that ask for brotli get less); bytes are the body only, no headers; \"with assets\" adds each referenced"
    echo "file once; the page list is every \`@page\` route of the app, each as the person who sees it; requests carry"
    echo "\`X-Forwarded-Proto: https\` as nginx sends it, so pages that can show a secret are weighed uncompressed, as served):"
    echo
    echo "| page | status | HTML raw | HTML gzip | with assets gzip | JS gzip | KB | goal | assets |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---|"
    cat "$rows"
    echo
    echo "¹ Sent uncompressed on purpose: the page can show a secret (authenticator key, access token, invite code,"
    echo "calendar address), and compression next to reflected input leaks it (BREACH, hazard H27)."
    echo "\`/no-such-page\` is the not-found page as a mistyped address gets it; \`/today/session\` itself only redirects"
    echo "to the next exercise's player, weighed above."
    echo
    echo "\`site.css\`: $css_gz B gzip. JavaScript files in wwwroot (goal: ≤ 10 KB together):"
    echo
    if [ -s "$js_rows" ]; then
        echo "| file | raw | gzip |"; echo "|---|---:|---:|"; cat "$js_rows"; echo; echo "All JS: $js_total B gzip."
    else
        echo "None: no page uses JavaScript."
    fi
    echo
    if [ -s "$misses" ]; then
        echo "**Missed goals:**"; echo; sed 's/^/- /' "$misses"
    else
        echo "**Every page meets both goals.**"
    fi
    echo
    echo "Heaviest (with assets, gzip): $(sort -t'|' -k6 -n -r "$rows" | head -3 | awk -F'|' '{ gsub(/ +$|^ +/, "", $2); gsub(/ /, "", $6); printf "%s%s %s B", sep, $2, $6; sep = ", " }')."
    echo "/today carries the day's drawings (they load lazily below the fold); /progress and the clinician's patient"
    echo "page carry 8 weeks of SVG charts and tables in the HTML itself. Since issue 7 the stylesheet, scripts and icon"
    echo "are cached by the browser at versioned addresses (H85), so after the first page a visit costs the HTML and"
    echo "whatever drawings it has not seen."
    echo
    echo "**The API reference (\`/api/docs/\`, Scalar) is outside the page goal.** It is a third-party developer tool for"
    echo "people writing API clients, not a page a patient or clinician opens: a single-page application that renders"
    echo "the OpenAPI document in the browser. Its weight, apart:"
    echo
    echo "| part | raw | gzip |"
    echo "|---|---:|---:|"
    echo "| \`/api/docs/\` (HTML) | $docs_html_raw | $docs_html_gz |"
    cat "$docs_rows"
    echo "| \`/openapi/v1.json\` (fetched by the page) | $docs_json_raw | $docs_json_gz |"
    echo "| **total** (page and scripts) | $docs_raw | $docs_gz |"
    echo
    echo "Its script is one bundle embedded in Scalar.AspNetCore; no subset of it renders the reference, so it cannot"
    echo "fit 10 KB of JS. What keeps it harmless: no page links to it for patients, it loads nothing from outside"
    echo "(fonts off, no CDN, its own route-scoped CSP), and \`/openapi/v1.json\` ($docs_json_gz B gzip) is the"
    echo "machine-readable description for anyone who wants the API without the UI."
} >"$section"

replace_doc_section '## Page weights \(issues? 3(, 7)?\)' "$section"
cat "$section"
if [ -s "$misses" ]; then
    echo "Pages over the goal:" >&2; cat "$misses" >&2; exit 1
fi

# Sourced by bench/page-weights.sh and bench/lighthouse.sh (issue 7): the Release web app on a throw-away SQLite
# file with the demo patient, and the people who use it signed in with curl cookie jars:
#   demo_app_build [--no-build]   builds the Release app and iliocare unless told not to
#   demo_app_start WORK            app on a free 127.0.0.1 port (sets $base, $app_pid; Production environment)
#   sign_in JAR EMAIL PASSWORD     the sign-in form with its antiforgery token; prints the redirect path
#   post_form JAR PAGE FORM [curl --data-urlencode args…]   GETs PAGE, posts its form; prints "status redirect";
#                                  the answer's body is left in JAR.last
#   make_staff ROLE EMAIL NAME JAR iliocare create-<role>, first sign-in, two-factor set-up with a TOTP code
#                                  (on $staff_provider / $staff_connection when set: bench/load.sh's databases)
#   totp SECRET                    the code an authenticator app shows now (python3 stdlib, RFC 6238)
#   cookie_header JAR              "name=value; …" of a jar, for tools that take a Cookie header
#   take_assessment JAR            a visitor's self-assessment; prints its result page's path
#   demo_patient_with_clinician PATIENT_JAR CLINICIAN_JAR   the demo patient signs in and makes an invite code, a
#                                  clinician (make_staff) redeems it; prints the clinician's page of that patient
#   check_in_today JAR             today's morning check-in (pain 2, no warning sign); prints the status
#   replace_doc_section HEADING_REGEX SECTION_FILE   puts the section into docs/performance.md in place of the one
#                                  under that heading (up to the next "## "), or at the end; the rest is kept
# Needs: dotnet (the app and src/IlioCare.Cli built in Release), curl, python3. The caller sets a trap that calls
# demo_app_stop, and owns WORK (a temp dir it removes).

demo_password=demo-patient-2026
staff_password='bench staff pass phrase'

demo_app_build() { # [--no-build]: the Release app and iliocare (for make_staff), from the repository root
    [ "${1:-}" = "--no-build" ] && return 0
    dotnet build -c Release src/IlioCare.Web -v q -nologo >/dev/null
    dotnet build -c Release src/IlioCare.Cli -v q -nologo >/dev/null
}

demo_app_start() {
    local work=$1 root
    root=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
    db="$work/iliocare.db"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    base="http://127.0.0.1:$port"
    local audit_key
    audit_key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
    # Production: what a deployment serves (no development exception page, no hot-reload script). The sign-in
    # limiter is raised: a bench signs in a handful of people from one address within a minute.
    (cd "$root/src/IlioCare.Web" && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/IlioCare.Web.dll \
        --urls "$base" --Demo:Seed=true "--ConnectionStrings:IlioCare=Data Source=$db" "--Audit:Key=$audit_key" \
        --RateLimits:AuthPermitsPerMinute=1000 >"$work/app.log" 2>&1) &
    app_pid=$!
    local _
    for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/healthz" && return 0; sleep 0.5; done
    cat "$work/app.log" >&2; echo "app did not start" >&2; return 1
}

demo_app_stop() {
    if [ -n "${app_pid:-}" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    app_pid=""
}

# The antiforgery token of the first form in an HTML file, HTML entities undone.
form_token() {
    grep -o 'name="__RequestVerificationToken" value="[^"]*"' "$1" | head -1 \
        | sed 's/.*value="//;s/"$//;s/&#x2B;/+/g;s/&#x2F;/\//g;s/&#x3D;/=/g'
}

post_form() {
    local jar=$1 page=$2 form=$3 html
    shift 3
    html=$(mktemp)
    curl -fs -c "$jar" -b "$jar" "$base$page" -o "$html"
    curl -s -c "$jar" -b "$jar" -o "$jar.last" -w '%{http_code} %{redirect_url}\n' "$base$page" \
        --data-urlencode "__RequestVerificationToken=$(form_token "$html")" --data-urlencode "_handler=$form" "$@" \
        | sed "s#$base##"
    rm -f "$html"
}

sign_in() {
    post_form "$1" /sign-in sign-in --data-urlencode "Form.Email=$2" --data-urlencode "Form.Password=$3" | cut -d' ' -f2
}

totp() {
    python3 - "$1" <<'PY'
import base64, hmac, struct, sys, time
secret = sys.argv[1].replace(" ", "").upper()
key = base64.b32decode(secret + "=" * (-len(secret) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000))
PY
}

make_staff() {
    local role=$1 email=$2 name=$3 jar=$4 root landed secret ticket page
    root=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
    printf '%s\n' "$staff_password" | dotnet "$root/src/IlioCare.Cli/bin/Release/net10.0/iliocare.dll" "create-$role" \
        --email "$email" --name "$name" --provider "${staff_provider:-sqlite}" --connection "${staff_connection:-Data Source=$db}" >/dev/null
    landed=$(sign_in "$jar" "$email" "$staff_password")
    [ "$landed" = /account/two-factor ] || { echo "$role first sign-in went to '$landed', not the two-factor set-up" >&2; return 1; }
    page=$(curl -fs -c "$jar" -b "$jar" "$base/account/two-factor")
    secret=$(printf '%s' "$page" | grep -o 'id="authenticator-key">[^<]*<' | sed 's/.*">//;s/<$//')
    [ -n "$secret" ] || { echo "no authenticator key for $email" >&2; return 1; }
    # Each opening of the page draws a new key (issue 13 finding 2): post back this opening's own ticket.
    ticket=$(printf '%s' "$page" | grep -o 'name="Enable.Ticket" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    echo "$secret" >"$jar.totp"
    post_form "$jar" /account/two-factor enable-two-factor --data-urlencode "Enable.Code=$(totp "$secret")" \
        --data-urlencode "Enable.Ticket=$ticket" >/dev/null
}

cookie_header() {
    # Netscape jar: HttpOnly cookies are written as "#HttpOnly_host"; other "#" lines are comments.
    sed 's/^#HttpOnly_//' "$1" | awk -F'\t' '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }'
}

take_assessment() {
    post_form "$1" /assessment assessment \
        --data-urlencode "Form.Age=34" --data-urlencode "Form.Side=left" --data-urlencode "Form.SymptomDays=10" \
        --data-urlencode "Form.PainNow=3" --data-urlencode "Form.PainWorst=4" --data-urlencode "Form.PainSites=front-of-hip" \
        --data-urlencode "Form.Aggravators=hip-flexion" --data-urlencode "Form.Activities=running" \
        --data-urlencode "Form.NoWarningSigns=true" | cut -d' ' -f2
}

demo_patient_with_clinician() {
    local patient=$1 clinician=$2 code
    [ -n "$(sign_in "$patient" demo@iliocare.local "$demo_password")" ] || { echo "demo sign-in failed" >&2; return 1; }
    post_form "$patient" /care make-invite >/dev/null
    code=$(grep -o 'id="invite-code">[A-Z0-9-]*<' "$patient.last" | sed 's/.*">//;s/<$//')
    [ -n "$code" ] || { echo "no invite code on /care" >&2; return 1; }
    make_staff clinician "clinician@bench.example" "Dr Bench" "$clinician"
    post_form "$clinician" /clinician/link redeem-invite --data-urlencode "Form.Code=$code" >/dev/null
    grep -q 'You now follow' "$clinician.last" || { echo "the clinician could not redeem the invite code" >&2; return 1; }
    curl -fs -b "$clinician" "$base/clinician" | grep -o 'href="/clinician/patients/[^"/]*"' | head -1 | sed 's/href="//;s/"$//'
}

replace_doc_section() {
    local root
    root=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
    python3 - "$root/docs/performance.md" "$1" "$2" <<'PY'
import re, sys
doc_path, heading, section_path = sys.argv[1], sys.argv[2], sys.argv[3]
doc, section = open(doc_path).read(), open(section_path).read()
pattern = re.compile(r"^" + heading + r"\n.*?(?=^## |\Z)", re.S | re.M)
doc = pattern.sub(lambda _: section + "\n", doc) if pattern.search(doc) else doc.rstrip("\n") + "\n\n" + section
open(doc_path, "w").write(doc)
PY
}

check_in_today() {
    post_form "$1" /check-in check-in --data-urlencode "Form.PainMorning=2" --data-urlencode "Form.StiffnessMinutes=10" \
        --data-urlencode "Form.PainNow=2" --data-urlencode "Form.NoWarningSigns=true" | cut -d' ' -f1
}

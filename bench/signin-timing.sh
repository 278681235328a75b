#!/usr/bin/env bash
# Sign-in timing, unknown against known addresses (issue 13 finding 10, hazard H164): does the answer's speed tell
# whether an e-mail address has an account? Starts the Release app (Production, throw-away SQLite with the demo
# patient, bench/lib/demo-app.sh) and posts the sign-in form ROUNDS times for each kind, interleaved so both see the
# same machine noise:
#   known   — demo@iliocare.local with a wrong password (after every 4, a right sign-in in another jar, not timed,
#             resets the failure count so the account never locks: a locked account is its own, documented case);
#   unknown — a new address each time (nobody-N@bench.example), any password.
# Only the POST is timed (curl's time_total on 127.0.0.1); the GET for the antiforgery token is not. Prints medians,
# p90 and the difference, and writes them under "## Sign-in timing" in docs/performance.md (WRITE_DOC=0: print only).
#   bash bench/signin-timing.sh [--no-build]        ROUNDS=60 (default) WARMUP=5
# Not part of CI (time belongs in a bench on a quiet machine, not in a unit test on a shared 2-core box).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/demo-app.sh
ROUNDS=${ROUNDS:-60}
WARMUP=${WARMUP:-5}
WRITE_DOC=${WRITE_DOC:-1}

if [ "${1:-}" != "--no-build" ]; then dotnet build -c Release src/IlioCare.Web -v q -nologo >/dev/null; fi
work=$(mktemp -d)
trap 'demo_app_stop; rm -rf "$work"' EXIT
demo_app_start "$work"

# One timed sign-in post: prints "status seconds".
timed_sign_in() {
    local jar=$1 email=$2 password=$3 html
    html=$(mktemp)
    curl -fs -c "$jar" -b "$jar" "$base/sign-in" -o "$html"
    curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' "$base/sign-in" \
        --data-urlencode "__RequestVerificationToken=$(form_token "$html")" --data-urlencode "_handler=sign-in" \
        --data-urlencode "Form.Email=$email" --data-urlencode "Form.Password=$password"
    rm -f "$html"
}

known="$work/known.txt" unknown="$work/unknown.txt"
: >"$known"; : >"$unknown"
for i in $(seq 1 $((WARMUP + ROUNDS))); do
    k=$(timed_sign_in "$work/jar-k" demo@iliocare.local "not the password $i")
    u=$(timed_sign_in "$work/jar-u" "nobody-$i@bench.example" "not the password $i")
    for answer in "$k" "$u"; do
        [ "${answer%% *}" = 200 ] || { echo "a wrong sign-in answered ${answer%% *}, not 200 (rate limit or lock-out?)" >&2; exit 1; }
    done
    if [ "$i" -gt "$WARMUP" ]; then echo "${k#* }" >>"$known"; echo "${u#* }" >>"$unknown"; fi
    if [ $((i % 4)) -eq 0 ]; then
        rm -f "$work/jar-r"
        [ -n "$(sign_in "$work/jar-r" demo@iliocare.local "$demo_password")" ] || { echo "the demo sign-in failed" >&2; exit 1; }
    fi
done

section="$work/section.md"
python3 - "$known" "$unknown" "$ROUNDS" "$(date -u +%Y-%m-%d)" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" >"$section" <<'PY'
import statistics, sys
def load(path): return sorted(float(x) * 1000 for x in open(path).read().split())
known, unknown = load(sys.argv[1]), load(sys.argv[2])
rounds, day, cores, load = sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
def p90(v): return v[min(len(v) - 1, int(round(0.9 * (len(v) - 1))))]
mk, mu = statistics.median(known), statistics.median(unknown)
print("## Sign-in timing")
print()
print(f"Does the sign-in answer's speed tell whether an address has an account (H164)? `bash bench/signin-timing.sh`: the")
print(f"Release app in Production on 127.0.0.1, {rounds} wrong sign-ins of each kind, interleaved; only the POST is timed.")
print()
print("| address | median (ms) | p90 (ms) |")
print("|---|---:|---:|")
print(f"| known (demo patient, wrong password) | {mk:.1f} | {p90(known):.1f} |")
print(f"| unknown (new address each time) | {mu:.1f} | {p90(unknown):.1f} |")
print()
print(f"Difference of the medians: {mk - mu:+.1f} ms ({(mk - mu) / mk * 100:+.0f} % of the known median). Measured {day} on {cores} cores,")
print(f"load average {load} at the end (other work ran meanwhile: read the difference against the spread between median and p90).")
print("Both paths verify one PBKDF2 hash (the unknown one a dummy hash, `SignInTiming`); a known address also writes its")
print("failure count. Every refusal waits out a 400 ms floor from the start of the attempt (`SignInTiming.Floor`), which hides")
print("that write while the known path stays under it; when both medians are above the floor (an overloaded machine) it")
print("hides nothing, and the difference above is the write.")
PY
cat "$section"
if [ "$WRITE_DOC" = 1 ]; then replace_doc_section "## Sign-in timing" "$section"; fi

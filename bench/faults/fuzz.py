"""Malformed bodies at every JSON endpoint (issue 7), driven by bench/faults/fuzz.sh. Python 3 stdlib only.

Endpoints come from the app's own /openapi/v1.json (plus POST /api/v1/assessments should it ever drop out of the
document). Each is sent, with a patient token and with a clinician token (two-factor set up, linked to the
patient), mutations of a near-valid body drawn from a fixed seed: truncated JSON, wrong types, huge and NaN-like
numbers, deep nesting, invalid UTF-8, lone surrogate escapes, huge strings, duplicate keys, arrays for objects,
empty bodies, wrong Content-Types, random bytes. Query parameters of the GET endpoints get junk too. The run
fails on any 5xx, a dropped connection, or an app that is not healthy afterwards."""
import argparse
import base64
import hashlib
import hmac
import json
import os
import random
import re
import sqlite3
import struct
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import iliocare as ic  # noqa: E402

BASES = {  # near-valid bodies, so a mutation reaches past the first check
    "/api/v1/assessments": {"age": 34, "side": "left", "symptomDays": 10, "painNow": 3, "painWorst": 5, "flags": [],
                            "painSites": ["groin"], "aggravators": ["stairs"], "activities": ["running"]},
    "/api/v1/me/tokens": {"name": "fuzz", "expiresInDays": 30},
    "/api/v1/me/check-ins/{date}": {"painMorning": 1, "stiffnessMinutes": 10, "painNow": 1, "warningSigns": [], "sportMinutes": {"running": 20}},
    "/api/v1/me/exercise-logs": {"exercise": "seated-marching", "outcome": "done", "painBefore": 2, "painDuring": 2},
    "/api/v1/me/pause": {"reason": "holiday"},
    "/api/v1/me/resume": {"doctorChecked": True},
    "/api/v1/me/functional-scale": {"activities": ["stairs"], "scores": [5]},
    "/api/v1/me/onboarding": {"side": "left", "sports": ["running"], "preInjuryWeeklyMinutes": 180, "timeZone": "Europe/Paris",
                              "sessionTime": "18:30", "massageCautions": []},
    "/api/v1/patients/{patientId}/program": {"version": 1, "phase": "restore", "excluded": [], "note": "fuzz",
                                             "doses": [{"exercise": "seated-marching", "step": "2x15"}]},
    "/api/v1/patients/{patientId}/alerts/acknowledgements": {"kind": "flare", "evidenceKey": "x"},
    "/api/v1/patients/{patientId}/treatments": {"date": "2026-01-01", "kind": "manual-therapy", "notes": "fuzz"},
    "/api/v1/links": {"code": "ABCD-EFGH"},
    "/api/v1/me": {"password": "not the password"},
    "/api/v1/patients/{patientId}/discharge": {"confirm": True},
    "/api/v1/patients/{patientId}/link": {"confirm": True},
}
# Run last, in this order: they end the link or the account the other cases need (with a wrong password, the
# account survives; the link may not).
LAST = ["/api/v1/me/care-team/{clinicianId}", "/api/v1/patients/{patientId}/link", "/api/v1/patients/{patientId}/discharge", "/api/v1/me"]

NUMBERS = [b"1e309", b"-1e309", b"99999999999999999999999999999", b"-0", b"1.5", b"1e-400", b"NaN", b"Infinity", b"-Infinity",
           b"0x10", b"1_000", b"01", b"+1", b".5", b"5.", b"2147483648", b"-2147483649", b"9223372036854775808", b'"NaN"']
ODD_STRINGS = ['"\\ud800"', '"\\udfff"', '"\\ud800\\u0041"', '"\\u0000"', '"\\uZZZZ"', '"\\', '"\u202e\u0301"', '"' + "é" * 5000 + '"',
               '"' + "x" * 70000 + '"', '""', '"  "', '"<script>alert(1)</script>"', "\"'; DROP TABLE x; --\"", '"2026-02-30"', '"99:99"']
CONTENT_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None, "application/json; charset=latin1",
                 "application/xml", "application/json-patch+json", "application/problem+json", "*/*", "application/json;;;", "\u00e9"]


def totp(secret, at=None):
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    o = digest[-1] & 15
    return f"{(struct.unpack('>I', digest[o:o + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def clinician_with_token(base, db_connection, email):
    """Made by the operator command, then the real pages: password sign-in, two-factor set-up, a token."""
    subprocess.run(["dotnet", ic.CLI, "create-clinician", "--email", email, "--name", "Dr Fuzz", "--provider", "sqlite",
                    "--connection", db_connection], input=ic.PASSWORD + "\n", text=True, check=True, capture_output=True)
    c = ic.Client(base, timeout=60)
    r = c.post_form("/sign-in", "sign-in", [("Form.Email", email), ("Form.Password", ic.PASSWORD)])
    assert ic.location(r) == "/account/two-factor", f"clinician sign-in: {r.status} {ic.location(r)}"
    page = c.get("/account/two-factor").text()
    secret = re.search(r'id="authenticator-key">([^<]+)<', page).group(1).replace(" ", "")
    ticket = re.search(r'name="Enable.Ticket" value="([^"]+)"', page).group(1)  # this enrolment's own key (issue 13 finding 2)
    r = c.post_form("/account/two-factor", "enable-two-factor", [("Enable.Code", totp(secret)), ("Enable.Ticket", ticket)])
    assert r.status in (200, 302), f"two-factor set-up: {r.status}"
    return c, ic.create_token(c, "fuzz-clinician")


def link(base, patient_token, clinician_token):
    r = ic.Client(base, bearer=patient_token).json("POST", "/api/v1/me/invites", {})
    code = next((v for k, v in r.json().items() if "code" in k.lower() and isinstance(v, str)), None) if r.status < 300 else None
    if code:
        r = ic.Client(base, bearer=clinician_token).json("POST", "/api/v1/links", {"code": code})
    return r.status < 300


def dump(v):
    return json.dumps(v, ensure_ascii=False).encode()


def mutate(rng, base):
    """One malformed body and its Content-Type; the kind names the mutation for the report."""
    text = dump(base)
    keys = list(base) if isinstance(base, dict) else []
    kind = rng.choice(["truncated", "wrong-type", "number", "deep", "invalid-utf8", "odd-string", "duplicate-key",
                       "array-for-object", "empty", "content-type", "random-bytes", "unknown-field", "top-level", "bom", "null-field"])
    ctype = "application/json"
    if kind == "truncated":
        body = text[: rng.randrange(0, max(1, len(text)))]
    elif kind == "wrong-type" and keys:
        v = dict(base)
        v[rng.choice(keys)] = rng.choice([True, False, None, 1, -1, 3.7, "x", [], {}, [1, "a"], {"a": 1}, "1", "true"])
        body = dump(v)
    elif kind == "number" and keys:
        k = rng.choice(keys)
        body = text.replace(dump(k) + b": " + dump(base[k]), dump(k) + b": " + rng.choice(NUMBERS), 1)
    elif kind == "deep":
        depth = rng.choice([64, 65, 1000, 20000])
        opener, closer = rng.choice([(b"[", b"]"), (b'{"a":', b"}")])
        body = opener * depth + b"1" + closer * depth
        if keys and rng.random() < 0.5:
            body = text.replace(dump(base[keys[0]]), body, 1)
    elif kind == "invalid-utf8":
        bad = rng.choice([b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80"])
        body = text.replace(b'"', b'"' + bad, 2) if b'"' in text else bad
    elif kind == "odd-string" and keys:
        k = rng.choice(keys)
        body = text.replace(dump(k) + b": " + dump(base[k]), dump(k) + b": " + rng.choice(ODD_STRINGS).encode(), 1)
    elif kind == "duplicate-key" and keys:
        k = rng.choice(keys)
        body = text[:-1] + b", " + dump(k) + b": " + dump(rng.choice([base[k], "other", 0, None])) + b"}"
    elif kind == "array-for-object":
        body = dump(rng.choice([[base], [], [[]], list(base.values()) if keys else [1]]))
    elif kind == "empty":
        body = rng.choice([b"", b" ", b"\n", b"{", b"}", b"null", b"{}", b"[]"])
    elif kind == "content-type":
        body, ctype = text, rng.choice(CONTENT_TYPES)
    elif kind == "random-bytes":
        body = bytes(rng.randrange(256) for _ in range(rng.choice([1, 16, 300, 5000])))
    elif kind == "unknown-field":
        v = dict(base) if keys else {}
        v[rng.choice(["extra", "", "__proto__", "$type", "Id", "accountId", "\u0000", "é" * 300])] = rng.choice([1, "x", None, {"a": []}])
        body = dump(v)
    elif kind == "top-level":
        body = rng.choice([b"1", b'"text"', b"true", b"null", b"1e309", b"[1,2,3]", b"{}{}", b"{} x"])
    elif kind == "bom":
        body = b"\xef\xbb\xbf" + text
    else:  # null-field, or a kind that needs keys on a body that has none
        v = dict(base) if keys else {}
        if keys:
            v[rng.choice(keys)] = None
        body = dump(v) if keys else rng.choice([b"{}", b"[]", b"{\"\":\"\"}"])
        kind = "null-field"
    return kind, body, ctype


ACCEPTS = ["text/html", "application/xml", "text/plain", "*/*", "image/png", "application/json;q=abc", ";;;", "text/html, application/xml;q=0.9",
           "application/problem+xml", "\u00e9/\u00e9"]
ODD_GETS = ["/api/v1/me", "/api/v1/me/today", "/api/v1/caseload", "/api/v1/no-such-path", "/api/v1/me/audit?page=%C3%A3",
            "/", "/today", "/sign-in?ReturnUrl=/%C3%A3", "/sign-in?ReturnUrl=%2F%E2%9C%93%20x", "/library?x=%F0%9F%92%A5", "/not-a-page/%C3%A3"]


def at_once(n, send):
    """n requests released together by a barrier, each on its own connection (a double tap, a retrying script)."""
    barrier, results = threading.Barrier(n), [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = send(i).status
        except Exception as e:
            results[i] = f"error {type(e).__name__}"
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def odd_requests(base, patient, patient_email, clinician, today, record):
    """Issue 13 finding 6: odd Accept headers, non-ASCII query strings and return URLs, concurrent duplicate writes."""
    for path in ODD_GETS:
        for accept in ACCEPTS:
            for who, token in (("anonymous", None), ("patient", patient), ("clinician", clinician)):
                try:
                    status = ic.Client(base, bearer=token).get(path, {"Accept": accept}).status
                except Exception as e:
                    status = f"error {type(e).__name__}"
                record("odd-accept", f"GET {path} as {who}, Accept {accept!r}", status)
    signed_in = ic.Client(base, timeout=60)
    for return_url in ["/%C3%A3", "/today?x=%E2%9C%93", "%2F%F0%9F%92%A5"]:
        try:
            r = signed_in.post_form(f"/sign-in?ReturnUrl={return_url}", "sign-in", [("Form.Email", patient_email), ("Form.Password", ic.PASSWORD)])
            status = r.status
        except Exception as e:
            status = f"error {type(e).__name__}"
        record("non-ascii-return-url", f"POST /sign-in?ReturnUrl={return_url}", status)
    api = lambda: ic.Client(base, bearer=patient, timeout=60)  # noqa: E731 - a fresh connection per request
    check_in = {"painMorning": 1, "stiffnessMinutes": 10, "painNow": 1, "warningSigns": []}
    record("concurrent", "PUT check-in", api().json("PUT", f"/api/v1/me/check-ins/{today}", check_in).status)
    session = api().get("/api/v1/me/today").json().get("session") or {}
    exercise = next((e["exercise"] for e in session.get("exercises", [])), "seated-marching")
    log = {"exercise": exercise, "outcome": "done", "painBefore": 1, "painDuring": 1}
    writes = [
        ("POST /api/v1/me/exercise-logs x4", lambda i: api().json("POST", "/api/v1/me/exercise-logs", log)),
        ("PUT /api/v1/me/check-ins/{today} x4", lambda i: api().json("PUT", f"/api/v1/me/check-ins/{today}", check_in)),
        ("POST /api/v1/me/invites x4", lambda i: api().json("POST", "/api/v1/me/invites", {})),
        ("POST /api/v1/me/pause x4", lambda i: api().json("POST", "/api/v1/me/pause", {"reason": "holiday"})),
        ("DELETE /api/v1/me/pause x4", lambda i: api().request("DELETE", "/api/v1/me/pause")),
        ("POST /api/v1/me/tokens x4 (refused: a token)", lambda i: api().json("POST", "/api/v1/me/tokens", {"name": f"dup-{i}", "expiresInDays": 30})),
    ]
    for name, send in writes:
        for status in at_once(4, send):
            record("concurrent", name, status)


def forged_hosts(base, patient, patient_cookie, record):
    """Issue 13 finding 10: odd Host headers on the pages and API that build addresses (feed, mail links). None may be
    5xx, and no answer may carry the forged host (links come from App:PublicUrl or the listening address only)."""
    hosts = ["evil.example", "evil.example:1", "\u00e9vil.example", "x" * 300, "[::1]:99999", "a b", ""]
    for host in hosts:
        for who, client, method, path, body in (
                ("anonymous", ic.Client(base), "GET", "/sign-in", None),
                ("patient cookie", patient_cookie, "GET", "/reminders", None),
                ("patient cookie", patient_cookie, "POST", "/api/v1/me/calendar-feed", b"{}"),
                ("patient token", ic.Client(base, bearer=patient), "GET", "/api/v1/me/today", None)):
            try:
                headers = {"Host": host}
                if body is not None:
                    headers["Content-Type"] = "application/json"
                r = client.request(method, path, body, headers)
                status = r.status
                if 200 <= status < 300 and host and host in r.text():
                    status = f"forged host {host[:20]!r} echoed"
            except Exception as e:
                status = f"error {type(e).__name__}"
            record("forged-host", f"{method} {path} as {who}, Host {host[:20]!r}", status)
    # A bearer token never makes a token (issue 13 finding 5): a refusal, not a 5xx.
    record("token-mint", "POST /api/v1/me/tokens as a token", ic.Client(base, bearer=patient).json(
        "POST", "/api/v1/me/tokens", {"name": "copy", "expiresInDays": 365}).status)


def fill_path(path, ids):
    return re.sub(r"\{(\w+)\}", lambda m: ids.get(m.group(1), "1"), path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=60, help="cases per endpoint and caller")
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--work", required=True)
    ap.add_argument("--doc")
    ap.add_argument("--command", default="bench/faults/fuzz.sh")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    db = ic.sqlite_connection(os.path.join(a.work, "iliocare.db"))
    app = ic.App(ic.free_port(), db, os.path.join(a.work, "app.log"))
    failures, statuses, total, per_kind = [], {}, 0, {}
    try:
        app.start()
        patient_cookie, patient = ic.patient_with_token(app.base, f"fuzz-patient-{a.seed}@example.org")
        _, clinician = clinician_with_token(app.base, db, f"fuzz-clinician-{a.seed}@example.org")
        # Issue 18: an unconfirmed address makes no invite codes; the run has no mailbox, so it confirms in the database.
        with sqlite3.connect(os.path.join(a.work, "iliocare.db")) as confirm:
            confirm.execute("UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE Email = ?", (f"fuzz-patient-{a.seed}@example.org",))
        linked = link(app.base, patient, clinician)
        me = ic.Client(app.base, bearer=patient).get("/api/v1/me").json()
        clinician_id = ic.Client(app.base, bearer=clinician).get("/api/v1/me").json()["id"]
        # DELETE /tokens/{id} aims at a spare token of the patient's, never at the one the run uses.
        # Made with the cookie: a token never makes a token (issue 13 finding 5).
        spare = patient_cookie.json("POST", "/api/v1/me/tokens", {"name": "spare", "expiresInDays": 30}).json()
        ids = {"date": ic.today_of(app.base, patient), "patientId": me["id"], "clinicianId": clinician_id,
               "id": str(spare["details"]["id"])}
        spec = ic.Client(app.base).get("/openapi/v1.json").json()
        endpoints = [(m.upper(), p, op) for p, ops in spec["paths"].items() for m, op in ops.items()]
        if not any(p == "/api/v1/assessments" for _, p, _ in endpoints):
            endpoints.append(("POST", "/api/v1/assessments", {}))
        endpoints.sort(key=lambda e: (e[1] in LAST, LAST.index(e[1]) if e[1] in LAST else 0))

        def record(kind, what, status):
            nonlocal total
            total += 1
            statuses[status] = statuses.get(status, 0) + 1
            per_kind[kind] = per_kind.get(kind, 0) + 1
            if not isinstance(status, int) or status >= 500:
                failures.append(f"{what}: {status}")
        odd_requests(app.base, patient, f"fuzz-patient-{a.seed}@example.org", clinician, ids["date"], record)
        forged_hosts(app.base, patient, patient_cookie, record)
        callers = {"patient": patient, "clinician": clinician}
        for method, path, op in endpoints:
            anonymous = path == "/api/v1/assessments"
            for who, token in ({"anonymous": None} if anonymous else callers).items():
                client = ic.Client(app.base, bearer=token, timeout=30)
                for _ in range(a.cases):
                    if method == "GET":
                        params = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
                        if not params:
                            continue
                        junk = rng.choice(["", "-1", "abc", "2026-13-40", "9" * 40, "%00", "%ff%fe", "%ED%A0%80", "1e309", "x" * 5000, "0", "[]"])
                        target = fill_path(path, ids) + "?" + "&".join(f"{n}={junk}" for n in params if rng.random() < 0.8)
                        kind, body, ctype = "query", None, None
                    else:
                        kind, body, ctype = mutate(rng, BASES.get(path, {}))
                        target = fill_path(path, ids)
                    headers = {"Content-Type": ctype} if ctype else {}
                    total += 1
                    try:
                        r = client.request(method, target, body, headers)
                        status = r.status
                    except Exception as e:
                        status = f"error {type(e).__name__}"
                    statuses[status] = statuses.get(status, 0) + 1
                    if os.environ.get("FUZZ_TRACE") and status == int(os.environ["FUZZ_TRACE"]):
                        print(f"{status} {method} {path} as {who}, {kind}", flush=True)
                    per_kind[kind] = per_kind.get(kind, 0) + 1
                    if not isinstance(status, int) or status >= 500:
                        failures.append(f"{method} {path} as {who}, {kind}: {status} for {body[:80] if body else target[:80]!r}")
        healthy = ic.Client(app.base).get("/healthz").status
        still = ic.Client(app.base, bearer=patient).get("/api/v1/me/today").status
        valid = ic.Client(app.base).json("POST", "/api/v1/assessments", BASES["/api/v1/assessments"]).status
        if (healthy, still, valid) != (200, 200, 200):
            failures.append(f"afterwards: /healthz {healthy}, patient GET today {still}, a valid assessment {valid}")
    finally:
        app.stop()
    verdict = "PASS" if not failures else "FAIL"
    summary = (f"{verdict}: {total} malformed requests at {len(endpoints)} endpoints (patient and clinician tokens"
               f"{', linked' if linked else ', NOT linked'}), {len([f for f in failures if 'afterwards' not in f])} answered 5xx or dropped;"
               f" the app healthy afterwards" + ("" if not any("afterwards" in f for f in failures) else " — NO"))
    status_line = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0])))
    kind_line = ", ".join(f"{k} {v}" for k, v in sorted(per_kind.items()))
    ic.report(a.doc, "### Malformed bodies at every JSON endpoint", [
        f"Command: `{a.command}` (seed {a.seed}, {a.cases} cases per endpoint and caller; endpoints from `/openapi/v1.json`;",
        "mutations of a near-valid body; the account-ending endpoints run last). Since issue 13 also: odd `Accept` headers",
        "on API and page paths, non-ASCII query strings and sign-in return URLs, and duplicate writes sent 4 at once",
        "(exercise log, check-in, invite, pause and its end, token) — kinds `odd-accept`, `non-ascii-return-url`, `concurrent`;",
        "then forged `Host` headers on the pages and API that build addresses (none may echo the forged host) and a token",
        "asked to make a token — kinds `forged-host`, `token-mint`)."],
        summary, [f"Statuses: {status_line}.", "", f"Mutations: {kind_line}."], failures)

if __name__ == "__main__":
    main()

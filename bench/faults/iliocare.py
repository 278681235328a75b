"""Shared pieces of the fault runs (issue 7): start/kill the app, a small HTTP client with cookies and
antiforgery-token form posts, and an onboarded patient with a personal access token. Python 3 stdlib only.

The app is started exactly as the common brief says (Production environment, Release build, its own port);
the sign-in/sign-up rate limit is raised because these runs test faults, not the limiter."""
import datetime
import base64
import html
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WEB = os.path.join(ROOT, "src", "IlioCare.Web")
CLI = os.path.join(ROOT, "src", "IlioCare.Cli", "bin", "Release", "net10.0", "iliocare.dll")
PASSWORD = "correct horse battery"
TOKEN_FIELD = re.compile(r'name="__RequestVerificationToken" value="([^"]*)"')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def audit_key():
    return base64.b64encode(os.urandom(32)).decode()


def sqlite_connection(path):
    return f"Data Source={path}"


def postgres_connection(db, port=5432, host="127.0.0.1"):
    return f"Host={host};Port={port};Database={db};Username=iliocare;Password=iliocare"


class App:
    """One app instance: `dotnet IlioCare.Web.dll` from src/IlioCare.Web, killed by its own pid only."""

    def __init__(self, port, connection, log_path, provider="sqlite", key=None, extra=()):
        self.port, self.base = port, f"http://127.0.0.1:{port}"
        self.args = ["dotnet", "bin/Release/net10.0/IlioCare.Web.dll", "--urls", self.base,
                     f"--ConnectionStrings:IlioCare={connection}", f"--Database:Provider={provider}",
                     # one key stands for both secrets here (a test deployment): audit MACs and the key ring at rest
                     f"--Audit:Key={key or audit_key()}", f"--DataProtection:Key={key or audit_key()}", "--RateLimits:AuthPermitsPerMinute=100000", *extra]
        self.log_path, self.proc = log_path, None

    def start(self, wait=True, timeout=90):
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
        log = open(self.log_path, "ab")
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen(self.args, cwd=WEB, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        return self.wait_serving(timeout) if wait else None

    def wait_serving(self, timeout=90, path="/healthz"):
        """Seconds from start until `path` answers 200; raises when the process dies or time runs out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app exited with {self.proc.returncode}; see {self.log_path}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", path)
                if conn.getresponse().status == 200:
                    conn.close()
                    return time.monotonic() - self.started_at
                conn.close()
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"app not serving {path} after {timeout} s; see {self.log_path}")

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill9()


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip()

    def json(self):
        return json.loads(self.body)

    def text(self):
        return self.body.decode("utf-8", "replace")


class Client:
    """One keep-alive connection with a cookie jar; never follows redirects (the tests look at them)."""

    def __init__(self, base, timeout=15.0, bearer=None):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout = u.hostname, u.port, timeout
        self.cookies, self.bearer, self.conn = {}, bearer, None

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, headers=None):
        """Raises OSError/http.client errors on a broken connection (callers count those as failures)."""
        h = {"Accept-Encoding": "identity"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.bearer:
            h["Authorization"] = f"Bearer {self.bearer}"
        h.update(headers or {})
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
            data = r.read()
        except Exception:
            self.close()
            raise
        for name, value in r.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                k, _, v = pair.partition("=")
                if v and "expires=thu, 01 jan 1970" not in value.lower():
                    self.cookies[k.strip()] = v.strip()
                else:
                    self.cookies.pop(k.strip(), None)
        if r.getheader("connection", "").lower() == "close":
            self.close()
        return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, data)

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def json(self, method, path, value, headers=None):
        body = value if isinstance(value, (bytes, bytearray)) else json.dumps(value).encode()
        return self.request(method, path, body, {"Content-Type": "application/json", **(headers or {})})

    def form_token(self, page):
        r = self.get(page)
        m = TOKEN_FIELD.search(r.text())
        if not m:
            raise RuntimeError(f"no antiforgery token on {page} ({r.status})")
        return html.unescape(m.group(1))

    def post_form(self, page, handler, fields, token=None, action=None):
        """GETs the page for its antiforgery token (unless given), then posts the form as a browser would."""
        token = token if token is not None else self.form_token(page)
        body = urllib.parse.urlencode([("__RequestVerificationToken", token), ("_handler", handler), *fields]).encode()
        return self.request("POST", action or page, body, {"Content-Type": "application/x-www-form-urlencoded"})


OVERUSE = [("Form.Age", "34"), ("Form.Side", "left"), ("Form.SymptomDays", "10"), ("Form.PainNow", "3"),
           ("Form.PainWorst", "4"), ("Form.PainSites", "front-of-hip"), ("Form.Aggravators", "hip-flexion"),
           ("Form.Activities", "running"), ("Form.NoWarningSigns", "true")]
ONBOARDING = [("Form.Side", "left"), ("Form.Sports", "running"), ("Form.PreInjuryWeeklyMinutes", "180"),
              ("Form.TimeZone", "Europe/Paris"), ("Form.SessionTime", "18:30"), ("Form.Pregnancy", "no"),
              ("Form.BloodThinners", "no"), ("Form.RecentAbdominalSurgery", "no"), ("Form.AorticAneurysm", "no"),
              ("Form.Hernia", "no")]


def location(r):
    loc = r.headers.get("location", "")
    return urllib.parse.urlsplit(loc).path if loc else ""


def sign_up_patient(base, email):
    """Assessment → sign-up (claims it) → onboarding through the real pages; returns the signed-in client."""
    c = Client(base, timeout=60)
    r = c.post_form("/assessment", "assessment", OVERUSE)
    assert r.status == 302, f"assessment: {r.status}"
    aid = location(r).rsplit("/", 1)[-1]
    # Issue 18: a name and a date of birth (no typed age); sign-up signs nobody in, the password then does.
    born = (datetime.date.today() - datetime.timedelta(days=34 * 365 + 10)).isoformat()
    r = c.post_form(f"/sign-up?assessment={aid}", "sign-up", [("Form.Email", email), ("Form.Password", PASSWORD),
                    ("Form.Name", "Pat Fault"), ("Form.DateOfBirth", born), ("Form.AcceptTerms", "true"), ("Form.Assessment", aid)])
    assert r.status == 302 and location(r) == "/sign-in", f"sign-up: {r.status} {location(r)}"
    r = c.post_form("/sign-in", "sign-in", [("Form.Email", email), ("Form.Password", PASSWORD)])
    assert r.status == 302, f"sign-in after sign-up: {r.status}"
    r = c.post_form("/onboarding", "onboarding", ONBOARDING)
    assert r.status == 302 and location(r) == "/today", f"onboarding: {r.status} {location(r)}"
    return c


def create_token(client, name="fault-run"):
    r = client.json("POST", "/api/v1/me/tokens", {"name": name, "expiresInDays": 30})
    assert r.status == 201, f"token: {r.status} {r.text()[:200]}"
    return r.json()["token"]


def patient_with_token(base, email):
    c = sign_up_patient(base, email)
    return c, create_token(c)


def sign_in(base, email, password=PASSWORD):
    c = Client(base, timeout=60)
    r = c.post_form("/sign-in", "sign-in", [("Form.Email", email), ("Form.Password", password)])
    assert r.status == 302, f"sign-in {email}: {r.status}"
    return c


def today_of(base, token):
    r = Client(base, bearer=token, timeout=60).get("/api/v1/me/today")
    assert r.status == 200, f"today: {r.status}"
    return r.json()["date"]


def check_in_body(value):
    """A check-in whose stiffness minutes (and, past 1440, morning pain 0–2) encode a unique value per write."""
    return {"painMorning": value // 1441 % 3, "stiffnessMinutes": value % 1441, "painNow": 1, "warningSigns": []}


def value_of(pain_morning, stiffness):
    return pain_morning * 1441 + stiffness


SECTION = "## Fault runs (issue 7)"
INTRO = """Scripted, repeatable fault runs (`bench/faults/`, not part of `.ci/run`). Each script prints PASS/FAIL with
its figures and rewrites only its own `###` part below, with the command that produced it; `bench/faults/all.sh`
runs them all. Figures measured on the shared 2-core box while others built are provisional."""


def write_part(doc, heading, text):
    """Replaces the `### heading` part inside the fault-runs section of docs/performance.md (creating either)."""
    src = open(doc).read()
    sec = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    m = sec.search(src)
    body = m.group(0) if m else f"{SECTION}\n\n{INTRO}\n\n"
    part = text.rstrip("\n") + "\n\n"
    sub = re.compile(rf"^{re.escape(heading)}\n.*?(?=^### |^## |\Z)", re.S | re.M)
    body = sub.sub(lambda _: part, body) if sub.search(body) else body.rstrip("\n") + "\n\n" + part
    src = sec.sub(lambda _: body, src) if m else src.rstrip("\n") + "\n\n" + body
    open(doc, "w").write(src.rstrip("\n") + "\n")


def report(doc, heading, command, summary, details=(), failures=(), reading=()):
    """Prints the PASS/FAIL line, its details and the first failures; writes the run's `### heading` part of
    docs/performance.md (the command, the result, the table, the reading); exits 0 on PASS, 1 on FAIL."""
    print(summary)
    for line in details:
        print(line)
    for f in failures[:30]:
        print("  " + f)
    if doc:
        when = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
        write_part(doc, heading, "\n".join([
            heading, "", *command, "", f"Result ({when} UTC): **{summary}**",
            *(["", *details] if details else []),
            *(["", "Problems (first 30):", *[f"- `{f}`" for f in failures[:30]]] if failures else []),
            *(["", *reading] if reading else []),
        ]))
    sys.exit(1 if failures else 0)

"""One of two instances killed behind nginx under signed-in load (issue 7), driven by bench/faults/nginx-failover.sh.

Two app instances on one PostgreSQL database (its own, on the shared cluster, dropped afterwards), migrated once
by `iliocare migrate`, behind an nginx of our own generated from deploy/nginx/iliocare.conf (same upstream and
proxy settings; plain HTTP on a free loopback port instead of TLS). Patients signed in through either instance
load pages and post the check-in form (antiforgery token from the form they just fetched) through nginx; one
instance gets SIGKILL mid-run. Failed = 5xx, a dropped connection, an antiforgery 400 or a redirect to /sign-in."""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import iliocare as ic  # noqa: E402
from kill9 import psql  # noqa: E402


def nginx_conf(template, work, port, upstreams):
    """deploy/nginx/iliocare.conf with our ports: the HTTP→HTTPS redirect server dropped, TLS off, a private prefix."""
    src = open(template).read()
    src = re.sub(r"server\s+127\.0\.0\.1:5001", f"server 127.0.0.1:{upstreams[0]}", src)
    src = re.sub(r"server\s+127\.0\.0\.1:5002", f"server 127.0.0.1:{upstreams[1]}", src)
    src = re.sub(r"server \{\s*listen 80;.*?\n\}\n", "", src, count=1, flags=re.S)
    src = re.sub(r"^\s*listen .*443.*\n", "", src, flags=re.M)
    src = re.sub(r"^\s*ssl_.*\n", "", src, flags=re.M)
    src = src.replace("server_name iliocare.example.org;", f"listen 127.0.0.1:{port};\n    server_name localhost;")
    return "\n".join([
        "worker_processes 1;", f"pid {work}/nginx.pid;", f"error_log {work}/nginx-error.log warn;", "daemon on;",
        "events { worker_connections 256; }", "http {",
        "  log_format faults '$status|$upstream_addr|$upstream_status|$request_method|$uri';",
        f"  access_log {work}/nginx-access.log faults;",
        *[f"  {d}_temp_path {work}/{d};" for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")],
        src, "}"])


def is_failure(r):
    if isinstance(r, Exception):
        return "dropped"
    if r.status >= 500:
        return f"{r.status}"
    if r.status == 400:
        return "400 (antiforgery)"
    if r.status in (301, 302, 303, 307) and ic.location(r).startswith("/sign-in"):
        return "redirect to /sign-in"
    return None


class Patient(threading.Thread):
    def __init__(self, client, log, stop):
        super().__init__(daemon=True)
        self.client, self.log, self.stop = client, log, stop

    def run(self):
        n, token = 0, None
        while not self.stop.is_set():
            n += 1
            for step in ("/today", "/progress", "/check-in", "POST /check-in"):
                t = time.monotonic()
                try:
                    if step == "POST /check-in":
                        if token is None:
                            continue
                        r = self.client.post_form("/check-in", "check-in", [
                            ("Form.PainMorning", "1"), ("Form.StiffnessMinutes", str(n % 1441)), ("Form.PainNow", "1"),
                            ("Form.NoWarningSigns", "true")], token=token)
                    else:
                        r = self.client.get(step)
                        if step == "/check-in":
                            m = ic.TOKEN_FIELD.search(r.text())
                            token = ic.html.unescape(m.group(1)) if m else None
                except Exception as e:  # noqa: BLE001 — a dropped connection is a result here
                    r = e
                    token = None
                self.log.append((t, step, is_failure(r), getattr(r, "status", type(r).__name__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--patients", type=int, default=4)
    ap.add_argument("--requests", type=int, default=1200, help="the load ends after this many requests (or 180 s)")
    ap.add_argument("--doc")
    ap.add_argument("--command", default="bench/faults/nginx-failover.sh")
    a = ap.parse_args()
    db_name = f"faults_nginx_{os.getpid()}"
    conn = ic.postgres_connection(db_name)
    key = ic.audit_key()
    ports = [ic.free_port(), ic.free_port()]
    apps = [ic.App(p, conn, os.path.join(a.work, f"app-{i}.log"), "postgres", key, ["--Database:MigrateOnStart=false"])
            for i, p in enumerate(ports)]
    proxy_port = ic.free_port()
    proxy = f"http://127.0.0.1:{proxy_port}"
    log, stop, failures = [], threading.Event(), []
    nginx_started = False
    try:
        psql("postgres", f'CREATE DATABASE "{db_name}"')
        env = dict(os.environ, Database__Provider="postgres", ConnectionStrings__IlioCare=conn)
        subprocess.run(["dotnet", ic.CLI, "migrate"], env=env, check=True, capture_output=True)
        for app in apps:
            app.start(wait=False)
        for app in apps:
            app.wait_serving()
        conf = os.path.join(a.work, "nginx.conf")
        open(conf, "w").write(nginx_conf(os.path.join(ic.ROOT, "deploy", "nginx", "iliocare.conf"), a.work, proxy_port, ports))
        subprocess.run(["nginx", "-p", a.work, "-c", conf], check=True)
        nginx_started = True
        # Sign up through nginx, then sign in again directly on one instance or the other: cookies and antiforgery
        # tokens written by either must work on both (shared data protection keys).
        clients = []
        for i in range(a.patients):
            email = f"nginx-{i}-{os.getpid()}@example.org"
            ic.sign_up_patient(proxy, email)
            direct = ic.sign_in(apps[i % 2].base, email)
            c = ic.Client(proxy, timeout=30)
            c.cookies = dict(direct.cookies)
            clients.append(c)
        threads = [Patient(c, log, stop) for c in clients]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        # The rate is judged on a fixed number of requests, not seconds: a busy box must not make it noisier.
        while len(log) < a.requests // 3 and time.monotonic() - t0 < 60:
            time.sleep(0.05)
        t_kill = time.monotonic()
        apps[0].kill9()
        print(f"instance A (port {ports[0]}) killed {t_kill - t0:.1f} s and {len(log)} requests into the run", flush=True)
        while len(log) < a.requests and time.monotonic() - t0 < 180:
            time.sleep(0.05)
        stop.set()
        for t in threads:
            t.join(40)
    finally:
        stop.set()
        if nginx_started:
            subprocess.run(["nginx", "-p", a.work, "-c", os.path.join(a.work, "nginx.conf"), "-s", "stop"], capture_output=True)
        for app in apps:
            app.stop()
        try:
            psql("postgres", f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        except subprocess.CalledProcessError as e:
            print(f"could not drop {db_name}: {e.stderr}", file=sys.stderr)

    # Which instance served what, from nginx's own log: "127.0.0.1:A, 127.0.0.1:B" is a request nginx passed on.
    served = {"A": 0, "B": 0, "passed on": 0}
    for line in open(os.path.join(a.work, "nginx-access.log")):
        upstream = line.split("|")[1]
        if "," in upstream:
            served["passed on"] += 1
        elif upstream.endswith(f":{ports[0]}"):
            served["A"] += 1
        elif upstream.endswith(f":{ports[1]}"):
            served["B"] += 1
    total = len(log)
    failed = [x for x in log if x[2]]
    after = [x for x in log if x[0] >= t_kill]
    auth_after = [x for x in after if x[2] in ("400 (antiforgery)", "redirect to /sign-in")]
    posts = [x for x in log if x[1] == "POST /check-in"]
    rate = 100.0 * len(failed) / total if total else 100.0
    kinds = {}
    for x in failed:  # e.g. "502 on POST /check-in": which requests a user lost
        k = f"{x[2]} on {x[1] if x[1].startswith('POST') else 'GET ' + x[1]}"
        kinds[k] = kinds.get(k, 0) + 1
    if rate >= 0.5:
        failures.append(f"{rate:.2f} % failed (goal < 0.5 %)")
    if auth_after:
        failures.append(f"{len(auth_after)} sign-in or antiforgery failures on the survivor")
    if not posts or total < 100:
        failures.append(f"too little load to judge ({total} requests)")
    verdict = "PASS" if not failures else "FAIL"
    summary = (f"{verdict}: {total} signed-in requests through nginx ({len(posts)} form posts), {len(after)} after the kill; "
               f"{len(failed)} failed ({rate:.2f} %{', ' + ', '.join(f'{k}: {v}' for k, v in kinds.items()) if kinds else ''}); "
               f"{len(auth_after)} sign-in or antiforgery failures on the survivor; nginx: {served['A']} answered by the killed "
               f"instance, {served['B']} by the survivor, {served['passed on']} passed on from the dead one")
    ic.report(a.doc, "### One of two instances killed behind nginx", [
        f"Command: `{a.command}` (two instances on one PostgreSQL database of its own, migrated once with `iliocare migrate`;",
        "our own nginx generated from `deploy/nginx/iliocare.conf`, plain HTTP on a free port; "
        f"{a.patients} patients, signed in on one instance or the other, loop GET /today, /progress, /check-in and POST the",
        f"check-in form with the token just fetched, through nginx, {a.requests} requests; `kill -9` of one instance a third of the way)."],
        summary, failures=failures, reading=[
            "Reading: nginx passes a GET that failed on the dead instance to the other (`proxy_next_upstream error timeout",
            "http_502`), and any request it could not send there; a POST already sent to the dead instance is not replayed (it",
            "may have been stored), so the form post in flight at the kill is the one request a user can lose — it answers",
            "502 and the patient posts again (a check-in is a per-day upsert)."])

if __name__ == "__main__":
    main()

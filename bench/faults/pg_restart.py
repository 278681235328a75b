"""PostgreSQL stopped and started again under load (issue 7), driven by bench/faults/pg-restart.sh, which owns the
throw-away server (never the shared cluster). Load: API reads and check-in writes with bearer tokens, and two
pages with a cookie. While the server is down every answer must be a clean 503 (problem+json for the API, the
plain "try again" page for pages) or a success, no 500, nothing slower than the stated timeout; within 10 s of
the server being back every request must succeed again."""
import argparse
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import iliocare as ic  # noqa: E402

TIMEOUT = 40.0  # stated bound on any one request: EF's 5 retries (~21 s of back-off) plus a busy box


class Load(threading.Thread):
    def __init__(self, kind, client, method, path, body_fn, log, stop):
        super().__init__(daemon=True)
        self.kind, self.client, self.method, self.path, self.body_fn, self.log, self.stop = kind, client, method, path, body_fn, log, stop

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            t0 = time.monotonic()
            try:
                if self.body_fn:
                    r = self.client.json(self.method, self.path, self.body_fn(n))
                else:
                    r = self.client.request(self.method, self.path)
                outcome = (r.status, r.content_type, "Try again in a moment" in r.text() if r.content_type == "text/html" else None)
            except Exception as e:  # a timeout or a dropped connection: both count as failures here
                outcome = ("error", type(e).__name__, None)
                time.sleep(0.05)
            self.log.append((self.kind, t0, time.monotonic(), outcome))
            time.sleep(0.02)


def pg_ctl(bin_dir, data, action, port):
    cmd = [os.path.join(bin_dir, "pg_ctl"), "-D", data, "-w", "-t", "60"]
    if action == "start":
        cmd += ["-l", os.path.join(data, "server.log"), "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {data}", "start"]
    else:
        cmd += ["-m", "fast", "stop"]
    subprocess.run(["runuser", "-u", "postgres", "--", *cmd], check=True, capture_output=True, cwd="/")


def outage(app, patients, today, a, down):
    """One run: 5 s of load, the server stopped for `down` seconds and started, 20 s more; returns the log and times."""
    log, stop, threads = [], threading.Event(), []
    for i, (cookie_client, token) in enumerate(patients):
        api = lambda: ic.Client(app.base, bearer=token, timeout=TIMEOUT)  # noqa: E731
        threads += [
            Load("API read GET /api/v1/me/today", api(), "GET", "/api/v1/me/today", None, log, stop),
            Load("API write PUT /api/v1/me/check-ins/{today}", api(), "PUT", f"/api/v1/me/check-ins/{today}",
                 lambda n: ic.check_in_body(n % 1441), log, stop),
        ]
        page = ic.Client(app.base, timeout=TIMEOUT)
        page.cookies = dict(cookie_client.cookies)
        threads.append(Load("page GET /progress" if i == 0 else "page GET /today", page, "GET",
                            "/progress" if i == 0 else "/today", None, log, stop))
    try:
        for t in threads:
            t.start()
        time.sleep(5)
        t_down = time.monotonic()
        pg_ctl(a.pg_bin, a.pg_data, "stop", a.pg_port)
        print(f"PostgreSQL stopped; down for {down:.0f} s", flush=True)
        time.sleep(down)
        pg_ctl(a.pg_bin, a.pg_data, "start", a.pg_port)
        t_up = time.monotonic()
        print("PostgreSQL started again", flush=True)
        time.sleep(20)
    finally:
        stop.set()
        for t in threads:
            t.join(TIMEOUT + 5)
    return log, t_down, t_up


def judge(log, t_down, t_up, down):
    """Per kind of request: counts, the slowest, the worst gap without a success, the return to full service."""
    rows, failures, worst_gap, worst_recovery = [], [], 0.0, 0.0
    for kind in sorted({k for k, *_ in log}):
        mine = sorted((x for x in log if x[0] == kind), key=lambda x: x[1])
        ok = [x for x in mine if isinstance(x[3][0], int) and 200 <= x[3][0] < 300]
        in_outage = [x for x in mine if x[2] >= t_down and x[1] <= t_up]
        clean = [x for x in mine if x[3][0] == 503 and (x[3][1] == "application/problem+json" or x[3][2])]
        bad = [x for x in mine if x not in ok and x not in clean]
        # Back to full service: from the server being back to the end of the first success after the last failure.
        failed_after_up = [x for x in mine if x[1] >= t_up and x not in ok]
        recovered_from = max((x[1] for x in failed_after_up), default=t_up)
        later_ok = [x[2] for x in ok if x[1] >= recovered_from]
        recovery = min(later_ok) - t_up if later_ok else float("inf")
        ends = [t_down] + [x[2] for x in ok if x[2] >= t_down]
        gap = max(b - a_ for a_, b in zip(ends, ends[1:])) if len(ends) > 1 else float("inf")
        slowest = max(x[2] - x[1] for x in mine)
        worst_recovery, worst_gap = max(worst_recovery, recovery), max(worst_gap, gap)
        rows.append(f"| {down:.0f} | {kind} | {len(mine)} | {len(ok)} | {len(clean)} | {len(bad)} | {len(in_outage)} | {slowest:.1f} | {gap:.1f} | {recovery:.1f} |")
        failures += [f"down {down:.0f} s, {kind}: {x[3]} after {x[2] - x[1]:.1f} s, {x[1] - t_down:+.1f} s from the stop" for x in bad[:3]]
        if recovery > 10:
            failures.append(f"down {down:.0f} s, {kind}: full service {recovery:.1f} s after PostgreSQL was back (goal ≤ 10 s)")
    return rows, failures, worst_gap, worst_recovery


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg-bin", required=True)
    ap.add_argument("--pg-data", required=True)
    ap.add_argument("--pg-port", type=int, required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--down", default="5,25", help="seconds PostgreSQL stays stopped, one outage each")
    ap.add_argument("--doc")
    ap.add_argument("--command", default="bench/faults/pg-restart.sh")
    a = ap.parse_args()
    downs = [float(d) for d in a.down.split(",")]
    conn = f"Host=127.0.0.1;Port={a.pg_port};Database=iliocare;Username=postgres"
    app = ic.App(ic.free_port(), conn, os.path.join(a.work, "app.log"), "postgres")
    rows, failures, gaps, recoveries, total, n503 = [], [], [], [], 0, 0
    try:
        app.start()
        patients = [ic.patient_with_token(app.base, f"pg-restart-{i}-{os.getpid()}@example.org") for i in range(2)]
        today = ic.today_of(app.base, patients[0][1])
        for down in downs:
            log, t_down, t_up = outage(app, patients, today, a, down)
            r, f, gap, recovery = judge(log, t_down, t_up, down)
            rows, failures, total = rows + r, failures + f, total + len(log)
            gaps.append(f"{gap:.1f}")
            recoveries.append(f"{recovery:.1f}")
            n503 += sum(1 for x in log if x[3][0] == 503)
    finally:
        app.stop()
    verdict = "PASS" if not failures else "FAIL"
    downs_text = " and ".join(f"{d:.0f} s" for d in downs)
    summary = (f"{verdict}: PostgreSQL down {downs_text} under load; {total} requests, {n503} clean 503s, "
               + ("no 500, no HTML error page, nothing over 40 s" if not failures else f"{len(failures)} problems")
               + f"; worst gap without a success {' / '.join(gaps)} s; full service {' / '.join(recoveries)} s after the server was back")
    table = ["| down s | load | requests | 2xx | clean 503 | other (500, HTML error, > 40 s, reset) | in flight while down | slowest s | worst gap s | back to 200s after restart, s |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|", *rows]
    ic.report(a.doc, "### PostgreSQL restarted under load", [
        f"Command: `{a.command}` (a throw-away PostgreSQL 15 of its own on a free port, never the shared cluster; the app",
        "on it; two patients' API reads and check-in writes (bearer) and two pages (cookie) in a loop; per outage: 5 s of",
        f"load, `pg_ctl stop -m fast`, down {downs_text}, `pg_ctl start`, 20 s more. Client timeout {TIMEOUT:.0f} s)."],
        summary, table, failures, [
            "Reading: EF retries a lost connection 5 times (0, 1, 3, 7, 10 s apart), so a request that starts while the",
            "server is down waits up to ~21 s: a short outage is absorbed (slow answers, no errors); a long one ends in a",
            "503 with `Retry-After: 5` (`Hosting/DatabaseUnavailable.cs`). A request caught in a 10 s back-off when the",
            "server returns is what bounds the return to full service. The worst gap includes the outage itself."])


if __name__ == "__main__":
    main()

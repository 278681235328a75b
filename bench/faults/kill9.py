"""kill -9 during a stream of check-in writes (issue 7), driven by bench/faults/kill9.sh.

Several onboarded patients each PUT today's check-in over and over through the API (bearer token), every write
with a value of its own (stiffness minutes, see iliocare.check_in_body). At a random moment (fixed seed) the app
gets SIGKILL. With the app dead the database is read directly: for every patient the stored check-in must be
the last acknowledged (2xx) write or one sent after it (the write in flight may or may not have committed),
SQLite's `PRAGMA integrity_check` must say ok, and the restarted app must serve again. Repeated N rounds."""
import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import iliocare as ic  # noqa: E402


class Writer(threading.Thread):
    """One patient's stream: sequential PUTs, so at most one write is in flight at the kill."""

    def __init__(self, base, token, today, state):
        super().__init__(daemon=True)
        self.client, self.path, self.state = ic.Client(base, bearer=token, timeout=20), f"/api/v1/me/check-ins/{today}", state
        self.stop = threading.Event()

    def run(self):
        s = self.state
        while not self.stop.is_set():
            value = s["next"]
            s["next"] += 1
            s["unacked"].append(value)
            try:
                r = self.client.json("PUT", self.path, ic.check_in_body(value))
            except Exception:  # the kill: connection refused or reset; the write may or may not have landed
                s["errors"] += 1
                time.sleep(0.02)
                continue
            if 200 <= r.status < 300:
                s["acked"], s["unacked"], s["acks"] = value, [], s["acks"] + 1
            else:
                s["statuses"][r.status] = s["statuses"].get(r.status, 0) + 1


def stored_sqlite(db_path, ids, today):
    con = sqlite3.connect(db_path)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        rows = {a: con.execute('SELECT "PainMorning", "StiffnessMinutes" FROM "CheckIns" WHERE "AccountId"=? AND "Date"=?',
                               (a, today)).fetchone() for a in ids}
    finally:
        con.close()
    return integrity, {a: (ic.value_of(*r) if r else None) for a, r in rows.items()}


def psql(db, sql, port=5432):
    env = dict(os.environ, PGPASSWORD="iliocare")
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "iliocare", "-d", db, "-tAX", "-c", sql],
                         env=env, capture_output=True, text=True, check=True)
    return out.stdout


def stored_postgres(db, ids, today):
    result = {}
    for a in ids:
        row = psql(db, f'SELECT "PainMorning", "StiffnessMinutes" FROM "CheckIns" WHERE "AccountId"=\'{a}\' AND "Date"=\'{today}\'').strip()
        result[a] = ic.value_of(*map(int, row.split("|"))) if row else None
    return "n/a (PostgreSQL)", result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--provider", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--patients", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--doc")
    ap.add_argument("--command", default="bench/faults/kill9.sh")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="i7-kill9-")
    db_name = f"faults_kill9_{os.getpid()}_{rng.randrange(10**6)}"
    if a.provider == "sqlite":
        db_path = os.path.join(work, "iliocare.db")
        conn = ic.sqlite_connection(db_path)
    else:
        conn = ic.postgres_connection(db_name)
    app = ic.App(ic.free_port(), conn, os.path.join(work, "app.log"), a.provider, key=ic.audit_key())
    failures, rows, restarts, acks, errors, kinds = [], [], [], 0, 0, {}
    try:
        first = app.start()
        patients = []
        for i in range(a.patients):
            client, token = ic.patient_with_token(app.base, f"kill9-{i}-{rng.randrange(10**9)}@example.org")
            me = ic.Client(app.base, bearer=token).get("/api/v1/me").json()
            patients.append({"id": me["id"], "token": token, "next": 0, "acked": None, "unacked": [],
                             "acks": 0, "errors": 0, "statuses": {}})
        today = ic.today_of(app.base, patients[0]["token"])
        for n in range(1, a.rounds + 1):
            writers = [Writer(app.base, p["token"], today, p) for p in patients]
            for w in writers:
                w.start()
            # The stream must be flowing first (a fresh process answers its first writes slowly on a busy box):
            # wait for this round's first acknowledgement, then kill at a random moment within the next 1.5 s.
            acked_before = sum(p["acks"] for p in patients)
            deadline = time.monotonic() + 60
            while sum(p["acks"] for p in patients) == acked_before and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 1.5))
            app.kill9()
            for w in writers:
                w.stop.set()
            for w in writers:
                w.join(30)
            integrity, stored = (stored_sqlite(db_path, [p["id"] for p in patients], today) if a.provider == "sqlite"
                                 else stored_postgres(db_name, [p["id"] for p in patients], today))
            lost = []
            for p in patients:
                allowed = ({p["acked"]} if p["acked"] is not None else {None}) | set(p["unacked"])
                if stored[p["id"]] not in allowed:
                    lost.append(f"patient {p['id'][:8]}: stored {stored[p['id']]}, acknowledged {p['acked']}")
            if a.provider == "sqlite" and integrity != "ok":
                lost.append(f"integrity_check: {integrity}")
            restarted = app.start()
            probe = ic.Client(app.base, bearer=patients[0]["token"]).get("/api/v1/me/today").status
            if probe != 200:
                lost.append(f"after restart GET /api/v1/me/today answered {probe}")
            restarts.append(restarted)
            round_acks = sum(p["acks"] for p in patients) - acks
            rows.append(round_acks)
            acks += round_acks
            print(f"round {n:2}: {round_acks:4} acknowledged writes, integrity {integrity}, back in {restarted:.2f} s"
                  + ("" if not lost else " — " + "; ".join(lost)), flush=True)
            failures += [f"round {n}: {x}" for x in lost]
        errors = sum(p["errors"] for p in patients)
        for p in patients:
            for s, k in p["statuses"].items():
                kinds[s] = kinds.get(s, 0) + k
    finally:
        app.stop()
        if a.provider == "postgres":
            try:
                psql("postgres", f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
            except subprocess.CalledProcessError as e:
                print(f"could not drop {db_name}: {e.stderr}", file=sys.stderr)
        if failures or os.environ.get("KEEP_FAULT_LOGS"):
            print(f"app log kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    if any(s >= 500 for s in kinds):
        failures.append(f"non-2xx answers while up: {kinds}")
    verdict = "PASS" if not failures else "FAIL"
    restarts.sort()
    summary = (f"{verdict}: kill -9 on {a.provider}, {a.rounds} rounds, {a.patients} patients, {acks} acknowledged writes, "
               f"{len(failures)} lost or corrupt; restart to first 200: median {restarts[len(restarts)//2]:.2f} s, "
               f"worst {restarts[-1]:.2f} s (first start with migrations {first:.2f} s); "
               f"{errors} writes cut by the kill (unacknowledged, allowed either way); other statuses {kinds or 'none'}")
    ic.report(a.doc, f"### kill -9 during check-in writes ({a.provider})", [
        f"Command: `{a.command}` (seed {a.seed}; {a.patients} patients each PUT today's check-in in a loop, each write with a",
        "value of its own; SIGKILL at a random 0–1.5 s after the round's first acknowledged write; with the app dead the",
        "database is read directly: each patient's stored value must be the last acknowledged one or one sent after it)."],
        summary, [f"Acknowledged writes per round: {', '.join(map(str, rows))}."
                   + (" `PRAGMA integrity_check` was `ok` after every kill." if a.provider == "sqlite" and not failures else "")],
        failures)

if __name__ == "__main__":
    main()

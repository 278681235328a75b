"""Disk full on the SQLite volume (issue 7), driven by bench/faults/disk-full.sh, which mounts the small tmpfs.

The app runs on a database file in that volume. After a healthy start the WAL is truncated (so the next write
must grow a file) and a filler file takes every free byte. Then: writes (API check-ins, page sign-ups, form
check-ins) must get clean answers — a 503 problem or the plain "try again" page, never a 500 or a stack — while
reads keep answering 200; `PRAGMA integrity_check` must be ok; and once the filler is removed, the same writes
must succeed again without restarting the app."""
import argparse
import errno
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import iliocare as ic  # noqa: E402


def fill(path):
    """Writes until the volume refuses (ENOSPC); returns the bytes written."""
    written, chunk = 0, b"\0" * (256 * 1024)
    with open(path, "wb", buffering=0) as f:
        while True:
            try:
                written += f.write(chunk)
            except OSError as e:
                if e.errno != errno.ENOSPC:
                    raise
                if len(chunk) == 1:
                    return written
                chunk = chunk[: len(chunk) // 2]


def integrity(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def clean(r):
    return r.status == 503 and (r.content_type == "application/problem+json" or "Try again in a moment" in r.text())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--volume", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--attempts", type=int, default=20)
    ap.add_argument("--doc")
    ap.add_argument("--command", default="bench/faults/disk-full.sh")
    a = ap.parse_args()
    db = os.path.join(a.volume, "iliocare.db")
    filler = os.path.join(a.volume, "filler")
    app = ic.App(ic.free_port(), ic.sqlite_connection(db), os.path.join(a.work, "app.log"))
    failures, seen, n = [], {}, [0]

    def note(kind, r):
        key = f"{kind}: {r.status}" + (" clean" if clean(r) else "")
        seen[key] = seen.get(key, 0) + 1
        return r

    try:
        app.start()
        cookie, token = ic.patient_with_token(app.base, f"disk-full-0-{os.getpid()}@example.org")
        api = ic.Client(app.base, bearer=token, timeout=30)
        today = ic.today_of(app.base, token)

        def writes(phase):
            n[0] += 1
            r1 = note(f"{phase} API PUT check-in", api.json("PUT", f"/api/v1/me/check-ins/{today}", ic.check_in_body(n[0])))
            r2 = note(f"{phase} form POST /check-in", cookie.post_form("/check-in", "check-in", [
                ("Form.PainMorning", "1"), ("Form.StiffnessMinutes", str(n[0] % 1441)), ("Form.PainNow", "1"), ("Form.NoWarningSigns", "true")]))
            # Sign-up proper: the assessment it claims was taken before the disk filled (taking one writes too).
            fresh, aid = assessed.pop() if phase != "before" else assessment()
            r3 = note(f"{phase} sign-up POST", fresh.post_form(f"/sign-up?assessment={aid}", "sign-up", [
                ("Form.Email", f"disk-full-{phase}-{n[0]}-{os.getpid()}@example.org"), ("Form.Password", ic.PASSWORD),
                ("Form.Age", "34"), ("Form.AcceptTerms", "true"), ("Form.Assessment", aid)]))
            r4 = note(f"{phase} assessment POST", ic.Client(app.base, timeout=30).post_form("/assessment", "assessment", ic.OVERUSE))
            return [r1, r2, r3, r4]

        def assessment():
            c = ic.Client(app.base, timeout=30)
            r = c.post_form("/assessment", "assessment", ic.OVERUSE)
            assert r.status == 302, f"assessment: {r.status}"
            return c, ic.location(r).rsplit("/", 1)[-1]

        def reads(phase):
            return [note(f"{phase} API GET today", api.get("/api/v1/me/today")), note(f"{phase} page GET /progress", cookie.get("/progress")),
                    note(f"{phase} GET /healthz", cookie.get("/healthz"))]

        for r in writes("before") + reads("before"):
            if r.status >= 400:
                failures.append(f"before the fault: {r.status}")
        assessed = [assessment() for _ in range(a.attempts + 1)]
        # The next write must grow a file: empty the WAL into the database first, then take every free byte.
        con = sqlite3.connect(db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        filled = fill(filler)
        refused = 0
        for _ in range(a.attempts):
            for r in writes("full"):
                if r.status >= 500 and not clean(r):
                    failures.append(f"disk full: a write answered {r.status} {r.content_type}: {r.text()[:120]}")
                refused += r.status >= 400
            for r in reads("full"):
                if r.status != 200:
                    failures.append(f"disk full: a read answered {r.status}")
        if refused == 0:
            failures.append("the full disk never refused a write: the run did not test anything")
        check_full = integrity(db)
        os.remove(filler)
        time.sleep(0.2)
        back = writes("after") + reads("after")
        for r in back:
            if not (200 <= r.status < 400):
                failures.append(f"space back: answered {r.status} {r.text()[:120]}")
        check_after = integrity(db)
        for name, value in (("while full", check_full), ("after", check_after)):
            if value != "ok":
                failures.append(f"integrity_check {name}: {value}")
    finally:
        app.stop()
    verdict = "PASS" if not failures else "FAIL"
    summary = (f"{verdict}: volume filled ({filled // 1024} KB of filler); {refused} writes refused, "
               f"integrity_check {check_full} while full and {check_after} after; writes succeed again without a restart"
               if not failures else f"{verdict}: {len(failures)} problems")
    table = ["| request (phase) | status | count |", "|---|---|---:|",
             *[f"| {k.rsplit(': ', 1)[0]} | {k.rsplit(': ', 1)[1]} | {v} |"
               for k, v in sorted(seen.items(), key=lambda kv: (["before", "full", "after"].index(kv[0].split(" ")[0]), kv[0]))]]
    ic.report(a.doc, "### Disk full on the SQLite volume", [
        f"Command: `{a.command}` (the database on a {os.environ.get('SIZE', '32m')} tmpfs mounted by the script; WAL",
        "checkpointed and truncated, then a filler file takes every free byte; each attempt is an API check-in PUT,",
        f"a form check-in, a sign-up and an assessment through the pages, then reads; {a.attempts} attempts; then the filler is removed)."],
        summary, table, failures)

if __name__ == "__main__":
    main()

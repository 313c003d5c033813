#!/usr/bin/env python3
"""Crash test of survey collection (docs/design/survey.md, guarantee J1).

Starts `govperf serve`, submits responses from many threads with one-time
codes, kills the server with SIGKILL in the middle of the load, restarts it,
re-submits every submission whose answer was lost (same idempotency key),
and checks the file:
  - every acknowledged response (201/200) is stored exactly once, under its
    id and key; a re-submission after the crash gets the same id (200) or,
    when the first attempt died before its commit, a new one (201);
  - no half-written batch: every row's batch exists and each batch's count,
    first and last id match its rows; each code is used by exactly its row;
  - PRAGMA integrity_check is ok, `govperf audit verify` exits 0,
    `govperf survey count` equals the rows.
Usage: survey_crash.py GOVPERF_BIN WORKDIR [THREADS] [CODES]
Bounded: at most CODES submissions plus their retries, against 127.0.0.1 only.
"""
import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

BIN, WORK = sys.argv[1], sys.argv[2]
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 16
CODES = int(sys.argv[4]) if len(sys.argv) > 4 else 1200
SRC = os.path.dirname(os.path.abspath(__file__))
DB = os.path.join(WORK, "city.db")
failures = []


def check(what, ok):
    print(("ok   - " if ok else "FAIL - ") + what, flush=True)
    if not ok:
        failures.append(what)


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True, timeout=300)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def serve(port, log):
    p = subprocess.Popen([BIN, "serve", "--db", DB, "--port", str(port), "--survey-rate-limit", "0"],
                         stdout=log, stderr=log)
    for _ in range(200):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/health")
            if c.getresponse().status == 200:
                return p
        except OSError:
            pass
        if p.poll() is not None:
            break
        time.sleep(0.05)
    raise SystemExit("server did not start")


def body(code, key, n):
    return json.dumps({
        "code": code,
        "idempotency_key": key,
        "answers": {"district": ["east", "west", "north"][n % 3], "q1": 1 + n % 5,
                    "q2": "dk" if n % 7 == 0 else 1 + (n // 5) % 5, "q3": 1 + (n // 25) % 5},
        "paradata": {"started_at_ms": 1760000000000, "submitted_at_ms": 1760000030000},
    })


def post(conn, code, key, n):
    conn.request("POST", "/api/v1/s/sat-2026/responses", body(code, key, n),
                 {"Content-Type": "application/json"})
    r = conn.getresponse()
    return r.status, json.loads(r.read() or b"{}")


def main():
    os.makedirs(WORK, exist_ok=True)
    r = run("demo", "--db", DB)
    check("demo database", r.returncode == 0)
    r = run("survey", "put", "--db", DB, "--file", os.path.join(SRC, "survey_fixture.json"),
            "--status", "open")
    check("survey put --status open: " + r.stderr.strip(), r.returncode == 0)
    codes_csv = os.path.join(WORK, "codes.csv")
    r = run("survey", "codes", "--db", DB, "--survey", "sat-2026", "--count", str(CODES),
            "--out", codes_csv)
    check("survey codes", r.returncode == 0)
    codes = [line.strip() for line in open(codes_csv)][1:]
    check(f"{CODES} codes issued", len(codes) == CODES)

    port = free_port()
    log = open(os.path.join(WORK, "serve.log"), "ab")
    server = serve(port, log)
    acked = {}       # key → response id
    unknown = {}     # key → (code, n): no answer (the server died)
    lock = threading.Lock()
    next_index = [0]
    kill_after = CODES // 3
    killed = threading.Event()

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while not killed.is_set():
            with lock:
                n = next_index[0]
                if n >= CODES:
                    return
                next_index[0] += 1
            key = f"crash-{n}"
            try:
                status, j = post(conn, codes[n], key, n)
            except (OSError, http.client.HTTPException):
                with lock:
                    unknown[key] = (codes[n], n)
                return
            with lock:
                if status in (200, 201):
                    acked[key] = j["response_id"]
                else:
                    failures.append(f"{key}: HTTP {status} {j}")
            # Now and then the same key again: the same id.
            if n % 10 == 0 and not killed.is_set():
                try:
                    status2, j2 = post(conn, codes[n], key, n)
                    if status2 != 200 or j2.get("response_id") != j["response_id"]:
                        failures.append(f"{key}: replay answered {status2} {j2}")
                except (OSError, http.client.HTTPException):
                    return

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    deadline = time.time() + 60
    while time.time() < deadline:
        with lock:
            if len(acked) >= kill_after:
                break
        time.sleep(0.002)
    os.kill(server.pid, signal.SIGKILL)
    killed.set()
    server.wait()
    for t in threads:
        t.join(30)
    with lock:
        n_acked, n_unknown = len(acked), len(unknown)
    check(f"killed -9 under load after {n_acked} acknowledged ({n_unknown} in flight)",
          n_acked >= kill_after)

    # Restart; re-submit what was in flight: the same id if it was committed.
    server = serve(port, log)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    replayed = created = 0
    for key, (code, n) in sorted(unknown.items()):
        status, j = post(conn, code, key, n)
        if status == 200:
            replayed += 1
        elif status == 201:
            created += 1
        else:
            failures.append(f"{key} after restart: HTTP {status} {j}")
            continue
        acked[key] = j["response_id"]
    print(f"       in flight at the kill: {replayed} had been committed (200), "
          f"{created} had not (201 now)")
    # Acknowledged keys re-sent after the restart: the same ids.
    for key in list(acked)[:50]:
        n = int(key.split("-")[1])
        status, j = post(conn, codes[n], key, n)
        if status != 200 or j["response_id"] != acked[key]:
            failures.append(f"{key} re-sent after restart: {status} {j}, acked {acked[key]}")
    server.send_signal(signal.SIGTERM)
    server.wait(30)
    check("server stopped cleanly after the restart", server.returncode == 0)

    db = sqlite3.connect(DB)
    rows = dict(db.execute("SELECT idempotency_key, id FROM survey_responses "
                           "WHERE survey_id = 'sat-2026'").fetchall())
    # The demo city's own surveys have responses too (src/demo/surveys.h):
    # count this survey's.
    n_rows = db.execute("SELECT COUNT(*) FROM survey_responses "
                        "WHERE survey_id = 'sat-2026'").fetchone()[0]
    check(f"every acknowledged response is stored once under its id ({len(acked)})",
          all(rows.get(k) == v for k, v in acked.items()) and len(rows) == n_rows)
    check("no response without its acknowledgement or re-submission",
          set(rows) == set(acked))
    dup = db.execute("SELECT COUNT(*) FROM (SELECT credential FROM survey_responses "
                     "GROUP BY credential HAVING COUNT(*) > 1)").fetchone()[0]
    check("one response per code", dup == 0)
    bad_batches = db.execute(
        "SELECT COUNT(*) FROM survey_batches b WHERE b.count <> (SELECT COUNT(*) FROM "
        "survey_responses r WHERE r.batch_id = b.id) OR b.first_id <> (SELECT MIN(id) FROM "
        "survey_responses r WHERE r.batch_id = b.id) OR b.last_id <> (SELECT MAX(id) FROM "
        "survey_responses r WHERE r.batch_id = b.id) OR b.audit_id = 0").fetchone()[0]
    orphans = db.execute("SELECT COUNT(*) FROM survey_responses r WHERE NOT EXISTS "
                         "(SELECT 1 FROM survey_batches b WHERE b.id = r.batch_id)").fetchone()[0]
    check("no half-written batch (counts, first/last ids, audit ids; no orphan rows)",
          bad_batches == 0 and orphans == 0)
    codes_used = db.execute("SELECT COUNT(*) FROM survey_codes c JOIN survey_responses r "
                            "ON r.survey_id = c.survey_id AND r.credential = c.code_hash "
                            "WHERE c.survey_id = 'sat-2026'").fetchone()[0]
    check("each response holds an issued code of its survey", codes_used == n_rows)
    audits = db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.batch'").fetchone()[0]
    all_batches = db.execute("SELECT COUNT(*) FROM survey_batches").fetchone()[0]
    batches = db.execute("SELECT COUNT(*) FROM survey_batches b WHERE EXISTS (SELECT 1 FROM "
                         "survey_responses r WHERE r.batch_id = b.id AND "
                         "r.survey_id = 'sat-2026')").fetchone()[0]
    check(f"one audit record per batch ({batches} batches for {n_rows} responses)",
          audits == all_batches and batches < n_rows)
    check("PRAGMA integrity_check", db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    db.close()
    r = run("audit", "verify", "--db", DB)
    check("govperf audit verify: " + r.stdout.strip()[:120], r.returncode == 0)
    r = run("survey", "count", "--db", DB, "--survey", "sat-2026")
    counts = json.loads(r.stdout or "{}")
    check(f"survey count {r.stdout.strip()} equals the rows ({n_rows})",
          r.returncode == 0 and sum(counts.values()) == n_rows)
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

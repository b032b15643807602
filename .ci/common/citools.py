"""Shared by the cluster and crash tests: the database through psql, the public API and engine REST over HTTP,
the SMTP sink's log, and polling with a timeout. Standard library only."""
import base64
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

DB = os.environ.get("DB", "putitright_cluster")
ADMIN = os.environ.get("CI_ADMIN", "ci-admin")
ADMIN_PASSWORD = os.environ.get("CI_ADMIN_PASSWORD", "")
ACK_TIMER = "Timer_AcknowledgementDue"
ACK_TASK = "Task_AcknowledgeComplaint"


def sql(query: str) -> list[list[str]]:
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", DB,
                          "-v", "ON_ERROR_STOP=1", "-At", "-F", "\t", "-c", query],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def sql_int(query: str) -> int:
    return int(sql(query)[0][0])


def log(message: str) -> None:
    print(time.strftime("%H:%M:%S"), message, flush=True)


def wait_for(what: str, check, timeout: float, every: float = 2.0):
    """Polls check() until it returns something truthy; reports progress; fails after timeout seconds."""
    started = time.monotonic()
    last_report = 0.0
    while True:
        result = check()
        if result:
            log(f"{what}: done after {time.monotonic() - started:.0f} s")
            return result
        if time.monotonic() - started > timeout:
            raise SystemExit(f"FAIL: timed out after {timeout:.0f} s waiting for {what}")
        if time.monotonic() - last_report > 15:
            last_report = time.monotonic()
            log(f"waiting for {what} ...")
        time.sleep(every)


def complaint_body(n: int, run: str) -> bytes:
    # a distinct summary per complaint: the same body from one address within 10 minutes is one complaint
    return json.dumps({
        "channel": "ONLINE_FORM",
        "customer": {"name": f"Cluster Tenant {n}", "email": f"tenant{n}@example.org",
                     "preferredContact": "EMAIL"},
        "summary": f"Test complaint {n} of run {run}: the repair was missed.",
        "desiredOutcome": "Fix the repair",
    }).encode()


def post_complaint(base_url: str, n: int, run: str, timeout: float = 60) -> tuple[int, str]:
    """Returns (HTTP status, reference or error); status 0 when there was no answer (node down)."""
    request = urllib.request.Request(base_url + "/api/complaints", data=complaint_body(n, run), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Idempotency-Key": f"{run}-{n}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())["reference"]
    except urllib.error.HTTPError as e:
        return e.code, e.read()[:300].decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
        return 0, str(e)


def complete_task(base_url: str, task_id: str, timeout: float = 60) -> int:
    """Completes a task through engine REST as the CI admin; returns the HTTP status (0: no answer)."""
    token = base64.b64encode(f"{ADMIN}:{ADMIN_PASSWORD}".encode()).decode()
    request = urllib.request.Request(f"{base_url}/engine-rest/task/{task_id}/complete", data=b"{}",
                                     method="POST", headers={"Content-Type": "application/json",
                                                             "Authorization": "Basic " + token})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as e:
        body = e.read()[:300].decode("utf-8", "replace")
        if e.code not in (404, 500):
            print(f"task {task_id}: {e.code} {body}", file=sys.stderr)
        return e.code
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0


def sink_messages(path: str) -> list[tuple[int, str]]:
    """The SMTP sink's log: (epoch millis, Message-ID) per accepted message."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="ascii") as f:
        return [(int(t), mid) for t, mid in (line.split(" ", 1) for line in f.read().splitlines() if line)]


def pending_jobs() -> int:
    """Async continuations still to run (message jobs), plus acknowledgement timers already due."""
    return sql_int(f"""
        select count(*) from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_
        where j.type_ = 'message' or (d.act_id_ = '{ACK_TIMER}' and j.duedate_ <= localtimestamp)""")


def incidents() -> list[list[str]]:
    return sql("select activity_id_, left(incident_msg_, 200) from act_ru_incident limit 5")


def stuck_jobs() -> list[list[str]]:
    """Jobs whose retries are used up (an incident) or that failed and wait for a retry."""
    return sql("""select j.id_, d.act_id_, j.retries_, left(j.exception_msg_, 200) from act_ru_job j
                  left join act_ru_jobdef d on d.id_ = j.job_def_id_
                  where j.retries_ = 0 or j.exception_msg_ is not null limit 5""")


class Checks:
    """Collects assertion results; prints a summary; exit status 1 if any failed."""

    def __init__(self):
        self.failed = 0

    def check(self, ok: bool, message: str) -> None:
        print(("  ok    " if ok else "  FAIL  ") + message, flush=True)
        if not ok:
            self.failed += 1

    def finish(self) -> None:
        if self.failed:
            raise SystemExit(f"{self.failed} check(s) FAILED")
        print("all checks passed", flush=True)

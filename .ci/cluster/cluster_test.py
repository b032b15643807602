#!/usr/bin/env python3
"""Cluster test driver (run by run-cluster-test.sh, which starts the nodes and the SMTP sink).

1. logs COMPLAINTS complaints through POST /api/complaints, alternating between the nodes;
2. waits until each has its acknowledgement timer, then makes all those timers due at once (SQL);
3. waits until they have all fired (the timer records a breach and starts a breach review);
4. completes every acknowledgement task through engine REST, alternating nodes, so every complaint
   writes an acknowledgement letter that the letter-delivery process emails to the sink;
5. checks: every timer ran exactly once with no failure left unresolved, both nodes ran timers, one breach
   and one review per complaint, one letter per step_key, every email delivered exactly once.
Environment: NODE_URLS (space-separated), NODE_NAMES, SMTP_LOG, COMPLAINTS, DB, CI_ADMIN(_PASSWORD).
"""
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "common"))
from citools import (ACK_TASK, ACK_TIMER, Checks, complete_task, incidents, log, pending_jobs,  # noqa: E402
                     post_complaint, sink_messages, sql, sql_int, stuck_jobs, wait_for)

NODE_URLS = os.environ["NODE_URLS"].split()
NODE_NAMES = os.environ["NODE_NAMES"].split()
SMTP_LOG = os.environ["SMTP_LOG"]
N = int(os.environ.get("COMPLAINTS", "1000"))
# how many of them are then acknowledged, each writing a letter that is emailed (the slow part: a PDF each)
LETTERS = min(N, int(os.environ.get("LETTERS", "300")))
CLIENTS = 8
TIMER_JOBDEFS = f"(select id_ from act_ru_jobdef where act_id_ = '{ACK_TIMER}')"
timings = {}


def no_incidents():
    found = incidents()
    if found:
        raise SystemExit(f"FAIL: incident(s) raised: {found}")


def phase(name):
    def wrap(fn):
        def run(*args):
            started = time.monotonic()
            result = fn(*args)
            timings[name] = time.monotonic() - started
            return result
        return run
    return wrap


@phase("log complaints")
def log_complaints(run):
    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(lambda n: post_complaint(NODE_URLS[n % len(NODE_URLS)], n, run), range(N)))
    refused = [a for a in answers if a[0] != 201]
    if refused:
        raise SystemExit(f"FAIL: {len(refused)} of {N} complaints not logged, e.g. {refused[:3]}")
    log(f"logged {N} complaints ({len(set(a[1] for a in answers))} distinct references)")


@phase("wait for timers")
def wait_for_timers():
    def ready():
        no_incidents()
        return sql_int(f"select count(*) from act_ru_job where job_def_id_ in {TIMER_JOBDEFS}") == N \
            and pending_jobs() == 0
    wait_for(f"{N} acknowledgement timers", ready, timeout=300)


@phase("fire timers")
def fire_timers():
    # a day in the past: due on every node whatever the time zones of the JVMs and the database server
    updated = sql_int(f"""with due as (update act_ru_job set duedate_ = localtimestamp - interval '1 day'
                          where job_def_id_ in {TIMER_JOBDEFS} returning 1) select count(*) from due""")
    log(f"made {updated} timers due at once")

    def fired():
        no_incidents()
        return sql_int(f"select count(*) from act_ru_job where job_def_id_ in {TIMER_JOBDEFS}") == 0 \
            and pending_jobs() == 0
    wait_for("every timer to fire and its breach review to start", fired, timeout=300)


def acknowledge(base_url, task_id):
    """Completes one task; a failed attempt (HTTP 500, e.g. no database connection in time) rolled back,
    so it is tried again while the task is still there. Returns the number of attempts, 0 if it never took."""
    for attempt in range(1, 4):
        status = complete_task(base_url, task_id)
        if status == 204:
            return attempt
        if sql_int(f"select count(*) from act_ru_task where id_ = '{task_id}'") == 0:
            return attempt  # completed although the answer was lost
        time.sleep(2)
    return 0


@phase("acknowledge and email")
def acknowledge_all():
    tasks = [row[0] for row in sql(f"""select id_ from act_ru_task where task_def_key_ = '{ACK_TASK}'
                                       order by id_ limit {LETTERS}""")]
    log(f"completing {len(tasks)} acknowledgement tasks")
    with ThreadPoolExecutor(CLIENTS) as pool:
        attempts = list(pool.map(lambda i: acknowledge(NODE_URLS[i % len(NODE_URLS)], tasks[i]),
                                 range(len(tasks))))
    if 0 in attempts:
        raise SystemExit(f"FAIL: {attempts.count(0)} acknowledgement tasks not completed in 3 attempts")
    retried = sum(1 for a in attempts if a > 1)
    log(f"acknowledged {len(tasks)} (retried after an error: {retried})")

    def delivered():
        no_incidents()
        return sql_int("""select count(*) from letter
                          where delivered_at is not null or queued_for_print_at is not null""") >= LETTERS \
            and pending_jobs() == 0
    wait_for(f"{LETTERS} acknowledgement letters delivered", delivered, timeout=300)


def verify():
    c = Checks()
    print("\n=== cluster test results ===")
    # 1. every timer fired exactly once; a failure (e.g. optimistic locking) only where a success followed
    per_job = sql(f"""select job_id_, count(*) filter (where job_state_ = 2), count(*) filter (where job_state_ = 1)
                      from act_hi_job_log where job_def_id_ in {TIMER_JOBDEFS} group by job_id_""")
    once = sum(1 for _, ok, _ in per_job if ok == "1")
    twice = sum(1 for _, ok, _ in per_job if int(ok) > 1)
    failed_entries = sum(int(f) for _, _, f in per_job)
    unresolved = sum(1 for _, ok, f in per_job if int(f) > 0 and ok == "0")
    c.check(len(per_job) == N and once == N, f"timers fired exactly once: {once}/{N} (timer jobs in the log: {len(per_job)})")
    c.check(twice == 0, f"timers fired more than once: {twice}")
    c.check(unresolved == 0, f"timer jobs with a failure left unresolved: {unresolved} "
                             f"(failed attempts later retried successfully: {failed_entries})")
    ole = sql_int("""select count(*) from act_hi_job_log where job_state_ = 1
                     and job_exception_msg_ ilike '%optimistic%'""")
    c.check(True, f"job log failures caused by optimistic locking (any job, all resolved if the rest pass): {ole}")

    # 2. both nodes took work
    by_host = dict((h, int(n)) for h, n in sql(f"""select coalesce(hostname_, '?'), count(*) from act_hi_job_log
        where job_state_ = 2 and job_def_id_ in {TIMER_JOBDEFS} group by hostname_"""))
    summary = ", ".join(f"{name} {by_host.get(name, 0)} timers" for name in NODE_NAMES)
    c.check(all(by_host.get(name, 0) > 0 for name in NODE_NAMES), f"both nodes fired timers: {summary}")
    all_jobs = dict((h, int(n)) for h, n in sql("""select coalesce(hostname_, '?'), count(*) from act_hi_job_log
        where job_state_ = 2 group by hostname_"""))
    print(f"        all jobs run per node: {all_jobs}")

    # 3. what the timer does: one breach and one breach review per complaint
    breaches, breached = sql("select count(*), count(distinct complaint_id) from complaint_breach")[0]
    c.check(breaches == breached == str(N), f"breaches recorded: {breaches} for {breached} complaints (want {N})")
    reviews = sql_int("select count(*) from act_hi_procinst where proc_def_key_ = 'breach-review'")
    c.check(reviews == N, f"breach reviews started: {reviews}/{N}")

    # 4. letters: one per step, all delivered; emails: each exactly once
    letters, steps, delivered, emailed = (int(v) for v in sql("""select count(*), count(distinct step_key),
        count(*) filter (where delivered_at is not null), count(*) filter (where delivery_method = 'EMAIL')
        from letter""")[0])
    c.check(letters == steps == LETTERS, f"letters: {letters}, distinct step keys: {steps} (want {LETTERS})")
    c.check(delivered == emailed == letters, f"letters emailed and marked delivered: {delivered}/{letters}")
    messages = [mid for _, mid in sink_messages(SMTP_LOG)]
    duplicates = len(messages) - len(set(messages))
    expected = {f"<letter-{row[0]}@putitright.invalid>" for row in sql(
        "select id from letter where delivery_method = 'EMAIL'")}
    c.check(duplicates == 0, f"emails received: {len(messages)}, distinct Message-IDs: {len(set(messages))}, "
                             f"duplicates: {duplicates}")
    c.check(set(messages) == expected, f"every emailed letter reached the sink and nothing else did "
                                       f"(missing {len(expected - set(messages))}, "
                                       f"unexpected {len(set(messages) - expected)})")
    mail_hosts = dict(sql("""select coalesce(l.hostname_, '?'), count(*) from act_hi_job_log l
        join act_ru_jobdef d on d.id_ = l.job_def_id_
        where l.job_state_ = 2 and d.act_id_ = 'Task_EmailLetter' group by l.hostname_"""))
    print(f"        emails sent per node: {mail_hosts}")

    # 5. nothing left stuck
    stuck = stuck_jobs()
    c.check(not stuck, f"jobs failed or without retries: {len(stuck)} {stuck[:2]}")
    c.check(not incidents(), "open incidents: 0" if not incidents() else f"incidents: {incidents()}")
    print("timings: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    c.finish()


def main():
    run = os.environ.get("RUN_ID", str(int(time.time())))
    log(f"cluster test: {N} complaints ({LETTERS} acknowledged and emailed) over {len(NODE_URLS)} nodes {NODE_NAMES}")
    log_complaints(run)
    wait_for_timers()
    fire_timers()
    acknowledge_all()
    verify()


if __name__ == "__main__":
    main()

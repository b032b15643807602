"""Timer backlog (docs/performance.md): with two product nodes and two bare-engine nodes up (run-timer-backlog.sh),
makes the same number of deadline timers due at once in each database and measures, side by side, how long
each pair of nodes takes to drain them (no executable job left: the timers and every job they make) and the
jobs per second their job executors ran (ACT_HI_JOB_LOG successes since the timers fell due).
Environment: PRODUCT_DB, BARE_DB, TIMERS (how many; default all the product's deadline timers, at most 10,000)."""
import os
import subprocess
import time

PRODUCT_DB = os.environ.get("PRODUCT_DB", "putitright_load")
BARE_DB = os.environ.get("BARE_DB", "bare_load")
WANTED = int(os.environ.get("TIMERS", "10000"))


def sql(db, statement):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-At", "-v", "ON_ERROR_STOP=1",
                          "-c", statement], check=True, capture_output=True, text=True).stdout.strip()
    return out.splitlines()[-1] if out else ""


# deadline timers: the boundary timers of tasks and stages (a missed acknowledgement, response, ...), not the
# escalation window (an intermediate timer), whose firing closes the case
DEADLINES = "act_ru_job j where j.type_ = 'timer' and j.handler_type_ = 'timer-transition'"


def available(db):
    return int(sql(db, f"select count(*) from {DEADLINES}"))


def make_due(db, n):
    return int(sql(db, f"""with due as (update act_ru_job set duedate_ = localtimestamp - interval '1 day'
                          where id_ in (select j.id_ from {DEADLINES} order by j.id_ limit {n}) returning 1)
                          select count(*) from due"""))


def pending(db):
    return int(sql(db, """select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1
                          and (duedate_ is null or duedate_ <= localtimestamp)
                          and process_def_key_ <> 'letter-delivery'"""))


def ran_since(db, since):
    return int(sql(db, f"""select count(*) from act_hi_job_log where job_state_ = 2
                           and timestamp_ >= timestamp '{since}' and process_def_key_ <> 'letter-delivery'"""))


def main():
    # letter deliveries left by a generator that was stopped early run beside the backlog (a PDF and an email
    # each) and slow the product's drain: say so, since the figures then are not the timers' alone
    letters = int(sql(PRODUCT_DB, "select count(*) from act_ru_job where process_def_key_ = 'letter-delivery'"
                                  " and retries_ > 0 and suspension_state_ = 1"))
    if letters:
        print(f"WARNING: {letters} letter-delivery jobs are due on the product's side and will run during the backlog")
    n = min(WANTED, available(PRODUCT_DB), available(BARE_DB))
    print(f"deadline timers available: product {available(PRODUCT_DB)}, bare {available(BARE_DB)}; making {n} due in each")
    since = sql(PRODUCT_DB, "select localtimestamp")
    start = time.monotonic()
    made = {PRODUCT_DB: make_due(PRODUCT_DB, n), BARE_DB: make_due(BARE_DB, n)}
    drained = {}
    while len(drained) < 2 and time.monotonic() - start < 1800:
        time.sleep(1)
        for db in (PRODUCT_DB, BARE_DB):
            if db not in drained and pending(db) == 0:
                drained[db] = time.monotonic() - start
    results = {}
    for db in (PRODUCT_DB, BARE_DB):
        seconds = drained.get(db)
        jobs = ran_since(db, since)
        by_node = sql(db, f"""select string_agg(hostname_ || ' ' || c, ', ') from (select hostname_, count(*) c
                             from act_hi_job_log where job_state_ = 2 and timestamp_ >= timestamp '{since}'
                             group by hostname_) x""")
        incidents = sql(db, "select count(*) from act_ru_incident")
        results[db] = (seconds, jobs)
        print(f"{db}: {made[db]} timers due; drained in {seconds:.1f} s" if seconds else f"{db}: NOT drained in 30 min",
              f"; {jobs} jobs ran ({by_node}); {jobs / seconds:.1f} jobs/s; {made[db] / seconds:.1f} timers/s;"
              f" incidents {incidents}" if seconds else "")
    (ps, pj), (bs, bj) = results[PRODUCT_DB], results[BARE_DB]
    if ps and bs:
        print(f"| timers due at once | {n} | {n} | |")
        print(f"| time to drain | {ps:.1f} s | {bs:.1f} s | {bs / ps:.2f} (bare/product) |")
        print(f"| jobs run | {pj} | {bj} | |")
        print(f"| jobs per second | {pj / ps:.1f} | {bj / bs:.1f} | {(pj / ps) / (bj / bs):.2f} |")
        print(f"| timers per second | {n / ps:.1f} | {n / bs:.1f} | {(n / ps) / (n / bs):.2f} (target >= 0.8) |")


main()

#!/usr/bin/env bash
# Crash test: one node (port 18183, engine hostname crash-node) on a fresh PostgreSQL database,
# putitright_crash. A client logs 300 complaints (Idempotency-Key per complaint, retried while the node is
# away), 4 a second, while staff acknowledge them, so letters are written and emailed to a local SMTP sink.
# Once a quarter are in and letters are in flight, the JVM is killed with SIGKILL, started again on the
# same database, and the client carries on. crash_test.py check then demands: every accepted complaint stored once with its
# process instance and moved on, every letter delivered (none lost), no letter or email twice, no job stuck.
# Needs the jar and PostgreSQL at 127.0.0.1:5432. Node log: target/crash-node.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DB=putitright_crash
PORT=18183
WORK="$(mktemp -d)"
source .ci/common/nodes.sh
loader_pid=""
before_cleanup() {
  stop_pid "$loader_pid"
}
begin_run target/crash-node.log

# jobs a dead node had locked are taken again once the lock expires: 60 s here instead of the default 5 min,
# still far longer than any of our jobs runs (a shorter lock than a job's run time would run it twice)
node_args=(--camunda.bpm.job-execution.max-wait=5000 --camunda.bpm.job-execution.lock-time-in-millis=60000)

start_node crash-node "$PORT" "${node_args[@]}"
wait_ready "$LAST_PID" "$PORT"
node_pid=$LAST_PID

export DB CI_ADMIN CI_ADMIN_PASSWORD
export BASE_URL="http://127.0.0.1:${PORT}" COMPLAINTS="${COMPLAINTS:-300}" ACCEPTED="$WORK/accepted.txt"
export SMTP_LOG="$WORK/smtp.log" KILLED_AT_FILE="$WORK/killed-at"
started=$SECONDS
python3 .ci/crash/crash_test.py load &
loader_pid=$!

# kill mid-load, with letters written but not all delivered (jobs and emails in flight)
echo "waiting for a quarter of the complaints and letters in flight before the kill"
ready_to_kill=""
for _ in $(seq 1 1200); do
  kill -0 "$loader_pid" 2>/dev/null || break
  if [ "$(sql "select (select count(*) from complaint) >= ${COMPLAINTS} / 4
                 and (select count(*) from letter) >= 3
                 and exists (select 1 from letter where delivered_at is null and queued_for_print_at is null)")" = t ]; then
    ready_to_kill=yes
    break
  fi
  sleep 0.25
done
if [ -z "$ready_to_kill" ]; then
  echo "FAIL: never reached the moment to kill (loader finished or 5 minutes passed)" >&2
  exit 1
fi
kill -9 "$node_pid"
killed_at="$(date +%s%3N)"
wait "$node_pid" 2>/dev/null || true
echo "killed the node with SIGKILL after $((SECONDS - started)) s: $(sql "select (select count(*) from complaint)
  || ' complaints, ' || (select count(*) from letter) || ' letters, '
  || (select count(*) from letter where delivered_at is null and queued_for_print_at is null) || ' undelivered, '
  || (select count(*) from act_ru_job where lock_owner_ is not null) || ' jobs locked'")"

# no message can reach the sink between these two instants: the node is dead
restarted_at="$(date +%s%3N)"
echo "$killed_at $restarted_at" >"$KILLED_AT_FILE"
start_node crash-node "$PORT" "${node_args[@]}"
node_pid=$LAST_PID
wait_ready "$node_pid" "$PORT"

status=0
wait "$loader_pid" || status=$?
loader_pid=""
echo "load finished after $((SECONDS - started)) s (status ${status})"
if [ "$status" -eq 0 ]; then
  python3 .ci/crash/crash_test.py check || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "crash test FAILED; node log: target/crash-node.log" >&2
fi
exit "$status"

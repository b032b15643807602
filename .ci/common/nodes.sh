# Shared by .ci/cluster/run-cluster-test.sh and .ci/crash/run-crash-test.sh (sourced, not run; the browser
# test takes find_jar and stop_pid from it):
# the jar, a fresh PostgreSQL database, the SMTP sink, and app nodes started and stopped by pid.
# Callers set DB (database name) and WORK (a scratch directory), then call begin_run; a caller with more to
# stop on exit (a load client) defines before_cleanup.

PG_ARGS=(-h 127.0.0.1 -p 5432 -U postgres)
NODE_PIDS=()
SINK_PID=""
SMTP_PORT=""
# the engine-rest user the tests complete tasks as; made per run by camunda.bpm.admin-user, not a real secret
CI_ADMIN=ci-admin
CI_ADMIN_PASSWORD="ci-$RANDOM$RANDOM"

find_jar() {
  local candidate jar=""
  for candidate in target/put-it-right-*.jar; do
    case "$candidate" in *.original) continue ;; esac
    [ -f "$candidate" ] && jar="$candidate"
  done
  if [ -z "$jar" ]; then
    echo "no target/put-it-right-*.jar: run 'mvn -B -DskipTests package' first" >&2
    return 1
  fi
  echo "$jar"
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

fresh_database() {
  psql "${PG_ARGS[@]}" -v ON_ERROR_STOP=1 -q \
    -c "drop database if exists ${DB} with (force)" -c "create database ${DB}"
}

sql() {
  psql "${PG_ARGS[@]}" -d "$DB" -v ON_ERROR_STOP=1 -At -c "$1"
}

start_sink() {
  python3 .ci/common/smtp_sink.py --log "$WORK/smtp.log" --port-file "$WORK/smtp.port" &
  SINK_PID=$!
  for _ in $(seq 1 50); do
    [ -s "$WORK/smtp.port" ] && break
    kill -0 "$SINK_PID" 2>/dev/null || { echo "the SMTP sink did not start" >&2; return 1; }
    sleep 0.1
  done
  SMTP_PORT="$(cat "$WORK/smtp.port")"
  echo "SMTP sink on port ${SMTP_PORT} (pid ${SINK_PID}, log $WORK/smtp.log)"
}

# start_node NAME PORT [extra Spring arguments...]: the jar on PostgreSQL database $DB, job executor on,
# engine hostname NAME (ACT_HI_JOB_LOG.HOSTNAME_ says which node ran each job). Sets LAST_PID.
start_node() {
  local name="$1" port="$2"
  shift 2
  if ! port_free "$port"; then
    echo "port ${port} is taken; stop whatever listens there first" >&2
    return 1
  fi
  # hostname and admin user through the same environment variables as docker/compose.yaml, so this
  # test also proves that their binding works. Pool of 30: Hikari's default 10 is less than the job
  # executor's 10 threads plus its acquisition plus web requests (seen: 30 s waits and HTTP 500 under load)
  PUTITRIGHT_DB_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" PUTITRIGHT_DB_USER=postgres \
  PUTITRIGHT_SMTP_HOST=127.0.0.1 PUTITRIGHT_SMTP_PORT="$SMTP_PORT" \
  CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME="$name" \
  CAMUNDA_BPM_ADMINUSER_ID="$CI_ADMIN" CAMUNDA_BPM_ADMINUSER_PASSWORD="$CI_ADMIN_PASSWORD" \
  SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE=30 \
    java -Xmx768m -jar "$JAR" \
      --spring.profiles.active=postgres \
      --server.port="$port" \
      --camunda.bpm.job-execution.enabled=true \
      --putitright.intake.max-submissions-per-address=100000 \
      "$@" >>"target/${name}.log" 2>&1 &
  LAST_PID=$!
  NODE_PIDS+=("$LAST_PID")
  echo "started ${name} on port ${port} (pid ${LAST_PID}, log target/${name}.log)"
}

# wait_ready PID PORT [seconds]: until Tasklist answers 200, or fail if the node died or took too long
# (default NODE_START_TIMEOUT or 480 s: a first start on an empty database on a busy 2-core machine is slow)
wait_ready() {
  local pid="$1" port="$2" limit="${3:-${NODE_START_TIMEOUT:-480}}" started code
  started=$SECONDS
  while [ $((SECONDS - started)) -lt "$limit" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the node on port ${port} stopped while starting" >&2
      return 1
    fi
    code="$(curl -s -L -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/camunda/app/tasklist/" || true)"
    if [ "$code" = "200" ]; then
      echo "node on port ${port} ready after $((SECONDS - started)) s"
      return 0
    fi
    sleep 1
  done
  echo "the node on port ${port} was not ready within ${limit} s" >&2
  return 1
}

stop_pid() {
  local pid="$1"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

stop_all() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do stop_pid "$pid"; done
  stop_pid "$SINK_PID"
}

end_run() {
  if declare -F before_cleanup >/dev/null; then before_cleanup; fi
  stop_all
  rm -rf "$WORK"
}

# begin_run LOG...: stop everything on exit, find the jar (sets JAR), clear the named node logs, make the
# fresh database and start the SMTP sink
begin_run() {
  trap end_run EXIT
  # a cancelled run (Ctrl-C, CI timeout) exits through the EXIT trap too, so no node outlives it
  trap 'exit 130' INT
  trap 'exit 143' TERM
  JAR="$(find_jar)"
  mkdir -p target
  rm -f "$@"
  fresh_database
  start_sink
}

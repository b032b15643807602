#!/usr/bin/env bash
# Timer backlog (docs/performance.md): two product nodes on putitright_load and two bare-engine nodes on
# bare_load (the load run's data, left by run-load.sh), all up at once; then timer_backlog.py makes the same
# number of deadline timers due in both databases (TIMERS, default up to 10,000) and measures the drain side by
# side. Extra job executor settings for both sides: JOB_ARGS (e.g. "--camunda.bpm.job-execution.max-pool-size=4").
# Other databases and ports (another session's data, a second run beside the load run): PRODUCT_DB, BARE_DB
# (default putitright_load, bare_load) and BACKLOG_PORT (the first of four, default 18172).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
OUT=target/load
WORK="$(mktemp -d)"
source .ci/common/nodes.sh
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do stop_pid "$pid"; done; stop_pid "$SINK_PID"; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
JAR="$(find_jar)"
CP="$OUT/cp/test-classes:$OUT/cp/classes:$(cat "$OUT/classpath.txt")"
read -r -a JOB_ARGS <<<"${JOB_ARGS:-}"
export PRODUCT_DB="${PRODUCT_DB:-putitright_load}" BARE_DB="${BARE_DB:-bare_load}"
FIRST_PORT="${BACKLOG_PORT:-18172}"
start_sink
port=$FIRST_PORT
for node in a b; do
  PUTITRIGHT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PRODUCT_DB" PUTITRIGHT_SECURE_COOKIES=false \
  PUTITRIGHT_SMTP_HOST=127.0.0.1 PUTITRIGHT_SMTP_PORT="$SMTP_PORT" \
  CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME="product-$node" \
    java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres --server.port=$port \
      --camunda.bpm.job-execution.max-wait=5000 "${JOB_ARGS[@]}" >"$OUT/backlog-product-$node.log" 2>&1 &
  PIDS+=($!); port=$((port + 1))
  java -Xmx1g -cp "$CP" uk.putitright.bench.bare.BareEngineApplication --server.port=$port \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$BARE_DB --spring.datasource.username=postgres \
    --spring.datasource.password= --camunda.bpm.generic-properties.properties.hostname="bare-$node" \
    --camunda.bpm.job-execution.core-pool-size=4 --camunda.bpm.job-execution.max-pool-size=8 \
    --camunda.bpm.job-execution.queue-capacity=8 --camunda.bpm.job-execution.max-wait=5000 "${JOB_ARGS[@]}" \
    >"$OUT/backlog-bare-$node.log" 2>&1 &
  PIDS+=($!); port=$((port + 1))
done
for p in $(seq "$FIRST_PORT" $((FIRST_PORT + 3))); do
  for _ in $(seq 1 900); do
    curl -s "http://127.0.0.1:$p/actuator/health" | grep -q '"UP"' && break
    sleep 1
  done
done
echo "- uptime before the backlog: $(uptime | sed 's/.*load average/load average/')"
python3 .ci/load/timer_backlog.py
echo "- uptime after the backlog: $(uptime | sed 's/.*load average/load average/')"
